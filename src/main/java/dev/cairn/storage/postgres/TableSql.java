package dev.cairn.storage.postgres;

/** SQL of the table-catalog family; every value a {@code $n} bind parameter. */
final class TableSql {
  private TableSql() {
  }

  static final String COLUMNS = "table_id, account_id, table_name, table_uuid::text, definition::text, created_at,"
      + " active_at, updating_until, deleted_at, def_version, latest_stream_label";

  /** The live table, else the latest deleted one. */
  static final String FIND = "SELECT " + COLUMNS + " FROM cairn.tables WHERE account_id = $1 AND table_name = $2"
      + " ORDER BY (deleted_at IS NULL) DESC, deleted_at DESC LIMIT 1";

  static final String INSERT = "INSERT INTO cairn.tables (account_id, table_name, table_status, definition, active_at)"
      + " VALUES ($1, $2, 'ACTIVE', $3::text::jsonb, $4) RETURNING " + COLUMNS;

  static final String UPDATE_DEFINITION = "UPDATE cairn.tables SET definition = $2::text::jsonb, updating_until = $3,"
      + " def_version = def_version + 1 WHERE table_id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS;

  /** Taken exclusively by definition changes; item writes take it shared (cairn.check_table_version). */
  static final String LOCK_DEFINITION = "SELECT pg_advisory_xact_lock(3233, $1::int)";

  static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM cairn.tables WHERE table_id = $1";

  /** Live tables with TTL enabled (the TTL attribute is in the definition). */
  static final String TTL_TABLES = "SELECT " + COLUMNS + " FROM cairn.tables"
      + " WHERE deleted_at IS NULL AND definition ? 'timeToLiveAttribute'";

  /** Queues (or restarts) the computation of ttl_at for a table's existing items. */
  static final String TTL_BACKFILL_QUEUE = "INSERT INTO cairn.ttl_backfill (table_id) VALUES ($1)"
      + " ON CONFLICT (table_id) DO UPDATE SET after_pk = NULL, after_sk = NULL, updated_at = now()";

  static final String TTL_BACKFILL_DROP = "DELETE FROM cairn.ttl_backfill WHERE table_id = $1";

  static final String TTL_BACKFILL_CLAIM = "SELECT after_pk, after_sk FROM cairn.ttl_backfill WHERE table_id = $1"
      + " FOR UPDATE SKIP LOCKED";

  static final String TTL_BACKFILL_ADVANCE = "UPDATE cairn.ttl_backfill SET after_pk = $2, after_sk = $3,"
      + " updated_at = now() WHERE table_id = $1";

  static final String BACKFILL_TASKS = "SELECT b.table_id, b.index_id, t.account_id, t.table_name"
      + " FROM cairn.index_backfill b JOIN cairn.tables t ON t.table_id = b.table_id WHERE t.deleted_at IS NULL";
  static final String BACKFILL_ADD = "INSERT INTO cairn.index_backfill (table_id, index_id) VALUES ($1, $2)"
      + " ON CONFLICT DO NOTHING";
  static final String BACKFILL_REMOVE = "DELETE FROM cairn.index_backfill WHERE table_id = $1 AND index_id = $2";
  static final String BACKFILL_CLAIM = "SELECT after_pk, after_sk FROM cairn.index_backfill"
      + " WHERE table_id = $1 AND index_id = $2 FOR UPDATE SKIP LOCKED";
  static final String BACKFILL_ADVANCE = "UPDATE cairn.index_backfill SET after_pk = $3, after_sk = $4,"
      + " updated_at = now() WHERE table_id = $1 AND index_id = $2";

  static final String MARK_DELETED = "UPDATE cairn.tables SET deleted_at = now() WHERE table_id = $1"
      + " AND deleted_at IS NULL RETURNING " + COLUMNS;

  static final String COUNT = "SELECT count(*) FROM cairn.tables WHERE account_id = $1 AND deleted_at IS NULL";

  static final String NOTIFY = "SELECT pg_notify('" + CatalogSql.NOTIFY_CHANNEL + "', $1)";
}
