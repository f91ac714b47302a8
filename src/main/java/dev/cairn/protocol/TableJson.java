package dev.cairn.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Typed reads of control-plane request members with the service's {@code SerializationException} texts,
 * per model shape, as dynalite's type tests record them from the service ({@code test/helpers.js},
 * {@code assertType}): a list given a scalar is "Unexpected field type"; a structure member given a scalar is
 * "Unexpected field type" and given an array "Unrecognized collection type class
 * com.amazonaws.dynamodb.v20120810.&lt;Shape&gt;"; a list element (and StreamSpecification) given a scalar is
 * "Unexpected value type in payload"; a string given an array is "Unrecognized collection type class
 * java.lang.String", given a fraction "DECIMAL_VALUE cannot be converted to String". A JSON {@code null} reads
 * as absent (a {@code null} list element stays a {@code null} element).
 */
final class TableJson {
  private static final String MODEL = "com.amazonaws.dynamodb.v20120810.";
  private static final String MAP_FOUND = "Start of structure or map found where not expected";

  private TableJson() {
  }

  static DynamoException serialization(String message) {
    return DynamoException.of(ErrorCode.SERIALIZATION, message);
  }

  private static String token(JsonNode n) {
    if (n.isTextual()) {
      return "STRING_VALUE";
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
    }
    if (n.isNumber()) {
      return n.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE";
    }
    return "VALUE";
  }

  private static JsonNode present(JsonNode obj, String name) {
    JsonNode n = obj.get(name);
    return n == null || n.isNull() ? null : n;
  }

  /** A string value (member or list element). */
  static String stringValue(JsonNode n) {
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isObject()) {
      throw serialization(MAP_FOUND);
    }
    if (n.isArray()) {
      throw serialization("Unrecognized collection type class java.lang.String");
    }
    throw serialization(token(n) + " cannot be converted to String");
  }

  static String string(JsonNode obj, String name) {
    JsonNode n = present(obj, name);
    return n == null ? null : stringValue(n);
  }

  static Boolean bool(JsonNode obj, String name) {
    JsonNode n = present(obj, name);
    if (n == null) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isObject()) {
      throw serialization(MAP_FOUND);
    }
    if (n.isArray()) {
      throw serialization("Unrecognized collection type class java.lang.Boolean");
    }
    if (n.isTextual()) {
      throw serialization("Unexpected token received from parser");
    }
    throw serialization(token(n) + " cannot be converted to Boolean");
  }

  /** A Long member; a fraction is truncated, as the service's deserializer does for integral members. */
  static Long longValue(JsonNode obj, String name) {
    JsonNode n = present(obj, name);
    if (n == null) {
      return null;
    }
    if (n.isNumber()) {
      if (n.isIntegralNumber() && !n.canConvertToLong()) {
        throw serialization("Numeric value (" + n.asText()
            + ") out of range of long (-9223372036854775808 - 9223372036854775807)");
      }
      return n.isIntegralNumber() ? n.longValue() : (long) n.doubleValue();
    }
    if (n.isObject()) {
      throw serialization(MAP_FOUND);
    }
    if (n.isArray()) {
      throw serialization("Unrecognized collection type class java.lang.Long");
    }
    throw serialization(token(n) + " cannot be converted to Long");
  }

  /** A list member, or {@code null}. */
  static JsonNode list(JsonNode obj, String name) {
    JsonNode n = present(obj, name);
    if (n == null || n.isArray()) {
      return n;
    }
    throw serialization(n.isObject() ? MAP_FOUND : "Unexpected field type");
  }

  /** A structure member (Coral "FieldStruct"), or {@code null}. */
  static JsonNode fieldStruct(JsonNode obj, String name, String shape) {
    JsonNode n = present(obj, name);
    if (n == null || n.isObject()) {
      return n;
    }
    throw serialization(n.isArray() ? "Unrecognized collection type class " + MODEL + shape : "Unexpected field type");
  }

  /** A structure in value position (Coral "ValueStruct": list elements, StreamSpecification). */
  static JsonNode valueStruct(JsonNode n, String shape) {
    if (n.isObject()) {
      return n;
    }
    throw serialization(n.isArray() ? "Unrecognized collection type class " + MODEL + shape
        : "Unexpected value type in payload");
  }

  /** A structure member read in value position, or {@code null}. */
  static JsonNode valueStruct(JsonNode obj, String name, String shape) {
    JsonNode n = present(obj, name);
    return n == null ? null : valueStruct(n, shape);
  }

  /** A list of structures, each read by {@code reader}; {@code null} when absent. */
  static <T> List<T> structList(JsonNode obj, String name, String shape, Function<JsonNode, T> reader) {
    JsonNode array = list(obj, name);
    if (array == null) {
      return null;
    }
    List<T> out = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      out.add(element.isNull() ? null : reader.apply(valueStruct(element, shape)));
    }
    return Collections.unmodifiableList(out);
  }

  /** A list of strings; {@code null} when absent. */
  static List<String> stringList(JsonNode obj, String name) {
    JsonNode array = list(obj, name);
    if (array == null) {
      return null;
    }
    List<String> out = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      out.add(element.isNull() ? null : stringValue(element));
    }
    return Collections.unmodifiableList(out);
  }
}
