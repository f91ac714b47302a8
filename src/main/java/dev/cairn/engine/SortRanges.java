package dev.cairn.engine;

import dev.cairn.core.expr.CompositeKeyCondition;
import dev.cairn.core.expr.KeyCondition;
import java.io.ByteArrayOutputStream;
import dev.cairn.core.model.KeyCodec;
import dev.cairn.storage.SortRange;

/**
 * A Query's sort-key condition as a range of encoded sort-key bytes ({@link KeyCodec} order, which is the
 * service's sort order: numbers by value, strings and binaries by unsigned bytes). {@code =} is exactly the value;
 * {@code <}, {@code <=}, {@code >}, {@code >=} are half-open; BETWEEN is inclusive at both ends; begins_with
 * (S and B only) is the byte prefix, so a UTF-8 string prefix is a byte prefix. Source: Developer Guide, "Key
 * condition expressions for the Query operation".
 *
 * <p>On a GSI with several RANGE attributes the sort key is the concatenation of {@link IndexEntries#piece
 * pieces}, which compare attribute by attribute; with {@code P} the pieces of the equality prefix, a condition on
 * the next attribute {@code x} is: none, {@code [P, succ(P))}; {@code x = v}, the keys starting with
 * {@code P+piece(v)}; {@code x > v}, {@code [succ(P+piece(v)), succ(P))}; {@code x >= v}, {@code [P+piece(v),
 * succ(P))}; {@code x < v}, {@code [P, P+piece(v))}; {@code x <= v}, {@code [P, succ(P+piece(v)))}; BETWEEN,
 * {@code [P+piece(lo), succ(P+piece(hi)))}; begins_with, the keys starting with {@code P+escaped(p)}; where
 * {@code succ(b)} is the least byte string above every string starting with {@code b} (open when {@code P} is
 * empty).
 */
final class SortRanges {
  private SortRanges() {
  }

  /** The range for a condition, or {@link SortRange#ALL} when there is none. */
  static SortRange of(KeyCondition.SortKeyCondition c) {
    if (c == null) {
      return SortRange.ALL;
    }
    byte[] v = KeyCodec.encode(c.values().get(0));
    switch (c.operator()) {
      case EQ:
        return SortRange.exactly(v);
      case LT:
        return new SortRange(null, false, v, false);
      case LE:
        return new SortRange(null, false, v, true);
      case GT:
        return new SortRange(v, false, null, false);
      case GE:
        return new SortRange(v, true, null, false);
      case BETWEEN:
        return new SortRange(v, true, KeyCodec.encode(c.values().get(1)), true);
      case BEGINS_WITH:
        return SortRange.prefix(v);
      default:
        throw new IllegalArgumentException("unknown sort operator " + c.operator());
    }
  }

  /**
   * The range for a multi-attribute key condition.
   *
   * @param rangeAttributes how many RANGE attributes the index key has (one or none: the plain encoding)
   */
  static SortRange of(CompositeKeyCondition c, int rangeAttributes) {
    if (rangeAttributes <= 1) {
      return of(c.last());
    }
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    for (CompositeKeyCondition.Equality e : c.sortPrefix()) {
      p.writeBytes(IndexEntries.piece(e.value()));
    }
    byte[] prefix = p.toByteArray();
    KeyCondition.SortKeyCondition last = c.last();
    if (last == null) {
      return prefix.length == 0 ? SortRange.ALL : SortRange.prefix(prefix);
    }
    byte[] v = concat(prefix, IndexEntries.piece(last.values().get(0)));
    byte[] low = prefix.length == 0 ? null : prefix;
    byte[] high = prefix.length == 0 ? null : successor(prefix);
    switch (last.operator()) {
      case EQ:
        return SortRange.prefix(v);
      case GT:
        return new SortRange(successor(v), true, high, false);
      case GE:
        return new SortRange(v, true, high, false);
      case LT:
        return new SortRange(low, true, v, false);
      case LE:
        return new SortRange(low, true, successor(v), false);
      case BETWEEN:
        return new SortRange(v, true, successor(concat(prefix, IndexEntries.piece(last.values().get(1)))), false);
      case BEGINS_WITH:
        return SortRange.prefix(concat(prefix, IndexEntries.escaped(last.values().get(0))));
      default:
        throw new IllegalArgumentException("unknown sort operator " + last.operator());
    }
  }

  /** The least byte string above every string that starts with {@code b}; never null for a piece's bytes. */
  private static byte[] successor(byte[] b) {
    return SortRange.prefix(b).high();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
