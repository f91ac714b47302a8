package dev.cairn.engine;

import dev.cairn.core.expr.KeyCondition;
import dev.cairn.core.model.KeyCodec;
import dev.cairn.storage.SortRange;

/**
 * A Query's sort-key condition as a range of encoded sort-key bytes ({@link KeyCodec} order, which is the
 * service's sort order: numbers by value, strings and binaries by unsigned bytes). {@code =} is exactly the value;
 * {@code <}, {@code <=}, {@code >}, {@code >=} are half-open; BETWEEN is inclusive at both ends; begins_with
 * (S and B only) is the byte prefix, so a UTF-8 string prefix is a byte prefix. Source: Developer Guide, "Key
 * condition expressions for the Query operation".
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
}
