package dev.cairn.core.expr;

import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Evaluates a bound {@link Condition} against an item.
 *
 * <p>Never throws for data reasons: a missing attribute, or operands of different or unorderable types, make
 * the comparison false (so {@code a <> :v} is true when {@code a} is missing), as the service does. Functions:
 * {@code begins_with} on S or B; {@code contains} on S (substring), sets (member) and lists (element);
 * {@code size} on S and B (bytes), sets, lists and maps; {@code attribute_type} with S,
 * SS, N, NS, B, BS, BOOL, NULL, L, M. Pure and thread-safe. Source: DynamoDB Developer Guide, "Condition and
 * filter expressions, operators, and functions".
 */
public final class ConditionEvaluator {
  private ConditionEvaluator() {}

  /**
   * Whether {@code condition} holds for {@code item}.
   *
   * @param item the item, or {@code null} when there is none (every path is then missing)
   * @throws IllegalStateException when the condition still holds placeholders (it was not bound)
   */
  public static boolean evaluate(Condition condition, Map<String, AttributeValue> item) {
    if (condition instanceof Condition.And a) {
      return evaluate(a.left(), item) && evaluate(a.right(), item);
    }
    if (condition instanceof Condition.Or o) {
      return evaluate(o.left(), item) || evaluate(o.right(), item);
    }
    if (condition instanceof Condition.Not n) {
      return !evaluate(n.operand(), item);
    }
    if (condition instanceof Condition.Compare c) {
      return compare(c.op(), value(c.left(), item), value(c.right(), item));
    }
    if (condition instanceof Condition.Between b) {
      AttributeValue v = value(b.value(), item);
      AttributeValue lo = value(b.lower(), item);
      AttributeValue hi = value(b.upper(), item);
      return compare(Comparator.GE, v, lo) && compare(Comparator.LE, v, hi);
    }
    if (condition instanceof Condition.In in) {
      AttributeValue v = value(in.value(), item);
      if (v == null) {
        return false;
      }
      for (Operand o : in.candidates()) {
        if (v.equals(value(o, item))) {
          return true;
        }
      }
      return false;
    }
    Condition.Function f = (Condition.Function) condition;
    switch (f.fn()) {
      case ATTRIBUTE_EXISTS:
        return value(f.args().get(0), item) != null;
      case ATTRIBUTE_NOT_EXISTS:
        return value(f.args().get(0), item) == null;
      case ATTRIBUTE_TYPE: {
        AttributeValue v = value(f.args().get(0), item);
        AttributeValue t = value(f.args().get(1), item);
        return v != null && t instanceof AttributeValue.S s && v.type().name().equals(s.value());
      }
      case BEGINS_WITH:
        return beginsWith(value(f.args().get(0), item), value(f.args().get(1), item));
      case CONTAINS:
        return contains(value(f.args().get(0), item), value(f.args().get(1), item));
      default:
        throw new IllegalStateException("not a condition function: " + f.fn());
    }
  }

  /** The value of an operand, or {@code null} when it has none (missing path, size of an unsized type). */
  static AttributeValue value(Operand o, Map<String, AttributeValue> item) {
    if (o instanceof Operand.Value v) {
      return v.value();
    }
    if (o instanceof Operand.Path p) {
      return ItemPaths.get(item, p.path());
    }
    if (o instanceof Operand.Call c && c.fn() == FunctionName.SIZE) {
      AttributeValue v = value(c.args().get(0), item);
      Integer n = v == null ? null : size(v);
      return n == null ? null : new AttributeValue.N(BigDecimal.valueOf(n));
    }
    throw new IllegalStateException("operand not bound or not allowed in a condition: " + o);
  }

  /**
   * DynamoDB's {@code size}: the UTF-8 length of a string (the PartiQL "size" page of the Developer Guide says
   * "size in bytes"; the expression page only says "length"), bytes of a binary, members of a set, elements of
   * a list or map; {@code null} for N, BOOL and NULL, which makes the comparison false rather than an error
   * (observed by ExtendDB's tests against the service).
   */
  static Integer size(AttributeValue v) {
    if (v instanceof AttributeValue.S s) {
      return s.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    if (v instanceof AttributeValue.B b) {
      return b.value().length();
    }
    if (v instanceof AttributeValue.SS s) {
      return s.value().size();
    }
    if (v instanceof AttributeValue.NS s) {
      return s.value().size();
    }
    if (v instanceof AttributeValue.BS s) {
      return s.value().size();
    }
    if (v instanceof AttributeValue.L l) {
      return l.value().size();
    }
    if (v instanceof AttributeValue.M m) {
      return m.value().size();
    }
    return null;
  }

  static boolean compare(Comparator op, AttributeValue a, AttributeValue b) {
    if (a == null || b == null) {
      return op == Comparator.NE;
    }
    switch (op) {
      case EQ:
        return a.equals(b);
      case NE:
        return !a.equals(b);
      default:
        if (a.type() != b.type() || !ExprValues.isOrderable(a.type())) {
          return false;
        }
        int c = ExprValues.compare(a, b);
        switch (op) {
          case LT:
            return c < 0;
          case LE:
            return c <= 0;
          case GT:
            return c > 0;
          default:
            return c >= 0;
        }
    }
  }

  static boolean beginsWith(AttributeValue a, AttributeValue prefix) {
    if (a instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
      return s.value().startsWith(p.value());
    }
    if (a instanceof AttributeValue.B s && prefix instanceof AttributeValue.B p) {
      return s.value().startsWith(p.value());
    }
    return false;
  }

  static boolean contains(AttributeValue a, AttributeValue operand) {
    if (a == null || operand == null) {
      return false;
    }
    if (a instanceof AttributeValue.S s) {
      return operand instanceof AttributeValue.S o && s.value().contains(o.value());
    }
    if (a instanceof AttributeValue.SS s) {
      return operand instanceof AttributeValue.S o && s.value().contains(o.value());
    }
    if (a instanceof AttributeValue.NS s) {
      return operand instanceof AttributeValue.N o && s.value().contains(o.value());
    }
    if (a instanceof AttributeValue.BS s) {
      return operand instanceof AttributeValue.B o && s.value().contains(o.value());
    }
    if (a instanceof AttributeValue.L l) {
      return l.value().contains(operand);
    }
    if (a instanceof AttributeValue.B b) {
      // contains on binary: a byte subsequence, by analogy with strings.
      return operand instanceof AttributeValue.B o && indexOf(b.value().unsafeArray(), o.value().unsafeArray()) >= 0;
    }
    return false;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Whether {@code t} names a type, as {@code attribute_type} accepts it. */
  static boolean isTypeName(String t) {
    return AttributeType.fromWire(t) != null;
  }
}
