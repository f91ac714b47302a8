package dev.cairn.core.model;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DynamoDB's ordering and equality of attribute values, and a short text form for messages.
 *
 * <p>Ordering is defined only between two scalar key-type values of the same type: N numerically, S by the
 * bytes of its UTF-8 encoding, B by unsigned bytes (API Reference, Query, ScanIndexForward: "If the sort key
 * data type is Number, the results are stored in numeric order. For type String, the results are stored in
 * order of UTF-8 bytes. For type Binary, DynamoDB treats each byte of the binary data as unsigned."). Equality
 * is deep and defined for every type. Thread-safe (stateless).
 */
public final class AttributeValues {
  private AttributeValues() {}

  /**
   * Compares two values of the same scalar type as DynamoDB orders them (sort keys, {@code <}, {@code BETWEEN}).
   *
   * @param a an S, N or B value
   * @param b a value of the same type as {@code a}
   * @return negative, zero or positive as {@code a} is before, equal to or after {@code b}
   * @throws IllegalArgumentException when the types differ or are not S, N or B: DynamoDB has no order for
   *     them, and callers decide what such a comparison means (usually: false)
   */
  public static int compare(AttributeValue a, AttributeValue b) {
    if (a instanceof AttributeValue.S sa && b instanceof AttributeValue.S sb) {
      return compareStrings(sa.value(), sb.value());
    }
    if (a instanceof AttributeValue.N na && b instanceof AttributeValue.N nb) {
      return na.value().compareTo(nb.value());
    }
    if (a instanceof AttributeValue.B ba && b instanceof AttributeValue.B bb) {
      return ba.value().compareTo(bb.value());
    }
    throw new IllegalArgumentException("no DynamoDB order between " + a.type() + " and " + b.type());
  }

  /** Whether {@link #compare} is defined for the two values: both S, both N or both B. */
  public static boolean isComparable(AttributeValue a, AttributeValue b) {
    return a.type() == b.type() && a.type().isScalarKeyType();
  }

  /**
   * Compares two strings by their UTF-8 bytes, DynamoDB's string order, without encoding them.
   *
   * <p>UTF-8 byte order is code-point order, which differs from {@link String#compareTo} (UTF-16 code units)
   * when a supplementary character (U+10000 and up, a surrogate pair) meets a character from U+E000 to U+FFFF:
   * "\uD83D\uDE00" (U+1F600) sorts after "\uFFFD" here, before it in {@code compareTo}. An unpaired surrogate
   * sorts by its own value, as its 3-byte generalized UTF-8 form would.
   */
  public static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca != cb) {
        // The first difference decides. Only when one side is a surrogate and the other a char at or above
        // U+E000 does UTF-16 order disagree with code-point order: a surrogate pair encodes U+10000 and up.
        boolean sa = Character.isSurrogate(ca);
        boolean sb = Character.isSurrogate(cb);
        if (sa != sb) {
          int pa = sa ? Character.codePointAt(a, i) : ca;
          int pb = sb ? Character.codePointAt(b, i) : cb;
          return Integer.compare(pa, pb);
        }
        return Character.compare(ca, cb);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  /**
   * Deep equality as DynamoDB defines it for {@code =}, {@code <>} and {@code contains}: same type and same
   * value. N compares numerically ({@code 1.50} equals {@code 1.5}), sets regardless of order, maps regardless
   * of attribute order, lists element by element in order.
   */
  public static boolean equal(AttributeValue a, AttributeValue b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.type() != b.type()) {
      return false;
    }
    // Java 17 has no pattern switch: an instanceof chain over the sealed types.
    if (a instanceof AttributeValue.N na) {
      return na.value().compareTo(((AttributeValue.N) b).value()) == 0;
    }
    if (a instanceof AttributeValue.NS na) {
      return numberSetsEqual(na, (AttributeValue.NS) b);
    }
    if (a instanceof AttributeValue.L la) {
      return listsEqual(la.value(), ((AttributeValue.L) b).value());
    }
    if (a instanceof AttributeValue.M ma) {
      return mapsEqual(ma.value(), ((AttributeValue.M) b).value());
    }
    // S, B, BOOL, NULL, SS and BS: the records' equals is already DynamoDB's (Set.equals ignores order).
    return a.equals(b);
  }

  private static boolean numberSetsEqual(AttributeValue.NS a, AttributeValue.NS b) {
    // Members are normalized on construction, so BigDecimal.equals is numeric equality here.
    return a.value().equals(b.value());
  }

  private static boolean listsEqual(List<AttributeValue> a, List<AttributeValue> b) {
    if (a.size() != b.size()) {
      return false;
    }
    Iterator<AttributeValue> ib = b.iterator();
    for (AttributeValue va : a) {
      if (!equal(va, ib.next())) {
        return false;
      }
    }
    return true;
  }

  private static boolean mapsEqual(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
      AttributeValue other = b.get(e.getKey());
      if (other == null || !equal(e.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A short text form of a value for messages and logs: {@code {S:abc}}, {@code {N:1.5}}, {@code {B:AAE=}},
   * {@code {BOOL:true}}, {@code {NULL:true}}, {@code {SS:[a, b]}}, {@code {L:[{N:1}]}},
   * {@code {M:{k={S:v}}}}.
   *
   * <p>The S and N forms are the service's own ("lower bound operand: AttributeValue: {N:1}" in the BETWEEN
   * message, recorded in dynalite's test/updateItem.js); the other forms follow the same pattern. Strings and
   * binaries are not escaped or shortened: use {@link #describe(AttributeValue, int)} for logs.
   */
  public static String describe(AttributeValue value) {
    StringBuilder sb = new StringBuilder();
    describe(value, sb, Integer.MAX_VALUE);
    return sb.toString();
  }

  /**
   * As {@link #describe(AttributeValue)}, cut to at most {@code maxChars} characters; a cut text ends in
   * {@code "..."}.
   */
  public static String describe(AttributeValue value, int maxChars) {
    if (maxChars < 3) {
      throw new IllegalArgumentException("maxChars must be at least 3");
    }
    StringBuilder sb = new StringBuilder();
    describe(value, sb, maxChars + 1);
    if (sb.length() <= maxChars) {
      return sb.toString();
    }
    sb.setLength(maxChars - 3);
    return sb.append("...").toString();
  }

  /** Appends the text of {@code value}, stopping once {@code sb} is longer than {@code limit}. */
  private static void describe(AttributeValue value, StringBuilder sb, int limit) {
    if (sb.length() > limit) {
      return;
    }
    sb.append('{').append(value.type().name()).append(':');
    if (value instanceof AttributeValue.S s) {
      sb.append(s.value());
    } else if (value instanceof AttributeValue.N n) {
      sb.append(Numbers.format(n.value()));
    } else if (value instanceof AttributeValue.B b) {
      sb.append(b.value().toBase64());
    } else if (value instanceof AttributeValue.Bool b) {
      sb.append(b.value());
    } else if (value instanceof AttributeValue.Null) {
      sb.append("true");
    } else if (value instanceof AttributeValue.SS ss) {
      joinPlain(ss.value(), sb, limit);
    } else if (value instanceof AttributeValue.NS ns) {
      sb.append('[');
      String sep = "";
      for (BigDecimal d : ns.value()) {
        if (sb.length() > limit) {
          break;
        }
        sb.append(sep).append(Numbers.format(d));
        sep = ", ";
      }
      sb.append(']');
    } else if (value instanceof AttributeValue.BS bs) {
      joinPlain(bs.value(), sb, limit);
    } else if (value instanceof AttributeValue.L l) {
      sb.append('[');
      String sep = "";
      for (AttributeValue v : l.value()) {
        if (sb.length() > limit) {
          break;
        }
        sb.append(sep);
        describe(v, sb, limit);
        sep = ", ";
      }
      sb.append(']');
    } else if (value instanceof AttributeValue.M m) {
      sb.append('{');
      String sep = "";
      for (Map.Entry<String, AttributeValue> e : m.value().entrySet()) {
        if (sb.length() > limit) {
          break;
        }
        sb.append(sep).append(e.getKey()).append('=');
        describe(e.getValue(), sb, limit);
        sep = ", ";
      }
      sb.append('}');
    }
    sb.append('}');
  }

  private static void joinPlain(Iterable<?> members, StringBuilder sb, int limit) {
    sb.append('[');
    String sep = "";
    for (Object o : members) {
      if (sb.length() > limit) {
        break;
      }
      sb.append(sep).append(Objects.toString(o));
      sep = ", ";
    }
    sb.append(']');
  }
}
