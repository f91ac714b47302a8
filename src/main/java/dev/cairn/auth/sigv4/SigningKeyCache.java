package dev.cairn.auth.sigv4;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cache of derived {@link SigningKey}s keyed by (access key id, date, region, service), so the four HMACs
 * of the key derivation and the secret lookup happen once per key and day rather than once per request.
 *
 * <p>Implementations must be thread-safe. The application may back this with Caffeine; {@link #bounded}
 * is a JDK-only implementation. Whoever deletes, deactivates or re-imports an access key must call
 * {@link #invalidate} on every instance (Cairn does it on a PostgreSQL {@code NOTIFY}): a cached key
 * keeps verifying signatures until then.
 */
public interface SigningKeyCache {

  /** The cached key for the access key and scope, or empty. */
  Optional<SigningKey> get(String accessKeyId, CredentialScope scope);

  /** Caches the key under its own access key id and scope, replacing any previous one. */
  void put(SigningKey key);

  /** Drops every cached key of the access key id (all dates, regions and services). */
  void invalidate(String accessKeyId);

  /** Drops everything. */
  void clear();

  /**
   * A {@link ConcurrentHashMap}-backed cache holding at most about {@code maxEntries} keys: when full, it
   * is cleared before the next insertion. Crude but safe: a clear only costs re-derivations, and signing
   * keys change daily anyway.
   *
   * @throws IllegalArgumentException when {@code maxEntries < 1}
   */
  static SigningKeyCache bounded(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    return new BoundedSigningKeyCache(maxEntries);
  }
}

/** See {@link SigningKeyCache#bounded}. */
final class BoundedSigningKeyCache implements SigningKeyCache {
  private record Key(String accessKeyId, CredentialScope scope) {}

  private final int maxEntries;
  private final ConcurrentHashMap<Key, SigningKey> keys = new ConcurrentHashMap<>();

  BoundedSigningKeyCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  @Override
  public Optional<SigningKey> get(String accessKeyId, CredentialScope scope) {
    return Optional.ofNullable(keys.get(new Key(accessKeyId, scope)));
  }

  @Override
  public void put(SigningKey key) {
    Objects.requireNonNull(key, "key");
    if (keys.size() >= maxEntries) {
      keys.clear();
    }
    keys.put(new Key(key.accessKeyId(), key.scope()), key);
  }

  @Override
  public void invalidate(String accessKeyId) {
    keys.keySet().removeIf(k -> k.accessKeyId().equals(accessKeyId));
  }

  @Override
  public void clear() {
    keys.clear();
  }

  int size() {
    return keys.size();
  }
}
