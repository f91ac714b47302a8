package dev.cairn.storage.postgres;

/**
 * SQL of DynamoDB Streams (migration V6): stream lifecycle, shard listing, record reads under the visibility
 * watermark, rollover and trimming. Every value is a bind parameter; every lookup filters by account id.
 *
 * <p>Sequence numbers are 40 decimal digits: the writing transaction's id ({@code xid8}) and a global serial,
 * each zero-padded to 20 digits, so their string order is their numeric order is the read order.
 */
final class StreamSql {
  private StreamSql() {
  }

  /** The SequenceNumber of a record row, as SQL over columns {@code txid} and {@code serial}. */
  static final String SEQ = "lpad(r.txid::text, 20, '0') || lpad(r.serial::text, 20, '0')";

  /**
   * The visibility watermark of the statement's snapshot: the oldest transaction in progress that could belong to
   * this database (so could still insert a record), else the snapshot's xmax. Every record of a transaction below
   * it is final (committed or rolled back). An in-progress transaction is left out only when
   * {@code pg_stat_activity} shows it running in another database (it cannot write here); one it does not show
   * (finished since, hidden, prepared) counts, so the watermark is never too high. Without that refinement this is
   * {@code pg_snapshot_xmin(pg_current_snapshot())}, which other databases' long transactions would hold back.
   */
  static final String WATERMARK = "coalesce((SELECT min(x) FROM pg_snapshot_xip(pg_current_snapshot()) x"
      + " WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.backend_xid = x::xid"
      + " AND a.datname IS DISTINCT FROM current_database())), pg_snapshot_xmax(pg_current_snapshot()))";

  /** The bucket (0 .. n-1) of partition-key bytes {@code $1}: stable, so one key's records stay in one shard. */
  static final String BUCKET = "mod(('x' || left(md5($1::bytea), 7))::bit(28)::int, sh.bucket_count)";

  /**
   * Creates a stream and its first shards for a table: $1 account, $2 table id, $3 table name, $4 view type,
   * $5 key schema JSON. The label is the creation time in ISO-8601 with milliseconds (UTC), at least 1 ms after
   * the previous stream of that table name so labels never repeat. Shard count: setting
   * {@code stream_shard_count} (default 4).
   */
  static final String CREATE = "WITH p AS (SELECT greatest(now(), coalesce((SELECT max(created_at) FROM cairn.streams"
      + " WHERE account_id = $1 AND table_name = $3) + interval '1 millisecond', now())) AS ts,"
      + " coalesce((SELECT value::int FROM cairn.settings WHERE name = 'stream_shard_count'), 4) AS n),"
      + " s AS (INSERT INTO cairn.streams (account_id, table_id, table_name, stream_label, view_type, key_schema,"
      + " shard_count, created_at) SELECT $1, $2, $3, to_char(p.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS'),"
      + " $4, $5, p.n, p.ts FROM p RETURNING stream_id, stream_label, shard_count),"
      + " sh AS (INSERT INTO cairn.stream_shards (account_id, stream_id, table_id, bucket, bucket_count, shard_name,"
      + " start_seq) SELECT $1, s.stream_id, $2, b, s.shard_count, " + StreamSql.shardName("b") + ", "
      + StreamSql.startSeq() + " FROM s, generate_series(0, s.shard_count - 1) b),"
      + " t AS (UPDATE cairn.tables SET latest_stream_label = (SELECT stream_label FROM s) WHERE table_id = $2)"
      + " SELECT stream_label FROM s";

  /** A new ShardId: {@code shardId-<20-digit creation millis>-<8 random hex>} (the service's shape). */
  static String shardName(String salt) {
    return "'shardId-' || lpad((extract(epoch FROM clock_timestamp()) * 1000)::bigint::text, 20, '0') || '-'"
        + " || substr(md5(random()::text || " + salt + "::text || clock_timestamp()::text), 1, 8)";
  }

  static String startSeq() {
    return "lpad(pg_current_xact_id()::text, 20, '0') || repeat('0', 20)";
  }

  /** Disables the table's enabled stream and closes its open shards: $1 table id. */
  static final String DISABLE = "WITH s AS (UPDATE cairn.streams SET disabled_at = now() WHERE table_id = $1"
      + " AND disabled_at IS NULL RETURNING stream_id)"
      + " UPDATE cairn.stream_shards SET closed_at = now(), closed_xid = pg_current_xact_id()"
      + " WHERE stream_id IN (SELECT stream_id FROM s) AND closed_at IS NULL";

  static final String STREAM_COLUMNS = "stream_id, account_id, table_name, stream_label, view_type, key_schema,"
      + " created_at, disabled_at";

  /** Streams still readable (enabled, or disabled less than 24 hours ago), in creation order: $1 account. */
  static final String LIST = "SELECT " + STREAM_COLUMNS + " FROM cairn.streams WHERE account_id = $1"
      + " AND (disabled_at IS NULL OR disabled_at > now() - interval '24 hours') ORDER BY stream_id";

  /** One readable stream by name and label: $1 account, $2 table name, $3 label. */
  static final String FIND = "SELECT " + STREAM_COLUMNS + " FROM cairn.streams WHERE account_id = $1"
      + " AND table_name = $2 AND stream_label = $3"
      + " AND (disabled_at IS NULL OR disabled_at > now() - interval '24 hours')";

