package dev.cairn.storage.postgres;

/**
 * Names and DDL of secondary-index relations: {@code cairn_data.t_<tableId>_i<indexId>}, one row per base item
 * ({@code pk}, {@code sk} primary key) holding the index key bytes ({@code ipk}, {@code isk}; both null when the
 * item has no index key: a sparse index skips it) and the projected item; a partial btree on
 * {@code (ipk, isk, pk, sk)} serves Query and Scan and makes pagination exact when index keys repeat.
 */
final class IndexSql {
  private IndexSql() {
  }

  static String relation(long tableId, long indexId) {
    return "cairn_data." + Identifiers.quote("t_" + tableId + "_i" + indexId);
  }

  static String create(long tableId, long indexId) {
    String rel = relation(tableId, indexId);
    return "CREATE TABLE " + rel + " (pk bytea NOT NULL, sk bytea NOT NULL, ipk bytea, isk bytea, item jsonb,"
        + " item_text text, size_bytes integer NOT NULL, PRIMARY KEY (pk, sk)); CREATE INDEX "
        + Identifiers.quote("t_" + tableId + "_i" + indexId + "_key") + " ON " + rel
        + " (ipk, isk, pk, sk) WHERE ipk IS NOT NULL";
  }

  static String drop(long tableId, long indexId) {
    return "DROP TABLE IF EXISTS " + relation(tableId, indexId);
  }
}
