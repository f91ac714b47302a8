package dev.cairn.core.expr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded, least-recently-used cache of parsed expressions keyed by (kind, text).
 *
 * <p>It holds only parse results, which are immutable and still carry their {@code #name} and {@code :value}
 * placeholders, so one entry serves every request that sends the same text; substitution happens when an
 * {@link ExpressionContext} binds it. Texts that fail to parse are not cached (the error is raised again on each
 * use). Thread-safe: one lock guards the map, and parsing runs outside it, so two threads may parse the same text
 * at once (harmless). Source of the idea: ScyllaDB Alternator's parsed-expression cache.
 */
public final class ExpressionCache {
  /** The default number of entries. */
  public static final int DEFAULT_MAX_ENTRIES = 1024;

  private record Key(ExpressionKind kind, String text) {}

  private final int maxEntries;
  private final LinkedHashMap<Key, Object> map;
  private long hits;
  private long misses;

  /** A cache of {@link #DEFAULT_MAX_ENTRIES} entries. */
  public ExpressionCache() {
    this(DEFAULT_MAX_ENTRIES);
  }

  /**
   * A cache holding at most {@code maxEntries} parsed expressions.
   *
   * @throws IllegalArgumentException when {@code maxEntries} is below 1
   */
  public ExpressionCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
        return size() > ExpressionCache.this.maxEntries;
      }
    };
  }

  @SuppressWarnings("unchecked")
  <T> T get(ExpressionKind kind, String text, Function<String, T> parser) {
    Key key = new Key(kind, text);
    synchronized (this) {
      Object v = map.get(key);
      if (v != null) {
        hits++;
        return (T) v;
      }
      misses++;
    }
    T parsed = parser.apply(text);
    synchronized (this) {
      map.put(key, parsed);
    }
    return parsed;
  }

  /** The number of cached entries. */
  public synchronized int size() {
    return map.size();
  }

  /** How many lookups found a parsed expression. */
  public synchronized long hits() {
    return hits;
  }

  /** How many lookups had to parse. */
  public synchronized long misses() {
    return misses;
  }
}
