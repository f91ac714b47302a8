package dev.cairn.storage.postgres;

/** SQL of the catalog family: every value is a {@code $n} bind parameter. */
final class CatalogSql {
  private CatalogSql() {
  }

  static final String NOTIFY_CHANNEL = "cairn_catalog";

  static final String INSERT_ACCOUNT =
      "INSERT INTO cairn.accounts (account_id, name) VALUES ($1, $2) RETURNING account_id, name, created_at";
  static final String LIST_ACCOUNTS = "SELECT account_id, name, created_at FROM cairn.accounts ORDER BY name";
  static final String FIND_ACCOUNT =
      "SELECT account_id, name, created_at FROM cairn.accounts WHERE account_id = $1";

  static final String INSERT_ACCESS_KEY = "INSERT INTO cairn.access_keys"
      + " (access_key_id, account_id, user_name, secret_ciphertext, imported) VALUES ($1, $2, $3, $4, $5)";
  static final String FIND_ACCESS_KEY = "SELECT access_key_id, account_id, user_name, secret_ciphertext,"
      + " imported, created_at FROM cairn.access_keys WHERE access_key_id = $1";
  static final String LIST_ACCESS_KEYS = "SELECT access_key_id, account_id, user_name, secret_ciphertext,"
      + " imported, created_at FROM cairn.access_keys WHERE account_id = $1 ORDER BY created_at, access_key_id";
  /** Deletes and tells every server process in one statement (the NOTIFY is sent at commit). */
  static final String DELETE_ACCESS_KEY = "WITH d AS (DELETE FROM cairn.access_keys WHERE access_key_id = $1"
      + " RETURNING access_key_id) SELECT pg_notify('" + NOTIFY_CHANNEL + "', 'ACCESS_KEY:' || access_key_id)"
      + " FROM d";

  static final String UPSERT_ADMIN = "INSERT INTO cairn.admins (name, password_hash) VALUES ($1, $2)"
      + " ON CONFLICT (name) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now()";
  static final String FIND_ADMIN = "SELECT password_hash FROM cairn.admins WHERE name = $1";

  static final String LOAD_SETTINGS = "SELECT name, value FROM cairn.settings";
  static final String PUT_SETTING = "WITH u AS (INSERT INTO cairn.settings (name, value) VALUES ($1, $2)"
      + " ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, updated_at = now() RETURNING name)"
      + " SELECT pg_notify('" + NOTIFY_CHANNEL + "', 'SETTING:' || name) FROM u";

  static final String LIST_TABLE_NAMES = "SELECT table_name FROM cairn.tables WHERE account_id = $1"
      + " AND deleted_at IS NULL AND ($2::text IS NULL OR table_name > $2::text COLLATE \"C\") ORDER BY table_name COLLATE \"C\" LIMIT $3";

  static final String PING = "SELECT 1";
}
