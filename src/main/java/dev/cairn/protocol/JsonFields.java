package dev.cairn.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;

/**
 * Typed reads of request members with the service's {@code SerializationException} texts for a member of
 * the wrong JSON type (e.g. {@code "NUMBER_VALUE cannot be converted to String"},
 * {@code "Start of structure or map found where not expected"}). A JSON {@code null} reads as absent.
 */
public final class JsonFields {
  private JsonFields() {
  }

  /** The member as a string, or {@code null} when absent. */
  public static String string(JsonNode obj, String name) {
    JsonNode n = obj.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw mismatch(n, "String");
    }
    return n.textValue();
  }

  /** The member as an int, or {@code null} when absent. */
  public static Integer integer(JsonNode obj, String name) {
    JsonNode n = obj.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isNumber()) {
      throw mismatch(n, "Integer");
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      // The service truncates fractions and rejects what does not fit in 32 bits.
      if (n.isIntegralNumber()) {
        throw DynamoException.of(ErrorCode.SERIALIZATION, "Numeric value (" + n.asText()
            + ") out of range of int (-2147483648 - 2147483647)");
      }
      return (int) n.doubleValue();
    }
    return n.intValue();
  }

  /** The member as a boolean, or {@code null} when absent. */
  public static Boolean bool(JsonNode obj, String name) {
    JsonNode n = obj.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw mismatch(n, "Boolean");
    }
    return n.booleanValue();
  }

  /** The member as an object node, or {@code null} when absent. */
  public static JsonNode object(JsonNode obj, String name) {
    JsonNode n = obj.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw mismatch(n, "Map");
    }
    return n;
  }

  /** The member as an array node, or {@code null} when absent. */
  public static JsonNode array(JsonNode obj, String name) {
    JsonNode n = obj.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw mismatch(n, "List");
    }
    return n;
  }

  /** The {@code SerializationException} for a JSON value that is not of the {@code expected} type. */
  public static DynamoException mismatch(JsonNode n, String expected) {
    String message;
    if (n.isObject()) {
      message = "Start of structure or map found where not expected";
    } else if (n.isArray()) {
      message = "Start of list found where not expected";
    } else {
      String token = n.isTextual() ? "STRING_VALUE" : n.isNumber() ? "NUMBER_VALUE"
          : n.isBoolean() ? (n.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") : "VALUE";
      message = token + " cannot be converted to " + expected;
    }
    return DynamoException.of(ErrorCode.SERIALIZATION, message);
  }
}
