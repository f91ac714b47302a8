package dev.cairn.storage.postgres;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL of the transactional actions. The item writes themselves are {@link WriteSql}'s compare-and-set statements,
 * the same texts as the single-item writes; here are the token table, the lock and the multi-item reads. Every
 * value is a bind parameter; relation names come only from internal table ids.
 */
final class TransactionSql {
  private static final ConcurrentHashMap<Long, TransactionSql> CACHE = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, String> READ_ALL = new ConcurrentHashMap<>();

  /**
   * Claims a client request token: inserts it, or takes over a row whose window has passed. {@code $1} account id,
   * {@code $2} token, {@code $3} request hash, {@code $4} window in seconds. No row back when a live token exists;
   * that row is then locked until the transaction ends (ON CONFLICT DO UPDATE locks the conflicting row even when
   * its WHERE is false), so two requests with one token run one after the other. On the way it deletes a few
   * tokens that expired over a minute ago (any account; rows other transactions hold are skipped), so the table
   * stays about as large as ten minutes of tokens without a sweeper.
   */
  static final String CLAIM_TOKEN = "WITH gc AS (DELETE FROM cairn.transaction_tokens WHERE ctid = ANY(ARRAY("
      + "SELECT ctid FROM cairn.transaction_tokens WHERE expires_at < now() - interval '1 minute'"
      + " AND NOT (account_id = $1 AND token = $2) LIMIT 8 FOR UPDATE SKIP LOCKED)))"
      + " INSERT INTO cairn.transaction_tokens AS t (account_id, token, request_hash,"
      + " expires_at) VALUES ($1, $2, $3, now() + $4::int * interval '1 second')"
      + " ON CONFLICT (account_id, token) DO UPDATE SET request_hash = EXCLUDED.request_hash,"
      + " expires_at = EXCLUDED.expires_at WHERE t.expires_at < now() RETURNING 1";

  /** The request hash of a live token: {@code $1} account id, {@code $2} token. */
  static final String TOKEN_HASH = "SELECT request_hash FROM cairn.transaction_tokens WHERE account_id = $1"
      + " AND token = $2 AND expires_at >= now()";

  /**
   * Sets this transaction's lock timeout ({@code $2}, e.g. {@code 5s}) and then takes a transaction-scoped
   * advisory lock on each key of {@code $1} (a bigint array, sorted and distinct: every transaction takes its
   * locks in ascending order, so none waits in a cycle). The keys are hashes of (table, pk, sk): absent items are
   * locked too, so two transactions creating one item serialize.
   */
  static final String LOCK_KEYS = "SELECT set_config('lock_timeout', $2, true),"
      + " (SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k)";

  /** Rows of one table by keys ({@code $1} pk array, {@code $2} sk array), locked, in key order. */
  /** The items of one table ($1 pk array, $2 sk array), in key order; no row lock (no transaction id yet). */
  final String read;

  private TransactionSql(long tableId) {
    read = select(tableId, null, 1) + " ORDER BY pk, sk";
  }

  private static String select(long tableId, Integer position, int firstParam) {
    return "SELECT " + (position == null ? "" : position + "::int, ")
        + "pk, sk, coalesce(item::text, item_text), size_bytes, xmin::text FROM " + ItemSql.of(tableId).relation
        + " WHERE (pk, sk) IN (SELECT * FROM unnest($" + firstParam + "::bytea[], $" + (firstParam + 1)
        + "::bytea[]))";
  }

  static TransactionSql of(long tableId) {
    return CACHE.computeIfAbsent(tableId, TransactionSql::new);
  }

  /**
   * One statement (one snapshot) reading keys of several tables: one {@code UNION ALL} branch per table in the
   * order given, each with two parameters (pk array, sk array); the first column is the branch's position.
   */
  static String readAll(List<Long> tableIds) {
    return READ_ALL.computeIfAbsent(tableIds.toString(), k -> {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < tableIds.size(); i++) {
        if (i > 0) {
          b.append(" UNION ALL ");
        }
        b.append(select(tableIds.get(i), i, 2 * i + 1));
      }
      return b.toString();
    });
  }
}
