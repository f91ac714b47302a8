package dev.cairn.storage.postgres;

import dev.cairn.storage.AccessKeyRecord;
import dev.cairn.storage.AccountRecord;
import dev.cairn.storage.CatalogStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CatalogStore} on the pipelined PG client: every method is one statement (one round trip).
 * Failures are classified by {@link SqlStates}.
 */
public final class PgCatalogStore implements CatalogStore {
  private final SqlClient client;

  public PgCatalogStore(SqlClient client) {
    this.client = client;
  }

  private Future<RowSet<Row>> run(String sql, Tuple args) {
    return SqlStates.classified(client.preparedQuery(sql).execute(args));
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime t = row.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  private static AccountRecord account(Row r) {
    return new AccountRecord(r.getString("account_id"), r.getString("name"), instant(r, "created_at"));
  }

  private static AccessKeyRecord accessKey(Row r) {
    return new AccessKeyRecord(r.getString("access_key_id"), r.getString("account_id"), r.getString("user_name"),
        r.getBuffer("secret_ciphertext").getBytes(), r.getBoolean("imported"), instant(r, "created_at"));
  }

  @Override
  public Future<AccountRecord> createAccount(String accountId, String name) {
    return run(CatalogSql.INSERT_ACCOUNT, Tuple.of(accountId, name)).map(rs -> account(rs.iterator().next()));
  }

  @Override
  public Future<List<AccountRecord>> listAccounts() {
    return run(CatalogSql.LIST_ACCOUNTS, Tuple.tuple()).map(rs -> {
      List<AccountRecord> out = new ArrayList<>();
      rs.forEach(r -> out.add(account(r)));
      return out;
    });
  }

  @Override
  public Future<Optional<AccountRecord>> findAccount(String accountId) {
    return run(CatalogSql.FIND_ACCOUNT, Tuple.of(accountId))
        .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(account(rs.iterator().next())));
  }

  @Override
  public Future<Void> insertAccessKey(AccessKeyRecord key) {
    return run(CatalogSql.INSERT_ACCESS_KEY, Tuple.of(key.accessKeyId(), key.accountId(), key.userName(),
        Buffer.buffer(key.secretCiphertext()), key.imported())).mapEmpty();
  }

  @Override
  public Future<Optional<AccessKeyRecord>> findAccessKey(String accessKeyId) {
    return run(CatalogSql.FIND_ACCESS_KEY, Tuple.of(accessKeyId))
        .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(accessKey(rs.iterator().next())));
  }

  @Override
  public Future<List<AccessKeyRecord>> listAccessKeys(String accountId) {
    return run(CatalogSql.LIST_ACCESS_KEYS, Tuple.of(accountId)).map(rs -> {
      List<AccessKeyRecord> out = new ArrayList<>();
      rs.forEach(r -> out.add(accessKey(r)));
      return out;
    });
  }

  @Override
  public Future<Boolean> deleteAccessKey(String accessKeyId) {
    return run(CatalogSql.DELETE_ACCESS_KEY, Tuple.of(accessKeyId)).map(rs -> rs.size() > 0);
  }

  @Override
  public Future<Void> upsertAdmin(String name, String passwordHash) {
    return run(CatalogSql.UPSERT_ADMIN, Tuple.of(name, passwordHash)).mapEmpty();
  }

  @Override
  public Future<Optional<String>> findAdminPasswordHash(String name) {
    return run(CatalogSql.FIND_ADMIN, Tuple.of(name)).map(rs -> rs.size() == 0
        ? Optional.empty()
        : Optional.of(rs.iterator().next().getString(0)));
  }

  @Override
  public Future<Map<String, String>> loadSettings() {
    return run(CatalogSql.LOAD_SETTINGS, Tuple.tuple()).map(rs -> {
      Map<String, String> out = new HashMap<>();
      rs.forEach(r -> out.put(r.getString(0), r.getString(1)));
      return out;
    });
  }

  @Override
  public Future<Void> putSetting(String name, String value) {
    return run(CatalogSql.PUT_SETTING, Tuple.of(name, value)).mapEmpty();
  }

  @Override
  public Future<List<String>> listTableNames(String accountId, String exclusiveStartName, int limit) {
    return run(CatalogSql.LIST_TABLE_NAMES, Tuple.of(accountId, exclusiveStartName, limit)).map(rs -> {
      List<String> out = new ArrayList<>(rs.size());
      rs.forEach(r -> out.add(r.getString(0)));
      return out;
    });
  }

  @Override
  public Future<Boolean> ping() {
    return run(CatalogSql.PING, Tuple.tuple()).map(rs -> true).otherwise(false);
  }
}
