package dev.cairn.core.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A DynamoDB attribute value: one of the ten types, immutable.
 *
 * <p>Shapes: {@link S} holds a Java string (any UTF-16, U+0000 included); {@link N} an exact decimal already
 * checked against DynamoDB's range and precision (build it with {@code Numbers.parse}); {@link B} raw bytes;
 * sets keep the order they were given in and hold no duplicates (a set cannot be empty: the validators reject
 * that before a value is built). Maps keep attribute order. Source: DynamoDB API Reference, "AttributeValue";
 * Developer Guide, "Supported data types and naming rules".
 */
public sealed interface AttributeValue
    permits AttributeValue.S, AttributeValue.N, AttributeValue.B, AttributeValue.Bool, AttributeValue.Null,
        AttributeValue.M, AttributeValue.L, AttributeValue.SS, AttributeValue.NS, AttributeValue.BS {

  /** The wire type of this value. */
  AttributeType type();

  /** A string. */
  record S(String value) implements AttributeValue {
    public S {
      Objects.requireNonNull(value);
    }

    @Override
    public AttributeType type() {
      return AttributeType.S;
    }
  }

  /**
   * A number, exact. {@code value} is normalized (no trailing zeros: {@code 1.50} and {@code 1.5} are one
   * value), so {@code equals} is numeric equality.
   */
  record N(BigDecimal value) implements AttributeValue {
    public N {
      Objects.requireNonNull(value);
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    @Override
    public AttributeType type() {
      return AttributeType.N;
    }
  }

  /** A binary value. */
  record B(Bytes value) implements AttributeValue {
    public B {
      Objects.requireNonNull(value);
    }

    @Override
    public AttributeType type() {
      return AttributeType.B;
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements AttributeValue {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    public static Bool of(boolean value) {
      return value ? TRUE : FALSE;
    }

    @Override
    public AttributeType type() {
      return AttributeType.BOOL;
    }
  }

  /** The NULL value (the wire form is {@code {"NULL": true}}). */
  record Null() implements AttributeValue {
    public static final Null INSTANCE = new Null();

    @Override
    public AttributeType type() {
      return AttributeType.NULL;
    }
  }

  /** A map of attribute names to values, in insertion order. */
  record M(Map<String, AttributeValue> value) implements AttributeValue {
    public M {
      value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
    }

    @Override
    public AttributeType type() {
      return AttributeType.M;
    }
  }

  /** A list of values. */
  record L(List<AttributeValue> value) implements AttributeValue {
    public L {
      value = List.copyOf(value);
    }

    @Override
    public AttributeType type() {
      return AttributeType.L;
    }
  }

  /**
   * A string set. Members are kept in DynamoDB's order, UTF-8 byte order, which is the order the service returns
   * them in whatever order they were written (conformance suite, tier1/updateItem/basic.test.ts, 2026-10).
   */
  record SS(Set<String> value) implements AttributeValue {
    public SS {
      value = sorted(value, AttributeValues::compareStrings);
    }

    @Override
    public AttributeType type() {
      return AttributeType.SS;
    }
  }

  /** A number set; members are normalized as in {@link N} and kept in numeric order, as the service returns them. */
  record NS(Set<BigDecimal> value) implements AttributeValue {
    public NS {
      LinkedHashSet<BigDecimal> norm = new LinkedHashSet<>();
      for (BigDecimal d : value) {
        norm.add(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
      }
      value = sorted(norm, java.util.Comparator.naturalOrder());
    }

    @Override
    public AttributeType type() {
      return AttributeType.NS;
    }
  }

  /** A binary set, kept in unsigned byte order, as the service returns it. */
  record BS(Set<Bytes> value) implements AttributeValue {
    public BS {
      value = sorted(value, java.util.Comparator.naturalOrder());
    }

    @Override
    public AttributeType type() {
      return AttributeType.BS;
    }
  }

  /** An unmodifiable set with the members of {@code members} in {@code order}. */
  private static <T> Set<T> sorted(Set<T> members, java.util.Comparator<? super T> order) {
    java.util.ArrayList<T> list = new java.util.ArrayList<>(members);
    list.sort(order);
    return Collections.unmodifiableSet(new LinkedHashSet<>(list));
  }
}
