package dev.cairn.storage;

/**
 * A range of encoded sort-key bytes ({@code core.model.KeyCodec} order); a {@code null} bound is open.
 * {@code begins_with(p)} is {@code [p, successor(p))}; {@code =} is {@code [v, v]}.
 */
public record SortRange(byte[] low, boolean lowInclusive, byte[] high, boolean highInclusive) {
  public static final SortRange ALL = new SortRange(null, false, null, false);

  /** The single value {@code v}. */
  public static SortRange exactly(byte[] v) {
    return new SortRange(v, true, v, true);
  }

  /**
   * The range of byte strings that start with {@code prefix}: {@code [prefix, successor)}, where the successor
   * is the prefix with trailing 0xFF bytes dropped and its last byte incremented (open above when the prefix is
   * all 0xFF or empty).
   */
  public static SortRange prefix(byte[] prefix) {
    int end = prefix.length;
    while (end > 0 && prefix[end - 1] == (byte) 0xFF) {
      end--;
    }
    if (end == 0) {
      return new SortRange(prefix, true, null, false);
    }
    byte[] next = java.util.Arrays.copyOf(prefix, end);
    next[end - 1]++;
    return new SortRange(prefix, true, next, false);
  }
}
