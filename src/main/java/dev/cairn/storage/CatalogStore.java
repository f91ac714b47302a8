package dev.cairn.storage;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog: accounts, admins, access keys, runtime settings and the names of tables.
 *
 * <p>Every method returns a Vert.x {@link Future} completed on the calling context. Every lookup of account
 * data filters by account id. Writes that affect caches ({@link #deleteAccessKey}, {@link #putSetting})
 * notify every server process in the same transaction (see {@link CatalogChange}). Failures are
 * {@link StorageException}s.
 */
public interface CatalogStore {

  /** Creates an account; fails with {@link StorageException.Kind#ALREADY_EXISTS} when the name or id is taken. */
  Future<AccountRecord> createAccount(String accountId, String name);

  /** Every account, ordered by name. */
  Future<List<AccountRecord>> listAccounts();

  /** The account with this id, if any. */
  Future<Optional<AccountRecord>> findAccount(String accountId);

  /** Stores a new access key; fails with {@link StorageException.Kind#ALREADY_EXISTS} when the id is taken. */
  Future<Void> insertAccessKey(AccessKeyRecord key);

  /** The key with this id, if any. */
  Future<Optional<AccessKeyRecord>> findAccessKey(String accessKeyId);

  /** The keys of one account, secrets included (still encrypted), ordered by creation. */
  Future<List<AccessKeyRecord>> listAccessKeys(String accountId);

  /** Deletes a key and notifies every process; {@code false} when there was no such key. */
  Future<Boolean> deleteAccessKey(String accessKeyId);

  /** Creates or replaces an administrator's password hash (a PHC string, Argon2id). */
  Future<Void> upsertAdmin(String name, String passwordHash);

  /** The administrator's password hash, if the administrator exists. */
  Future<Optional<String>> findAdminPasswordHash(String name);

  /** Every stored runtime setting (name to value); settings never set are absent. */
  Future<Map<String, String>> loadSettings();

  /** Stores a runtime setting and notifies every process. */
  Future<Void> putSetting(String name, String value);

  /**
   * Table names of one account in ascending (UTF-8 byte) order, starting after {@code exclusiveStartName}
   * when given, at most {@code limit} names.
   */
  Future<List<String>> listTableNames(String accountId, String exclusiveStartName, int limit);

  /** Whether the database answers a trivial query. */
  Future<Boolean> ping();
}
