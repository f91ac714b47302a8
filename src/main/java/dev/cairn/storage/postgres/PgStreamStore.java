package dev.cairn.storage.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.storage.CatalogChange;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.StreamStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@link StreamStore} on PostgreSQL: reads on the pipelined client (one statement each, so shard state and
 * records come from one snapshot); rollover in one transaction per table on the pool.
 */
public final class PgStreamStore implements StreamStore {
  /** Records deleted per trim statement. */
  public static final int TRIM_BATCH = 5000;
  private final SqlClient client;
  private final Pool pool;
  private volatile Future<byte[]> secret;

  /**
   * @param client the pipelined client (single statements: every read)
   * @param pool   the transaction pool (rollover: one transaction per table)
   */
  public PgStreamStore(SqlClient client, Pool pool) {
    this.client = client;
    this.pool = pool;
  }

  private Future<RowSet<Row>> run(String sql, Tuple args) {
    return SqlStates.classified(client.preparedQuery(sql).execute(args));
  }

  private static StreamRow stream(Row r) {
    List<KeySchemaElement> keys;
    try {
      keys = PgTableStore.JSON.readValue(r.getString(5), new TypeReference<List<KeySchemaElement>>() { });
    } catch (JsonProcessingException e) {
      throw new StorageException(StorageException.Kind.INTERNAL, "unreadable stream key schema", e);
    }
    return new StreamRow(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), keys,
        PgTableStore.instant(r, 6), PgTableStore.instant(r, 7));
  }

  @Override
  public Future<List<StreamRow>> listStreams(String accountId) {
    return run(StreamSql.LIST, Tuple.of(accountId)).map(rs -> {
      List<StreamRow> out = new ArrayList<>();
      rs.forEach(r -> out.add(stream(r)));
      return out;
    });
  }

  @Override
  public Future<StreamRow> findStream(String accountId, String tableName, String label) {
    return run(StreamSql.FIND, Tuple.of(accountId, tableName, label))
        .map(rs -> rs.size() == 0 ? null : stream(rs.iterator().next()));
  }

  @Override
  public Future<List<ShardRow>> shards(String accountId, long streamId) {
    return run(StreamSql.SHARDS, Tuple.of(streamId, accountId)).map(rs -> {
      List<ShardRow> out = new ArrayList<>();
      rs.forEach(r -> out.add(new ShardRow(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
          r.getBoolean(4), r.getBoolean(5), r.getString(6), r.getString(7), r.getLong(8))));
      return out;
    });
  }

  @Override
  public Future<RecordPage> readRecords(String accountId, long shardId, String afterTxid, long afterSerial,
      int limit) {
    return run(StreamSql.READ, Tuple.of(shardId, afterTxid, afterSerial, limit, accountId)).map(rs -> {
      if (rs.size() == 0) {
        return new RecordPage(List.of(), false, false, false);
      }
      List<RecordRow> records = new ArrayList<>();
      boolean complete = false;
      boolean trimmed = false;
      for (Row r : rs) {
        complete = r.getBoolean(0);
        trimmed = r.getBoolean(1);
        if (r.getString(2) != null) {
          records.add(new RecordRow(r.getString(2), r.getLong(3), r.getString(4), r.getString(5), r.getString(6),
              r.getInteger(7)));
        }
      }
      return new RecordPage(records, complete, trimmed, true);
    });
  }

  @Override
  public Future<String> latestPosition() {
    return run(StreamSql.CURRENT_WATERMARK, Tuple.tuple()).map(rs -> rs.iterator().next().getString(0));
  }

  @Override
  public Future<byte[]> iteratorSecret() {
    Future<byte[]> s = secret;
    if (s == null || s.failed()) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      s = run(StreamSql.SECRET, Tuple.of(Base64.getEncoder().encodeToString(fresh)))
          .map(rs -> Base64.getDecoder().decode(rs.iterator().next().getString(0)));
      secret = s;
    }
    return s;
  }

  @Override
  public Future<Integer> rollOver(long periodMillis) {
    return run(StreamSql.DUE_FOR_ROLLOVER, Tuple.of(periodMillis)).compose(rs -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (Row r : rs) {
        long tableId = r.getLong(0);
        chain = chain.compose(n -> rollTable(tableId, periodMillis).map(m -> n + m));
      }
      return chain;
    });
  }

  private Future<Integer> rollTable(long tableId, long periodMillis) {
    return pool.withTransaction(conn -> conn.preparedQuery(TableSql.LOCK_DEFINITION).execute(Tuple.of(tableId))
        .compose(v -> conn.preparedQuery(StreamSql.ROLL).execute(Tuple.of(tableId, periodMillis)))
        .compose(rs -> {
          if (rs.size() == 0) {
            return Future.succeededFuture(0);
          }
          Row r = rs.iterator().next();
          String payload = new CatalogChange(CatalogChange.Kind.TABLE, r.getString(0) + "/" + r.getString(1))
              .payload();
          int rolled = r.getLong(2).intValue();
          return conn.preparedQuery(TableSql.NOTIFY).execute(Tuple.of(payload)).map(x -> rolled);
        })).recover(e -> Future.failedFuture(SqlStates.classify(e)));
  }

  @Override
  public Future<Integer> trim() {
    return run(StreamSql.TRIM, Tuple.of(TRIM_BATCH)).map(rs -> rs.iterator().next().getLong(0).intValue());
  }
}
