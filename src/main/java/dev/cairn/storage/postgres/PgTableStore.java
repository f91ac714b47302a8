package dev.cairn.storage.postgres;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cairn.storage.BackfillTask;
import dev.cairn.storage.CatalogChange;
import dev.cairn.storage.IndexEntry;
import dev.cairn.storage.ReadRow;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.TableDefinition;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TableStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@link TableStore} on PostgreSQL: lookups on the pipelined client; creation and deletion in one transaction
 * each (catalog row, item relation DDL, notification). Definitions are stored as jsonb written by Jackson from
 * the {@link TableDefinition} record (fields only, nulls omitted).
 */
public final class PgTableStore implements TableStore {
  static final ObjectMapper JSON = JsonMapper.builder()
      .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
      .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final SqlClient client;
  private final Pool pool;

  public PgTableStore(SqlClient client, Pool pool) {
    this.client = client;
    this.pool = pool;
  }

  private static <T> Future<T> classified(Future<T> f) {
    return SqlStates.classified(f);
  }

  static String write(TableDefinition d) {
    try {
      return JSON.writeValueAsString(d);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static TableDefinition read(String json) {
    try {
      return JSON.readValue(json, TableDefinition.class);
    } catch (JsonProcessingException e) {
      throw new StorageException(StorageException.Kind.INTERNAL, "unreadable table definition", e);
    }
  }

  /** A timestamptz column as an Instant, or null. */
  static Instant instant(Row r, int column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  private static TableRecord record(Row r) {
    TableDefinition d = read(r.getString(4));
    return new TableRecord(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), d.primaryKey(),
        instant(r, 5), instant(r, 6), instant(r, 7), instant(r, 8), d, r.getLong(9), r.getString(10));
  }

  private static TableRecord single(RowSet<Row> rs) {
    return rs.size() == 0 ? null : record(rs.iterator().next());
  }

  private static String notification(String accountId, String tableName) {
    return new CatalogChange(CatalogChange.Kind.TABLE, accountId + "/" + tableName).payload();
  }

  @Override
  public Future<TableRecord> findTable(String accountId, String tableName) {
    return classified(client.preparedQuery(TableSql.FIND).execute(Tuple.of(accountId, tableName)))
        .map(PgTableStore::single);
  }

  @Override
  public Future<TableRecord> createTable(String accountId, String tableName, TableDefinition definition,
      Instant activeAt) {
    return classified(pool.withTransaction(conn -> conn.preparedQuery(TableSql.INSERT)
        .execute(Tuple.of(accountId, tableName, write(definition), OffsetDateTime.ofInstant(activeAt, ZoneOffset.UTC)))
        .compose(rs -> {
          TableRecord t = single(rs);
          ItemSql sql = ItemSql.of(t.tableId());
          StringBuilder ddl = new StringBuilder(sql.create).append("; ").append(sql.comment("DynamoDB table "
              + tableName + " of account " + accountId));
          for (TableDefinition.Index i : WriteSql.indexes(definition)) {
            ddl.append("; ").append(IndexSql.create(t.tableId(), i.indexId()));
          }
          return conn.query(ddl.toString()).execute()
              .compose(v -> streamChanges(conn, null, t))
              .compose(v -> notify(conn, accountId, tableName))
              .compose(v -> reread(conn, t));
        })));
  }

  /**
   * Creates or disables the table's stream when the definition turns it on or off, in the caller's transaction
   * (migration V6). A disabled stream keeps its rows and records, readable for 24 hours.
   */
  private static Future<Void> streamChanges(SqlConnection conn, TableRecord before, TableRecord after) {
    boolean was = before != null && before.streamEnabled();
    boolean is = after.streamEnabled();
    if (was == is) {
      return Future.succeededFuture();
    }
    Future<Void> disabled = was
        ? conn.preparedQuery(StreamSql.DISABLE).execute(Tuple.of(after.tableId())).mapEmpty()
        : Future.succeededFuture();
    if (!is) {
      return disabled;
    }
    String keySchema;
    try {
      keySchema = JSON.writeValueAsString(after.definition().keySchema());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return disabled.compose(v -> conn.preparedQuery(StreamSql.CREATE).execute(Tuple.of(after.accountId(),
        after.tableId(), after.tableName(), after.definition().streamSpecification().streamViewType(), keySchema)))
        .mapEmpty();
  }

  /** The table's row as the transaction now sees it (after stream changes set its latest stream label). */
  private static Future<TableRecord> reread(SqlConnection conn, TableRecord t) {
    return conn.preparedQuery(TableSql.FIND_BY_ID).execute(Tuple.of(t.tableId())).map(PgTableStore::single);
  }

  @Override
  public Future<TableRecord> updateDefinition(TableRecord table, TableDefinition definition, Instant updatingUntil) {
    return classified(pool.withTransaction(conn -> conn.preparedQuery(TableSql.LOCK_DEFINITION)
        .execute(Tuple.of(table.tableId()))
        .compose(v -> conn.preparedQuery(TableSql.UPDATE_DEFINITION).execute(Tuple.of(table.tableId(),
            write(definition), updatingUntil == null ? null : OffsetDateTime.ofInstant(updatingUntil, ZoneOffset.UTC))))
        .compose(rs -> {
          TableRecord t = single(rs);
          if (t == null) {
            return Future.failedFuture(new StorageException(StorageException.Kind.NOT_FOUND, "table gone", null));
          }
          return indexChanges(conn, table, t).compose(v -> timeToLiveChange(conn, table, t))
              .compose(v -> streamChanges(conn, table, t))
              .compose(v -> notify(conn, t.accountId(), t.tableName())).compose(v -> reread(conn, t));
        })));
  }

  /** Queues the computation of ttl_at for existing items when the TTL attribute is set or changed. */
  private static Future<Void> timeToLiveChange(SqlConnection conn, TableRecord before, TableRecord after) {
    String was = before.definition().timeToLiveAttribute();
    String now = after.definition().timeToLiveAttribute();
    if (java.util.Objects.equals(was, now)) {
      return Future.succeededFuture();
    }
    String sql = now == null ? TableSql.TTL_BACKFILL_DROP : TableSql.TTL_BACKFILL_QUEUE;
    return conn.preparedQuery(sql).execute(Tuple.of(after.tableId())).mapEmpty();
  }

  /** Creates, drops and queues index relations for the indexes that appear, disappear or finish back-filling. */
  private static Future<Void> indexChanges(SqlConnection conn, TableRecord before, TableRecord after) {
    java.util.Map<Long, TableDefinition.Index> old = new java.util.HashMap<>();
    for (TableDefinition.Index i : WriteSql.indexes(before.definition())) {
      old.put(i.indexId(), i);
    }
    StringBuilder ddl = new StringBuilder();
    java.util.List<Tuple> added = new java.util.ArrayList<>();
    java.util.List<Tuple> removed = new java.util.ArrayList<>();
    for (TableDefinition.Index i : WriteSql.indexes(after.definition())) {
      TableDefinition.Index was = old.remove(i.indexId());
      if (was == null) {
        ddl.append(IndexSql.create(after.tableId(), i.indexId())).append("; ");
      }
      if (i.backfilling() && was == null) {
        added.add(Tuple.of(after.tableId(), i.indexId()));
      } else if (!i.backfilling() && was != null && was.backfilling()) {
        removed.add(Tuple.of(after.tableId(), i.indexId()));
      }
    }
    for (Long gone : old.keySet()) {
      ddl.append(IndexSql.drop(after.tableId(), gone)).append("; ");
      removed.add(Tuple.of(after.tableId(), gone));
    }
    Future<Void> done = ddl.length() == 0 ? Future.succeededFuture()
        : conn.query(ddl.toString()).execute().mapEmpty();
    if (!added.isEmpty()) {
      done = done.compose(v -> conn.preparedQuery(TableSql.BACKFILL_ADD).executeBatch(added).mapEmpty());
    }
    if (!removed.isEmpty()) {
      done = done.compose(v -> conn.preparedQuery(TableSql.BACKFILL_REMOVE).executeBatch(removed).mapEmpty());
    }
    return done;
  }

  @Override
  public Future<TableRecord> deleteTable(TableRecord table) {
    // The definition lock waits for in-flight writes, so the stream's shards close after the last record.
    return classified(pool.withTransaction(conn -> conn.preparedQuery(TableSql.LOCK_DEFINITION)
        .execute(Tuple.of(table.tableId()))
        .compose(v -> conn.preparedQuery(TableSql.MARK_DELETED).execute(Tuple.of(table.tableId())))
        .compose(rs -> {
          TableRecord t = single(rs);
          if (t == null) {
            return Future.failedFuture(new StorageException(StorageException.Kind.NOT_FOUND, "table gone", null));
          }
          StringBuilder ddl = new StringBuilder(ItemSql.of(t.tableId()).drop);
          for (TableDefinition.Index i : WriteSql.indexes(t.definition())) {
            ddl.append("; ").append(IndexSql.drop(t.tableId(), i.indexId()));
          }
          // The table's stream closes with it and stays readable (DISABLED) for 24 hours (Developer Guide,
          // "Change data capture for DynamoDB Streams": deleting a table).
          return conn.preparedQuery(StreamSql.DISABLE).execute(Tuple.of(t.tableId()))
              .compose(v -> conn.query(ddl.toString()).execute())
              .compose(v -> notify(conn, t.accountId(), t.tableName()))
              .map(v -> t);
        })));
  }

  @Override
  public Future<java.util.List<BackfillTask>> backfillTasks() {
    return classified(client.preparedQuery(TableSql.BACKFILL_TASKS).execute()).map(rs -> {
      java.util.List<BackfillTask> out = new java.util.ArrayList<>();
      rs.forEach(r -> out.add(new BackfillTask(r.getLong(0), r.getLong(1), r.getString(2), r.getString(3))));
      return out;
    });
  }

  @Override
  public Future<Integer> backfillBatch(TableRecord table, long indexId, int batchSize,
      java.util.function.Function<java.util.List<ReadRow>, java.util.List<IndexEntry>> entries) {
    ItemSql itemSql = ItemSql.of(table.tableId());
    String index = IndexSql.relation(table.tableId(), indexId);
    return classified(pool.withTransaction(conn -> conn.preparedQuery(TableSql.BACKFILL_CLAIM)
        .execute(Tuple.of(table.tableId(), indexId))
        .compose(claim -> {
          if (claim.size() == 0) {
            return Future.succeededFuture(-1);
          }
          Row pos = claim.iterator().next();
          Buffer afterPk = pos.getBuffer(0);
          Buffer afterSk = pos.getBuffer(1);
          String read = afterPk == null ? itemSql.firstRows : itemSql.rowsAfter;
          Tuple args = afterPk == null ? Tuple.of(batchSize) : Tuple.of(batchSize, afterPk, afterSk);
          return conn.preparedQuery(read).execute(args).compose(rows -> {
            if (rows.size() == 0) {
              return Future.succeededFuture(0);
            }
            java.util.List<ReadRow> items = new java.util.ArrayList<>();
            java.util.List<String> versions = new java.util.ArrayList<>();
            for (Row r : rows) {
              items.add(new ReadRow(r.getBuffer(0).getBytes(), r.getBuffer(1).getBytes(), null, null,
                  dev.cairn.core.model.ItemJson.read(r.getString(2)), r.getInteger(3)));
              versions.add(r.getString(4));
            }
            java.util.List<IndexEntry> computed = entries.apply(items);
            Tuple insert = BackfillSql.arrays(items, versions, computed);
            ReadRow last = items.get(items.size() - 1);
            return conn.preparedQuery(BackfillSql.insert(itemSql.relation, index)).execute(insert)
                .compose(v -> conn.preparedQuery(TableSql.BACKFILL_ADVANCE).execute(Tuple.of(table.tableId(),
                    indexId, Buffer.buffer(last.pk()), Buffer.buffer(last.sk()))))
                .map(v -> items.size());
          });
        })));
  }

  @Override
  public Future<java.util.List<TableRecord>> timeToLiveTables() {
    return classified(client.preparedQuery(TableSql.TTL_TABLES).execute()).map(rs -> {
      java.util.List<TableRecord> out = new java.util.ArrayList<>(rs.size());
      rs.forEach(r -> out.add(record(r)));
      return out;
    });
  }

  @Override
  public Future<Integer> timeToLiveBackfillBatch(TableRecord table, int batchSize) {
    ItemSql sql = ItemSql.of(table.tableId());
    String attribute = table.definition().timeToLiveAttribute();
    return classified(pool.withTransaction(conn -> conn.preparedQuery(TableSql.TTL_BACKFILL_CLAIM)
        .execute(Tuple.of(table.tableId()))
        .compose(claim -> {
          if (claim.size() == 0) {
            return Future.succeededFuture(-1);
          }
          Row pos = claim.iterator().next();
          Buffer afterPk = pos.getBuffer(0);
          Future<RowSet<Row>> read = afterPk == null
              ? conn.preparedQuery(sql.firstRows).execute(Tuple.of(batchSize))
              : conn.preparedQuery(sql.rowsAfter).execute(Tuple.of(batchSize, afterPk, pos.getBuffer(1)));
          return read.compose(rows -> {
            if (rows.size() == 0) {
              return conn.preparedQuery(TableSql.TTL_BACKFILL_DROP).execute(Tuple.of(table.tableId())).map(v -> 0);
            }
            java.util.List<dev.cairn.storage.VersionedItem> items = PgItemStore.versioned(rows);
            int n = items.size();
            Buffer[] pk = new Buffer[n];
            Buffer[] sk = new Buffer[n];
            Long[] ttl = new Long[n];
            String[] version = new String[n];
            for (int i = 0; i < n; i++) {
              dev.cairn.storage.VersionedItem v = items.get(i);
              pk[i] = Buffer.buffer(v.pk());
              sk[i] = Buffer.buffer(v.sk());
              ttl[i] = dev.cairn.core.model.TimeToLive.expiry(v.item(), attribute);
              version[i] = v.version();
            }
            dev.cairn.storage.VersionedItem last = items.get(n - 1);
            return conn.preparedQuery(sql.setTtl).execute(Tuple.of(pk, sk, ttl, version))
                .compose(v -> conn.preparedQuery(TableSql.TTL_BACKFILL_ADVANCE).execute(Tuple.of(table.tableId(),
                    Buffer.buffer(last.pk()), Buffer.buffer(last.sk()))))
                .map(v -> n);
          });
        })));
  }

  @Override
  public Future<Integer> countTables(String accountId) {
    return classified(client.preparedQuery(TableSql.COUNT).execute(Tuple.of(accountId)))
        .map(rs -> rs.iterator().next().getLong(0).intValue());
  }

  private static Future<Void> notify(SqlConnection conn, String accountId, String tableName) {
    return conn.preparedQuery(TableSql.NOTIFY).execute(Tuple.of(notification(accountId, tableName))).mapEmpty();
  }
}
