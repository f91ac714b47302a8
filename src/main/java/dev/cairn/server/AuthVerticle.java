package dev.cairn.server;

import dev.cairn.auth.crypto.SecretCipher;
import dev.cairn.core.model.Principal;
import dev.cairn.storage.CatalogStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the credential store: answers {@link CredentialLookup}s with the decrypted {@link Credential} (or
 * {@link Credential#NONE} when the key does not exist). It is the only holder of the master key's cipher.
 * Failures (database down) are replied as bus failures, which the gateway reports as an internal error.
 */
public final class AuthVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AuthVerticle.class);

  private final CatalogStore catalog;
  private final SecretCipher cipher;
  private MessageConsumer<CredentialLookup> consumer;

  public AuthVerticle(CatalogStore catalog, SecretCipher cipher) {
    this.catalog = catalog;
    this.cipher = cipher;
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().localConsumer(BusAddresses.AUTH_LOOKUP, this::lookup);
    return consumer.completion();
  }

  private void lookup(Message<CredentialLookup> message) {
    String id = message.body().accessKeyId();
    catalog.findAccessKey(id).onComplete(ar -> {
      if (ar.failed()) {
        LOG.error("access key lookup failed", ar.cause());
        message.fail(500, "credential store unavailable");
        return;
      }
      if (ar.result().isEmpty()) {
        message.reply(Credential.NONE);
        return;
      }
      var key = ar.result().get();
      try {
        String secret = cipher.decrypt(key.accessKeyId(), key.secretCiphertext());
        message.reply(new Credential(new Principal(key.accountId(), key.userName(), key.accessKeyId()), secret));
      } catch (RuntimeException e) {
        // A ciphertext that does not open under this master key: wrong master key file or a tampered row.
        LOG.error("cannot decrypt the secret of access key {}", id);
        message.reply(Credential.NONE);
      }
    });
  }

  @Override
  public Future<?> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
