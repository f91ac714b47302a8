package dev.cairn.storage.postgres;

import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL of the item family for one table relation ({@code cairn_data.t_<id>}). The relation name comes only from
 * the internal id; every value is a {@code $n} bind parameter. The texts are built once per table and cached,
 * so the PG client's prepared-statement cache sees one text per shape and table.
 *
 * <p>Columns: {@code pk}, {@code sk} (order-preserving key bytes, sk empty for hash-only tables), {@code item}
 * (DynamoDB JSON as jsonb, readable with psql), {@code item_text} (the same JSON as text, only for items that
 * jsonb cannot hold: strings with U+0000), {@code size_bytes} (DynamoDB item size). The row version used for
 * compare-and-set is the system column {@code xmin}, which every write of the row changes. {@code ttl_at} is the
 * item's TTL expiry in epoch seconds ({@code core.model.TimeToLive#expiry}) when the table has TTL enabled, else
 * null; a partial index on it lets the TTL sweeper find expired items without scanning the table. Writes, which
 * also maintain the secondary indexes, are in {@link WriteSql}.
 */
final class ItemSql {
  private static final ConcurrentHashMap<Long, ItemSql> CACHE = new ConcurrentHashMap<>();

  final String relation;
  final String create;
  final String drop;
  final String read;
  /**
   * Sets ttl_at from arrays ($1 pk, $2 sk, $3 expiry or null, $4 row version read): a row changed since it was
   * read was written with the current definition, which set ttl_at itself.
   */
  final String setTtl;
  /** The first rows after a key ($1 limit, $2 pk, $3 sk; without $2/$3 in {@link #firstRows}), in key order. */
  final String rowsAfter;
  final String firstRows;
  /** Expired items, oldest expiry first: $1 now (exclusive), $2 oldest expiry still deleted, $3 limit. */
  final String expired;
  /** {@code $1} pk array, {@code $2} sk array: the rows found, each with its 1-based position in the arrays. */
  final String readMany;

  private ItemSql(long tableId) {
    relation = "cairn_data." + Identifiers.quote("t_" + tableId);
    create = "CREATE TABLE " + relation + " (pk bytea NOT NULL, sk bytea NOT NULL, item jsonb, item_text text,"
        + " size_bytes integer NOT NULL, ttl_at bigint, PRIMARY KEY (pk, sk)); CREATE INDEX "
        + Identifiers.quote("t_" + tableId + "_ttl") + " ON " + relation + " (ttl_at) WHERE ttl_at IS NOT NULL";
    drop = "DROP TABLE IF EXISTS " + relation;
    read = "SELECT coalesce(item::text, item_text), size_bytes, xmin::text FROM " + relation
        + " WHERE pk = $1 AND sk = $2";
    setTtl = "UPDATE " + relation + " t SET ttl_at = v.ttl FROM unnest($1::bytea[], $2::bytea[], $3::int8[],"
        + " $4::text[]) AS v(pk, sk, ttl, version) WHERE t.pk = v.pk AND t.sk = v.sk AND t.xmin::text = v.version"
        + " AND t.ttl_at IS DISTINCT FROM v.ttl";
    String rows = "SELECT pk, sk, coalesce(item::text, item_text), size_bytes, xmin::text FROM " + relation;
    rowsAfter = rows + " WHERE (pk, sk) > ($2, $3) ORDER BY pk, sk LIMIT $1";
    firstRows = rows + " ORDER BY pk, sk LIMIT $1";
    expired = "SELECT pk, sk, coalesce(item::text, item_text), size_bytes, xmin::text FROM " + relation
        + " WHERE ttl_at < $1 AND ttl_at >= $2 ORDER BY ttl_at LIMIT $3";
    readMany = "SELECT k.i, coalesce(t.item::text, t.item_text), t.size_bytes, t.xmin::text"
        + " FROM unnest($1::bytea[], $2::bytea[]) WITH ORDINALITY AS k(pk, sk, i) JOIN " + relation
        + " t ON t.pk = k.pk AND t.sk = k.sk";
  }

  static ItemSql of(long tableId) {
    return CACHE.computeIfAbsent(tableId, ItemSql::new);
  }

  /** Sets the operator-facing comment; the text is a bind-free literal built by {@link #commentLiteral}. */
  String comment(String text) {
    return "COMMENT ON TABLE " + relation + " IS " + commentLiteral(text);
  }

  /** A standard-conforming string literal (quotes doubled); COMMENT takes no bind parameters. */
  static String commentLiteral(String text) {
    return "'" + text.replace("\0", "").replace("'", "''") + "'";
  }

  static final String STATS = "SELECT greatest(c.reltuples, 0)::bigint, pg_total_relation_size(c.oid)"
      + " FROM pg_class c WHERE c.oid = to_regclass($1)";
}
