package dev.cairn.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.Bytes;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;

/** Short builders for attribute values and items, and the domain assertion for service errors. */
final class Av {
  private Av() {}

  static AttributeValue s(String v) {
    return new AttributeValue.S(v);
  }

  static AttributeValue n(String v) {
    return new AttributeValue.N(new BigDecimal(v));
  }

  static AttributeValue b(int... bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = (byte) bytes[i];
    }
    return new AttributeValue.B(Bytes.wrap(out));
  }

  static AttributeValue bool(boolean v) {
    return AttributeValue.Bool.of(v);
  }

  static AttributeValue nul() {
    return AttributeValue.Null.INSTANCE;
  }

  static AttributeValue ss(String... v) {
    return new AttributeValue.SS(new LinkedHashSet<>(Arrays.asList(v)));
  }

  static AttributeValue ns(String... v) {
    return new AttributeValue.NS(Arrays.stream(v).map(BigDecimal::new).collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  static AttributeValue bs(AttributeValue... v) {
    return new AttributeValue.BS(Arrays.stream(v).map(x -> ((AttributeValue.B) x).value())
        .collect(Collectors.toCollection(LinkedHashSet::new)));
  }

  static AttributeValue l(AttributeValue... v) {
    return new AttributeValue.L(List.of(v));
  }

  /** A map value from alternating names and values. */
  static AttributeValue m(Object... kv) {
    return new AttributeValue.M(item(kv));
  }

  /** An item from alternating names and values. */
  static Map<String, AttributeValue> item(Object... kv) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], (AttributeValue) kv[i + 1]);
    }
    return out;
  }

  /** A names map from alternating placeholders and names. */
  static Map<String, String> names(String... kv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put(kv[i], kv[i + 1]);
    }
    return out;
  }

  /** Asserts a ValidationException with exactly {@code message}. */
  static void assertValidation(String message, Executable call) {
    DynamoException e = assertThrows(DynamoException.class, call);
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals(message, e.getMessage());
  }
}
