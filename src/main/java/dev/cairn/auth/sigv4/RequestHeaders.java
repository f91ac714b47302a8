package dev.cairn.auth.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable, case-insensitive multimap of HTTP request headers, as SigV4 reads them.
 *
 * <p>Names are compared ignoring ASCII case (HTTP field names are case-insensitive, RFC 9110 §5.1); values
 * keep their order of arrival, because SigV4 joins repeated headers with commas in that order ("Create a
 * signed AWS API request", step 1, canonical headers). Values are stored as received, untrimmed.
 *
 * <p>Instances are immutable and safe to share between threads. Nulls are rejected.
 */
public final class RequestHeaders {
  private static final RequestHeaders EMPTY = new RequestHeaders(new TreeMap<>());

  // Keys are lower-cased names; values are unmodifiable lists.
  private final Map<String, List<String>> byName;

  private RequestHeaders(TreeMap<String, List<String>> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** The empty header set. */
  public static RequestHeaders empty() {
    return EMPTY;
  }

  /**
   * Copies the given map; entries whose names differ only in case are merged in iteration order.
   *
   * @throws NullPointerException when a name, value list or value is null
   */
  public static RequestHeaders of(Map<String, ? extends List<String>> headers) {
    Builder builder = builder();
    headers.forEach((name, values) -> values.forEach(value -> builder.add(name, value)));
    return builder.build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** All values of the header in arrival order, or an empty list when absent. */
  public List<String> all(String name) {
    List<String> values = byName.get(name.toLowerCase(Locale.ROOT));
    return values == null ? List.of() : values;
  }

  /** The first value of the header, or empty when absent. */
  public Optional<String> first(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Whether at least one value of the header is present. */
  public boolean contains(String name) {
    return !all(name).isEmpty();
  }

  /** The lower-cased header names, sorted. */
  public Set<String> names() {
    return byName.keySet();
  }

  @Override
  public String toString() {
    // Names only: values may carry tokens (Authorization, X-Amz-Security-Token).
    return "RequestHeaders" + byName.keySet();
  }

  /** Collects headers for {@link RequestHeaders}; not thread-safe. */
  public static final class Builder {
    private final TreeMap<String, List<String>> byName = new TreeMap<>();

    private Builder() {}

    /**
     * Appends one value of the header.
     *
     * @throws NullPointerException when name or value is null
     */
    public Builder add(String name, String value) {
      Objects.requireNonNull(value, "value");
      byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
      return this;
    }

    /** An immutable snapshot of the headers added so far. */
    public RequestHeaders build() {
      TreeMap<String, List<String>> copy = new TreeMap<>();
      byName.forEach((name, values) -> copy.put(name, List.copyOf(values)));
      return new RequestHeaders(copy);
    }
  }
}
