package dev.cairn.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.auth.sigv4.ParsedAuthorization;
import dev.cairn.auth.sigv4.RequestHeaders;
import dev.cairn.auth.sigv4.SigV4Errors;
import dev.cairn.auth.sigv4.SigV4Request;
import dev.cairn.auth.sigv4.SigV4Verifier;
import dev.cairn.auth.sigv4.SigningKey;
import dev.cairn.auth.sigv4.SigningKeyCache;
import dev.cairn.core.model.Principal;
import dev.cairn.storage.CatalogChange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SigV4 authentication of a DynamoDB request, shared by every gateway instance of the process.
 *
 * <p>Phase one ({@link SigV4Verifier#parse}) needs no secret. Then the derived signing key and the principal
 * come from this process's caches; only a miss asks {@link AuthVerticle} over the bus (which owns the
 * credential store and the master key). A key deleted on any process is dropped from the caches when its
 * catalog notification arrives ({@link #onCatalogChange}); a lookup that raced with such a change is used
 * once but not cached.
 */
public final class RequestAuthenticator {
  private static final DeliveryOptions LOOKUP = new DeliveryOptions().setLocalOnly(true).setSendTimeout(10_000);

  private final Vertx vertx;
  private final SigV4Verifier verifier = SigV4Verifier.dynamoDb();
  private final SigningKeyCache signingKeys = SigningKeyCache.bounded(10_000);
  private final Cache<String, Principal> principals = Caffeine.newBuilder().maximumSize(10_000).build();
  private final AtomicLong invalidations = new AtomicLong();

  public RequestAuthenticator(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Authenticates a request whose whole body has been read.
   *
   * @return the principal; a failed future with the service's SigV4 error otherwise
   */
  public Future<Principal> authenticate(HttpServerRequest req, Buffer body) {
    SigV4Request request;
    ParsedAuthorization parsed;
    try {
      RequestHeaders.Builder headers = RequestHeaders.builder();
      req.headers().forEach(e -> headers.add(e.getKey(), e.getValue()));
      String query = req.query();
      request = SigV4Request.of(req.method().name(), req.path(), query == null ? "" : query, headers.build(),
          body.getBytes(), Instant.now());
      parsed = verifier.parse(request);
      if (parsed.securityToken().isPresent()) {
        // Cairn issues no session tokens yet: a token can only be one it did not make.
        throw SigV4Errors.invalidSecurityToken();
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    String accessKeyId = parsed.accessKeyId();
    Principal principal = principals.getIfPresent(accessKeyId);
    Optional<SigningKey> key = signingKeys.get(accessKeyId, parsed.scope());
    if (principal != null && key.isPresent()) {
      try {
        verifier.verify(parsed, request, key.get());
        return Future.succeededFuture(principal);
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }
    long generation = invalidations.get();
    return vertx.eventBus().<Credential>request(BusAddresses.AUTH_LOOKUP, new CredentialLookup(accessKeyId), LOOKUP)
        .map(msg -> {
          Credential c = msg.body();
          if (!c.exists()) {
            throw SigV4Errors.unrecognizedAccessKey();
          }
          SigningKey derived = SigningKey.derive(accessKeyId, c.secretAccessKey(), parsed.scope());
          verifier.verify(parsed, request, derived);
          if (invalidations.get() == generation) {
            principals.put(accessKeyId, c.principal());
            signingKeys.put(derived);
          }
          return c.principal();
        });
  }

  /** Drops cached credentials named by a catalog change (all of them for {@link CatalogChange.Kind#ALL}). */
  public void onCatalogChange(CatalogChange change) {
    switch (change.kind()) {
      case ACCESS_KEY -> {
        invalidations.incrementAndGet();
        principals.invalidate(change.key());
        signingKeys.invalidate(change.key());
      }
      case ALL -> {
        invalidations.incrementAndGet();
        principals.invalidateAll();
        signingKeys.clear();
      }
      default -> {
      }
    }
  }

  /** For tests: how many principals are cached. */
  long cachedPrincipals() {
    return principals.estimatedSize();
  }

}
