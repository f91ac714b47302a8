package dev.cairn.core.expr;

import dev.cairn.core.model.AttributeValues;
import dev.cairn.core.model.Numbers;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import java.math.BigDecimal;

/**
 * Number arithmetic and scalar ordering used by the evaluators.
 *
 * <p>Kept in one small class so it can be replaced by {@code core.model.Numbers} and the shared ordering helper
 * when they land: arithmetic rounds to 38 significant digits and rejects results outside DynamoDB's range
 * (1E-130 to below 1E+126); S compares by code point (the order of UTF-8 bytes), N numerically, B unsigned
 * byte by byte. Source: DynamoDB Developer Guide, "Supported data types" (Number) and "Comparison operator and
 * function reference".
 */
final class ExprValues {
  private ExprValues() {}

  /** 38-digit addition with the service's range and precision errors ({@link Numbers#add}). */
  static BigDecimal add(BigDecimal a, BigDecimal b) {
    return Numbers.add(a, b);
  }

  /** 38-digit subtraction with the service's range and precision errors ({@link Numbers#subtract}). */
  static BigDecimal subtract(BigDecimal a, BigDecimal b) {
    return Numbers.subtract(a, b);
  }

  /** Whether values of this type can be ordered (S, N, B). */
  static boolean isOrderable(AttributeType t) {
    return t == AttributeType.S || t == AttributeType.N || t == AttributeType.B;
  }

  /**
   * Orders two scalars of the same type (S, N or B); callers check the types first.
   *
   * @throws IllegalArgumentException when the types differ or are not scalar
   */
  static int compare(AttributeValue a, AttributeValue b) {
    return AttributeValues.compare(a, b);
  }

  /** Code point order, which is the order of the UTF-8 encodings (String.compareTo is UTF-16 order). */
  static int compareCodePoints(String a, String b) {
    return AttributeValues.compareStrings(a, b);
  }

  /** The long type name update-expression errors use: STRING, NUMBER, BINARY, BOOLEAN, NULL, LIST, MAP, or SS... */
  static String longTypeName(AttributeType t) {
    return switch (t) {
      case S -> "STRING";
      case N -> "NUMBER";
      case B -> "BINARY";
      case BOOL -> "BOOLEAN";
      case NULL -> "NULL";
      case L -> "LIST";
      case M -> "MAP";
      default -> t.name();
    };
  }

  /** A scalar rendered as the service renders it inside "AttributeValue: {N:5}". */
  static String render(AttributeValue v) {
    String body;
    if (v instanceof AttributeValue.S s) {
      body = s.value();
    } else if (v instanceof AttributeValue.N n) {
      body = n.value().toPlainString();
    } else if (v instanceof AttributeValue.B b) {
      // The service prints a binary bound with Java's ByteBuffer.toString().
      body = "java.nio.HeapByteBuffer[pos=0 lim=" + b.value().length() + " cap=" + b.value().length() + "]";
    } else {
      body = String.valueOf(v);
    }
    return "AttributeValue: {" + v.type().name() + ":" + body + "}";
  }
}
