package dev.cairn.storage.postgres;

import dev.cairn.storage.TableDefinition;
import dev.cairn.storage.TableRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The item-write statements of one table at one definition version: each is a single statement whose
 * data-modifying CTEs write the base row and every secondary index's row together, guarded by
 * {@code cairn.check_table_version} (migration V3). Built once per table and version; the latest version of each table is cached.
 *
 * <p>Parameters: {@code $1} pk, {@code $2} sk, {@code $3} item JSON (jsonb) or null, {@code $4} item JSON as
 * text (for what jsonb cannot hold) or null, {@code $5} size, {@code $6} table id, {@code $7} definition version,
 * {@code $8} expected row version (compare-and-set statements); then five per index, in definition order:
 * index pk, index sk, projected JSON, projected text, projected size; then, for the statements that write an item
 * ({@link #put}, {@link #insertIfAbsent}, {@link #updateIfVersion}), the item's TTL expiry in epoch seconds or null
 * ({@link #ttlParam}). An item without an index key writes a
 * row with a null index key (a tombstone the partial query index skips), so a concurrent back-fill can never
 * resurrect a stale entry; deletes remove index rows, or tombstone them while a back-fill runs.
 *
 * <p>When the table's stream is enabled ({@link #streamParams} {@code >= 0}), the compare-and-set statements
 * ({@link #insertIfAbsent}, {@link #updateIfVersion}, {@link #deleteIfVersion}) also insert the stream record,
 * in the same statement and so the same transaction as the item change: four more parameters after the TTL
 * parameter (after $8 for {@link #deleteIfVersion}), at {@link #streamParams}: event name (null: no record, e.g. an unchanged item), the record's
 * {@code dynamodb} JSON, its size in bytes, then the userIdentity JSON or null. The record goes to the open shard
 * of the stream whose bucket the partition key hashes to (docs/streams.md).
 */
final class WriteSql {
  /** The statements of each table's latest definition version seen (older versions are dropped: see {@link #of}). */
  private static final ConcurrentHashMap<Long, WriteSql> CACHE = new ConcurrentHashMap<>();
  static final String GUARD = "cairn.check_table_version($6, $7)";
  /** The guard of statements without compare-and-set: $8 is bound to null so every statement has one shape. */
  static final String GUARD_NO_CAS = GUARD + " AND $8::text IS NULL";
  static final int INDEX_PARAMS_START = 9;
  /**
   * Deletes bind no item ($3, $4 null, $5 zero) but must still name those parameters: PostgreSQL refuses to prepare
   * a statement with a parameter it cannot type ("could not determine data type of parameter $3", SQLSTATE 42P18),
   * which the transaction pool surfaces.
   */
  static final String NO_ITEM = "$3::text IS NULL AND $4::text IS NULL AND $5::int = 0";

  /** The definition version these statements were built for. */
  final long definitionVersion;
  final List<Long> indexIds;
  /** The parameter number of {@code ttl_at} in the item-writing statements. */
  final int ttlParam;
  final String put;
  final String insertIfAbsent;
  final String updateIfVersion;
  final String delete;
  final String deleteReturning;
  final String deleteIfVersion;
  /** The first stream-record parameter of the put statements, or -1 when the table's stream is not enabled. */
  final int streamParams;
  /** The first stream-record parameter of {@link #deleteIfVersion} (which has no index parameters), or -1. */
  final int deleteStreamParams;

  private WriteSql(TableRecord t) {
    String base = ItemSql.of(t.tableId()).relation;
    definitionVersion = t.definitionVersion();
    indexIds = new ArrayList<>();
    boolean backfilling = false;
    for (TableDefinition.Index i : indexes(t.definition())) {
      indexIds.add(i.indexId());
      backfilling |= i.backfilling();
    }
    ttlParam = INDEX_PARAMS_START + 5 * indexIds.size();
    String ttl = "$" + ttlParam + "::bigint";
    streamParams = t.streamEnabled() ? ttlParam + 1 : -1;
    deleteStreamParams = t.streamEnabled() ? INDEX_PARAMS_START : -1;
    String record = streamRecord(streamParams);
    String values = "SELECT $1::bytea, $2::bytea, $3::text::jsonb, $4::text, $5::int, " + ttl + " WHERE "
        + GUARD_NO_CAS;
    String upsertSet = " ON CONFLICT (pk, sk) DO UPDATE SET item = EXCLUDED.item, item_text = EXCLUDED.item_text,"
        + " size_bytes = EXCLUDED.size_bytes, ttl_at = EXCLUDED.ttl_at";
    String insert = "INSERT INTO " + base + " (pk, sk, item, item_text, size_bytes, ttl_at) ";
    put = wrap("w AS (" + insert + values + upsertSet + " RETURNING 1)", indexWrites(t), "SELECT count(*) FROM w");
    insertIfAbsent = wrap("w AS (" + insert + values + " ON CONFLICT (pk, sk) DO NOTHING RETURNING 1)",
        indexWrites(t) + record, "SELECT count(*) FROM w");
    updateIfVersion = wrap("w AS (UPDATE " + base + " SET item = $3::text::jsonb, item_text = $4, size_bytes = $5,"
        + " ttl_at = " + ttl + " WHERE pk = $1 AND sk = $2 AND xmin::text = $8 AND " + GUARD + " RETURNING 1)",
        indexWrites(t) + record,
        "SELECT count(*) FROM w");
    String removals = indexRemovals(t, backfilling);
    delete = wrap("w AS (DELETE FROM " + base + " WHERE pk = $1 AND sk = $2 AND " + NO_ITEM + " AND " + GUARD_NO_CAS
        + " RETURNING 1)",
        removals,
        "SELECT count(*) FROM w");
    deleteReturning = wrap("w AS (DELETE FROM " + base + " WHERE pk = $1 AND sk = $2 AND " + NO_ITEM + " AND "
        + GUARD_NO_CAS
        + " RETURNING coalesce(item::text, item_text) AS j, size_bytes, xmin::text AS v)", removals,
        "SELECT j, size_bytes, v FROM w");
    deleteIfVersion = wrap("w AS (DELETE FROM " + base + " WHERE pk = $1 AND sk = $2 AND xmin::text = $8 AND "
        + NO_ITEM + " AND " + GUARD + " RETURNING 1)", removals + streamRecord(deleteStreamParams),
        "SELECT count(*) FROM w");
  }

  /** The stream-record CTE (empty without a stream): inserted only when the base write happened. */
  private static String streamRecord(int p) {
    if (p < 0) {
      return "";
    }
    return ", sr AS (INSERT INTO cairn.stream_records (shard_id, account_id, event_name, record, size_bytes,"
        + " user_identity) SELECT sh.shard_id, sh.account_id, $" + p + "::text, $" + (p + 1) + "::text, $" + (p + 2)
        + "::int, $" + (p + 3) + "::text FROM w, cairn.stream_shards sh WHERE $" + p + "::text IS NOT NULL"
        + " AND sh.table_id = $6 AND sh.closed_at IS NULL AND sh.bucket = " + StreamSql.BUCKET + ")";
  }

  static List<TableDefinition.Index> indexes(TableDefinition d) {
    return d.allIndexes();
  }

  static WriteSql of(TableRecord t) {
    // One entry per table, replaced when a newer version shows up (every definition change, shard rollovers
    // included, bumps it), so the cache does not grow with versions; a write planned with an older version just
    // builds its statements again and is then refused by the version guard.
    WriteSql cached = CACHE.get(t.tableId());
    if (cached != null && cached.definitionVersion == t.definitionVersion()) {
      return cached;
    }
    WriteSql built = new WriteSql(t);
    CACHE.merge(t.tableId(), built, (old, mine) -> old.definitionVersion >= mine.definitionVersion ? old : mine);
    return built;
  }

  private static String wrap(String first, String rest, String select) {
    return "WITH " + first + rest + " " + select;
  }

  /** Index upserts that run only when the base write happened ({@code FROM w}). */
  private static String indexWrites(TableRecord t) {
    StringBuilder b = new StringBuilder();
    int p = INDEX_PARAMS_START;
    int n = 0;
    for (TableDefinition.Index i : indexes(t.definition())) {
      String rel = IndexSql.relation(t.tableId(), i.indexId());
      b.append(", x").append(n++).append(" AS (INSERT INTO ").append(rel)
          .append(" (pk, sk, ipk, isk, item, item_text, size_bytes) SELECT $1, $2, $").append(p).append("::bytea, $")
          .append(p + 1).append("::bytea, $").append(p + 2).append("::text::jsonb, $").append(p + 3).append("::text, $")
          .append(p + 4).append("::int FROM w ON CONFLICT (pk, sk) DO UPDATE SET ipk = EXCLUDED.ipk,")
          .append(" isk = EXCLUDED.isk, item = EXCLUDED.item, item_text = EXCLUDED.item_text,")
          .append(" size_bytes = EXCLUDED.size_bytes)");
      p += 5;
    }
    return b.toString();
  }

  /** Index-row removal after a base delete: DELETE, or a tombstone upsert while a back-fill runs. */
  private static String indexRemovals(TableRecord t, boolean backfilling) {
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (TableDefinition.Index i : indexes(t.definition())) {
      String rel = IndexSql.relation(t.tableId(), i.indexId());
      if (backfilling) {
        b.append(", x").append(n++).append(" AS (INSERT INTO ").append(rel)
            .append(" (pk, sk, ipk, isk, item, item_text, size_bytes) SELECT $1, $2, NULL, NULL, NULL, NULL, 0 FROM w")
            .append(" ON CONFLICT (pk, sk) DO UPDATE SET ipk = NULL, isk = NULL, item = NULL, item_text = NULL,")
            .append(" size_bytes = 0)");
      } else {
        b.append(", x").append(n++).append(" AS (DELETE FROM ").append(rel)
            .append(" WHERE pk = $1 AND sk = $2 AND EXISTS (SELECT 1 FROM w))");
      }
    }
    return b.toString();
  }
}