  /**
   * The shards of a stream in creation order (shards closed more than 24 hours ago, whose records are trimmed, are
   * no longer listed), with their ending sequence number once closed and final: $1 stream,
   * $2 account. Columns: shard id, name, parent name, start seq, closed, final, last record seq, trim horizon
   * (txid text, serial: the last trimmed record, or 0, 0).
   */
  static final String SHARDS = "SELECT sh.shard_id, sh.shard_name, p.shard_name, sh.start_seq, sh.closed_at IS NOT NULL,"
      + " sh.closed_xid IS NOT NULL AND sh.closed_xid < " + WATERMARK + ","
      + " (SELECT " + SEQ + " FROM cairn.stream_records r WHERE r.shard_id = sh.shard_id"
      + " ORDER BY r.txid DESC, r.serial DESC LIMIT 1), coalesce(sh.trimmed_txid::text, '0'),"
      + " coalesce(sh.trimmed_serial, 0)"
      + " FROM cairn.stream_shards sh LEFT JOIN cairn.stream_shards p ON p.shard_id = sh.parent_shard_id"
      + " WHERE sh.stream_id = $1 AND sh.account_id = $2"
      + " AND (sh.closed_at IS NULL OR sh.closed_at > now() - interval '24 hours') ORDER BY sh.shard_id";

  /**
   * The shard's state and its records after a position, below the watermark, in order, in one snapshot: $1 shard,
   * $2 after txid (text), $3 after serial, $4 limit, $5 account. Columns: complete, trimmed, then per record (null
   * when none): seq, created epoch seconds, event name, record JSON, user identity JSON, size.
   */
  static final String READ = "SELECT sh.closed_xid IS NOT NULL AND sh.closed_xid < " + WATERMARK + ","
      + " sh.trimmed_txid IS NOT NULL AND ($2::text::xid8, $3::bigint) < (sh.trimmed_txid, sh.trimmed_serial),"
      + " " + SEQ + ", extract(epoch FROM r.created_at)::bigint, r.event_name, r.record, r.user_identity, r.size_bytes"
      + " FROM cairn.stream_shards sh LEFT JOIN LATERAL (SELECT * FROM cairn.stream_records r"
      + " WHERE r.shard_id = sh.shard_id AND (r.txid, r.serial) > ($2::text::xid8, $3::bigint)"
      + " AND r.txid < " + WATERMARK + " ORDER BY r.txid, r.serial LIMIT $4) r ON true"
      + " WHERE sh.shard_id = $1 AND sh.account_id = $5 ORDER BY r.txid, r.serial";

  /** The current watermark as text (LATEST positions are taken at it). */
  static final String CURRENT_WATERMARK = "SELECT " + WATERMARK + "::text";

  /** The iterator-signing secret, created on first use ($1: a fresh random value). */
  static final String SECRET = "WITH i AS (INSERT INTO cairn.stream_secret (id, secret) VALUES (1, $1)"
      + " ON CONFLICT (id) DO NOTHING RETURNING secret)"
      + " SELECT secret FROM i UNION ALL SELECT secret FROM cairn.stream_secret WHERE id = 1";

  /** Tables with open shards older than $1 milliseconds (for rollover). */
  static final String DUE_FOR_ROLLOVER = "SELECT DISTINCT sh.table_id FROM cairn.stream_shards sh"
      + " WHERE sh.closed_at IS NULL AND sh.created_at < now() - ($1::bigint * interval '1 millisecond') LIMIT 100";

  /**
   * Under the table's definition lock: bumps its definition version (so writes planned before fail and re-plan),
   * closes its open shards older than $2 ms and opens their children. $1 table id. Returns the table's account and
   * name (for the catalog notification) and the number of shards rolled; no row (and no version bump) when another
   * process rolled them first.
   */
  static final String ROLL = "WITH v AS (UPDATE cairn.tables SET def_version = def_version + 1 WHERE table_id = $1"
      + " AND deleted_at IS NULL AND EXISTS (SELECT 1 FROM cairn.stream_shards WHERE table_id = $1"
      + " AND closed_at IS NULL AND created_at < now() - ($2::bigint * interval '1 millisecond'))"
      + " RETURNING account_id, table_name),"
      + " c AS (UPDATE cairn.stream_shards SET closed_at = now(), closed_xid = pg_current_xact_id()"
      + " WHERE table_id = $1 AND closed_at IS NULL AND created_at < now() - ($2::bigint * interval '1 millisecond')"
      + " AND EXISTS (SELECT 1 FROM v) RETURNING shard_id, account_id, stream_id, table_id, bucket, bucket_count),"
      + " n AS (INSERT INTO cairn.stream_shards (account_id, stream_id, table_id, bucket, bucket_count, shard_name,"
      + " parent_shard_id, start_seq) SELECT c.account_id, c.stream_id, c.table_id, c.bucket, c.bucket_count, "
      + shardName("c.shard_id") + ", c.shard_id, " + startSeq() + " FROM c RETURNING 1)"
      + " SELECT v.account_id, v.table_name, (SELECT count(*) FROM n) FROM v";

  /**
   * Trims up to $1 records older than 24 hours, remembering per shard the last trimmed position; returns how
   * many were deleted.
   */
  static final String TRIM = "WITH d AS (DELETE FROM cairn.stream_records WHERE ctid IN (SELECT ctid FROM"
      + " cairn.stream_records WHERE created_at < now() - interval '24 hours' LIMIT " + "$1" + ")"
      + " RETURNING shard_id, txid, serial),"
      + " m AS (SELECT DISTINCT ON (shard_id) shard_id, txid, serial FROM d ORDER BY shard_id, txid DESC, serial DESC),"
      + " u AS (UPDATE cairn.stream_shards sh SET trimmed_txid = m.txid, trimmed_serial = m.serial FROM m"
      + " WHERE sh.shard_id = m.shard_id AND (sh.trimmed_txid IS NULL OR (sh.trimmed_txid, sh.trimmed_serial)"
      + " < (m.txid, m.serial)))"
      + " SELECT count(*) FROM d";
}
