package dev.cairn.server;

import dev.cairn.auth.crypto.AccessKeys;
import dev.cairn.auth.crypto.PasswordHasher;
import dev.cairn.auth.crypto.SecretCipher;
import dev.cairn.core.model.RuntimeSetting;
import dev.cairn.storage.AccessKeyRecord;
import dev.cairn.storage.AccountRecord;
import dev.cairn.storage.CatalogStore;
import dev.cairn.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Accounts, access keys, administrators and settings: the logic behind {@code cairn init} and the management
 * API. Secrets are generated here, encrypted before they are stored and returned only once.
 */
public final class AdminService {
  /** The administrator created by {@code init}. */
  public static final String ADMIN_NAME = "admin";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final PasswordHasher HASHER = new PasswordHasher();

  private final Vertx vertx;
  private final CatalogStore catalog;
  private final SecretCipher cipher;

  public AdminService(Vertx vertx, CatalogStore catalog, SecretCipher cipher) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.cipher = cipher;
  }

  /** A new access key in clear, as shown once to its owner. */
  public record NewAccessKey(String accountId, String userName, String accessKeyId, String secretAccessKey) {
    @Override
    public String toString() {
      return "NewAccessKey[" + accessKeyId + "]";
    }
  }

  /** An error the management API reports as 400 (bad input) or 404 (unknown account or key). */
  public static final class AdminException extends RuntimeException {
    private final int status;

    public AdminException(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  public CatalogStore catalog() {
    return catalog;
  }

  /**
   * Creates an account with a random 12-digit id (retried on the rare collision).
   *
   * @throws AdminException (failed future) 400 when the name is invalid or taken
   */
  public Future<AccountRecord> createAccount(String name) {
    if (name == null || !name.matches("[A-Za-z0-9_.@+=,-]{1,64}")) {
      return Future.failedFuture(new AdminException(400,
          "account name must be 1-64 characters of letters, digits and _.@+=,-"));
    }
    return createAccount(name, 3);
  }

  private Future<AccountRecord> createAccount(String name, int attemptsLeft) {
    String id = String.format("%012d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000L));
    return catalog.createAccount(id, name).recover(e -> {
      if (e instanceof StorageException se && se.kind() == StorageException.Kind.ALREADY_EXISTS) {
        return catalog.listAccounts().compose(all -> all.stream().anyMatch(a -> a.name().equals(name))
            ? Future.failedFuture(new AdminException(400, "an account named '" + name + "' already exists"))
            : attemptsLeft > 0 ? createAccount(name, attemptsLeft - 1) : Future.failedFuture(e));
      }
      return Future.failedFuture(e);
    });
  }

  /** The account, or a failed future with a 404 {@link AdminException}. */
  public Future<AccountRecord> requireAccount(String accountId) {
    return catalog.findAccount(accountId).compose(a -> a.isPresent() ? Future.succeededFuture(a.get())
        : Future.failedFuture(new AdminException(404, "no account " + accountId)));
  }

  /** Generates a key ({@code AKIACAIRN...}, 40-character secret) for a user of an account. */
  public Future<NewAccessKey> createAccessKey(String accountId, String userName) {
    String user = userName == null || userName.isBlank() ? "default" : userName;
    if (!user.matches("[A-Za-z0-9_.@+=,-]{1,64}")) {
      return Future.failedFuture(new AdminException(400, "user name must be 1-64 characters of letters,"
          + " digits and _.@+=,-"));
    }
    return requireAccount(accountId).compose(a -> {
      String id = AccessKeys.newAccessKeyId();
      String secret = AccessKeys.newSecretAccessKey();
      return store(accountId, user, id, secret, false);
    });
  }

  /**
   * Imports an existing AWS-format key, allowed only while the runtime setting {@code allow_imported_keys} is
   * true.
   */
  public Future<NewAccessKey> importAccessKey(String accountId, String userName, String accessKeyId,
      String secretAccessKey) {
    // Read the setting from the catalog, not this process's copy: a change made a moment ago counts at once.
    return catalog.loadSettings().compose(stored -> {
      String allowed = stored.getOrDefault(RuntimeSetting.ALLOW_IMPORTED_KEYS.key(),
          RuntimeSetting.ALLOW_IMPORTED_KEYS.defaultValue());
      if (!Boolean.parseBoolean(allowed)) {
        return Future.failedFuture(new AdminException(403,
            "importing access keys is disabled; enable it with: cairn settings set allow_imported_keys true"));
      }
      return importAllowedKey(accountId, userName, accessKeyId, secretAccessKey);
    });
  }

  private Future<NewAccessKey> importAllowedKey(String accountId, String userName, String accessKeyId,
      String secretAccessKey) {
    if (accessKeyId == null || !AccessKeys.isValidImportedAccessKeyId(accessKeyId)) {
      return Future.failedFuture(new AdminException(400, "access key id must be 16-128 characters of A-Z and 0-9"));
    }
    if (secretAccessKey == null || !AccessKeys.isValidImportedSecret(secretAccessKey)) {
      return Future.failedFuture(new AdminException(400, "secret access key is not of the AWS format"));
    }
    String user = userName == null || userName.isBlank() ? "default" : userName;
    return requireAccount(accountId).compose(a -> store(accountId, user, accessKeyId, secretAccessKey, true));
  }

  private Future<NewAccessKey> store(String accountId, String user, String id, String secret, boolean imported) {
    byte[] ciphertext = cipher.encrypt(id, secret);
    return catalog.insertAccessKey(new AccessKeyRecord(id, accountId, user, ciphertext, imported, null))
        .recover(e -> e instanceof StorageException se && se.kind() == StorageException.Kind.ALREADY_EXISTS
            ? Future.failedFuture(new AdminException(400, "access key " + id + " already exists"))
            : Future.failedFuture(e))
        .map(v -> new NewAccessKey(accountId, user, id, secret));
  }

  /** Deletes a key; it stops working at once on every server process (catalog notification). */
  public Future<Void> deleteAccessKey(String accessKeyId) {
    return catalog.deleteAccessKey(accessKeyId).compose(found -> found ? Future.succeededFuture()
        : Future.failedFuture(new AdminException(404, "no access key " + accessKeyId)));
  }

  public Future<List<AccessKeyRecord>> listAccessKeys(String accountId) {
    return requireAccount(accountId).compose(a -> catalog.listAccessKeys(accountId));
  }

  /** Sets an administrator's password (hashed with Argon2id off the event loop). */
  public Future<Void> setAdminPassword(String name, String password) {
    return vertx.executeBlocking(() -> HASHER.hash(password.toCharArray()), false)
        .compose(hash -> catalog.upsertAdmin(name, hash));
  }

  /** Whether the administrator exists and the password matches (Argon2id, off the event loop). */
  public Future<Boolean> verifyAdmin(String name, String password) {
    return catalog.findAdminPasswordHash(name).compose(hash -> hash.isEmpty() ? Future.succeededFuture(false)
        : vertx.executeBlocking(() -> HASHER.verify(password.toCharArray(), hash.get()), false));
  }

  /** Whether any administrator exists (that is, {@code init} has run against this database). */
  public Future<Boolean> hasAdmin() {
    return catalog.findAdminPasswordHash(ADMIN_NAME).map(Optional::isPresent);
  }

  /**
   * Validates and stores a runtime setting.
   *
   * @throws AdminException 404 for an unknown setting, 400 for an invalid value
   */
  public Future<String> putSetting(String name, String value) {
    RuntimeSetting s = RuntimeSetting.fromKey(name);
    if (s == null) {
      return Future.failedFuture(new AdminException(404, "unknown setting " + name));
    }
    String normalized;
    try {
      normalized = s.normalize(value);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new AdminException(400, e.getMessage()));
    }
    return catalog.putSetting(s.key(), normalized).map(normalized);
  }
}
