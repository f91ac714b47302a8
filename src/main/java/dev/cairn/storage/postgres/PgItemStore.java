package dev.cairn.storage.postgres;

import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemJson;
import dev.cairn.core.model.TimeToLive;
import dev.cairn.storage.IndexEntry;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.ItemWrite;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.StoredItem;
import dev.cairn.storage.StreamIdentity;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TableRef;
import dev.cairn.storage.VersionedItem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@link ItemStore} on the pipelined PG client: every call is one statement, one round trip, no transaction
 * held across awaits. Items are stored as DynamoDB JSON ({@link ItemJson}) in {@code jsonb}, or as text when
 * jsonb cannot hold them (U+0000).
 */
public final class PgItemStore implements ItemStore {
  /** Compare-and-set attempts of the internal read-and-write loop (tables with a stream) before giving up. */
  static final int MAX_ATTEMPTS = 64;
  private final SqlClient client;

  public PgItemStore(SqlClient client) {
    this.client = client;
  }

  private Future<RowSet<Row>> run(String sql, Tuple args) {
    return SqlStates.classified(client.preparedQuery(sql).execute(args));
  }

  static StoredItem stored(RowSet<Row> rs) {
    if (rs.size() == 0) {
      return null;
    }
    Row r = rs.iterator().next();
    return new StoredItem(ItemJson.read(r.getString(0)), r.getInteger(1), r.getString(2));
  }

  /** Bind values $1..$8 of {@link WriteSql}: keys, item (jsonb or text form), size, table guard, row version. */
  static Tuple baseTuple(TableRecord t, byte[] pk, byte[] sk, Map<String, AttributeValue> item,
      int sizeBytes, String expectedVersion) {
    Tuple args = Tuple.tuple().addBuffer(Buffer.buffer(pk)).addBuffer(Buffer.buffer(sk));
    addJson(args, item);
    return args.addInteger(sizeBytes).addLong(t.tableId()).addLong(t.definitionVersion()).addString(expectedVersion);
  }

  private static void addJson(Tuple args, Map<String, AttributeValue> item) {
    if (item == null) {
      args.addString(null).addString(null);
      return;
    }
    String json = ItemJson.write(item);
    boolean text = ItemJson.requiresText(item);
    args.addString(text ? null : json).addString(text ? json : null);
  }

  /**
   * Every parameter of an item-writing statement of {@link WriteSql} ({@code put}, {@code insertIfAbsent},
   * {@code updateIfVersion}): $1..$8, the index parameters, then the item's TTL expiry ({@link WriteSql#ttlParam}).
   */
  static Tuple writeTuple(TableRecord t, WriteSql sql, byte[] pk, byte[] sk, Map<String, AttributeValue> item,
      int sizeBytes, String expectedVersion, List<IndexEntry> entries) {
    return withEntries(baseTuple(t, pk, sk, item, sizeBytes, expectedVersion), sql, entries)
        .addLong(TimeToLive.expiry(item, t.definition().timeToLiveAttribute()));
  }

  /** Appends the five index parameters per index, in the statement's index order. */
  private static Tuple withEntries(Tuple args, WriteSql sql, List<IndexEntry> entries) {
    for (long indexId : sql.indexIds) {
      IndexEntry e = null;
      for (IndexEntry candidate : entries) {
        if (candidate.indexId() == indexId) {
          e = candidate;
          break;
        }
      }
      if (e == null || !e.present()) {
        args.addBuffer(null).addBuffer(null).addString(null).addString(null).addInteger(0);
      } else {
        args.addBuffer(Buffer.buffer(e.indexPk())).addBuffer(Buffer.buffer(e.indexSk()));
        addJson(args, e.item());
        args.addInteger(e.sizeBytes());
      }
    }
    return args;
  }

  @Override
  public Future<Void> writeAll(TableRecord table, List<ItemWrite> writes) {
    if (table.streamEnabled()) {
      List<Future<?>> each = new java.util.ArrayList<>(writes.size());
      for (ItemWrite w : writes) {
        each.add(w.item() == null ? delete(table, w.pk(), w.sk())
            : put(table, w.pk(), w.sk(), w.item(), w.sizeBytes(), w.entries()));
      }
      return Future.all(each).mapEmpty();
    }
    WriteSql sql = WriteSql.of(table);
    List<Tuple> puts = new java.util.ArrayList<>();
    List<Tuple> deletes = new java.util.ArrayList<>();
    for (ItemWrite w : writes) {
      if (w.item() == null) {
        deletes.add(baseTuple(table, w.pk(), w.sk(), null, 0, null));
      } else {
        puts.add(writeTuple(table, sql, w.pk(), w.sk(), w.item(), w.sizeBytes(), null, w.entries()));
      }
    }
    Future<?> p = puts.isEmpty() ? Future.succeededFuture() : client.preparedQuery(sql.put).executeBatch(puts);
    Future<?> d = deletes.isEmpty() ? Future.succeededFuture() : client.preparedQuery(sql.delete).executeBatch(deletes);
    return SqlStates.classified(Future.all(p, d).mapEmpty());
  }

  @Override
  public Future<Integer> deleteIfVersions(TableRecord table, List<VersionedItem> rows, StreamIdentity identity) {
    if (rows.isEmpty()) {
      return Future.succeededFuture(0);
    }
    WriteSql sql = WriteSql.of(table);
    List<Tuple> batch = new java.util.ArrayList<>(rows.size());
    for (VersionedItem v : rows) {
      batch.add(deleteIfCurrentTuple(table, sql, v.pk(), v.sk(), new StoredItem(v.item(), v.sizeBytes(), v.version()),
          identity));
    }
    return SqlStates.classified(client.preparedQuery(sql.deleteIfVersion).executeBatch(batch))
        .map(rs -> {
          int n = 0;
          for (RowSet<Row> r = rs; r != null; r = r.next()) {
            n += counted(r) ? 1 : 0;
          }
          return n;
        });
  }

  @Override
  public Future<List<VersionedItem>> expired(TableRef table, long nowEpochSeconds, long oldestEpochSeconds,
      int limit) {
    return run(ItemSql.of(table.tableId()).expired, Tuple.of(nowEpochSeconds, oldestEpochSeconds, limit))
        .map(PgItemStore::versioned);
  }

  /** Rows of (pk, sk, item JSON, size, xmin). */
  static List<VersionedItem> versioned(RowSet<Row> rs) {
    List<VersionedItem> out = new java.util.ArrayList<>(rs.size());
    for (Row r : rs) {
      out.add(new VersionedItem(r.getBuffer(0).getBytes(), r.getBuffer(1).getBytes(), ItemJson.read(r.getString(2)),
          r.getInteger(3), r.getString(4)));
    }
    return out;
  }

  @Override
  public Future<StoredItem> read(TableRef table, byte[] pk, byte[] sk) {
    return run(ItemSql.of(table.tableId()).read, Tuple.of(Buffer.buffer(pk), Buffer.buffer(sk)))
        .map(PgItemStore::stored);
  }

  @Override
  public Future<List<StoredItem>> readMany(TableRef table, List<byte[]> pks, List<byte[]> sks) {
    Buffer[] p = new Buffer[pks.size()];
    Buffer[] s = new Buffer[sks.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = Buffer.buffer(pks.get(i));
      s[i] = Buffer.buffer(sks.get(i));
    }
    return run(ItemSql.of(table.tableId()).readMany, Tuple.tuple().addArrayOfBuffer(p).addArrayOfBuffer(s))
        .map(rs -> {
          List<StoredItem> out = new ArrayList<>(Collections.nCopies(p.length, null));
          for (Row r : rs) {
            out.set((int) (r.getLong(0) - 1),
                new StoredItem(ItemJson.read(r.getString(1)), r.getInteger(2), r.getString(3)));
          }
          return out;
        });
  }

  @Override
  public Future<Void> put(TableRecord table, byte[] pk, byte[] sk, Map<String, AttributeValue> item, int sizeBytes,
      List<IndexEntry> entries) {
    if (table.streamEnabled()) {
      return putLoop(table, pk, sk, item, sizeBytes, entries, 1);
    }
    WriteSql sql = WriteSql.of(table);
    return run(sql.put, writeTuple(table, sql, pk, sk, item, sizeBytes, null, entries)).mapEmpty();
  }

  private Future<Void> putLoop(TableRecord table, byte[] pk, byte[] sk, Map<String, AttributeValue> item,
      int sizeBytes, List<IndexEntry> entries, int attempt) {
    return read(table.ref(), pk, sk)
        .compose(old -> putIfCurrent(table, pk, sk, old, item, sizeBytes, entries))
        .compose(ok -> ok ? Future.<Void>succeededFuture()
            : attempt >= MAX_ATTEMPTS ? Future.failedFuture(contended())
            : putLoop(table, pk, sk, item, sizeBytes, entries, attempt + 1));
  }

  /** Deletes through read and compare-and-set (tables with a stream); the old item, or null when absent. */
  private Future<StoredItem> deleteLoop(TableRecord table, byte[] pk, byte[] sk, int attempt) {
    return read(table.ref(), pk, sk).compose(old -> {
      if (old == null) {
        return Future.succeededFuture(null);
      }
      return deleteIfCurrent(table, pk, sk, old, null).compose(ok -> ok ? Future.succeededFuture(old)
          : attempt >= MAX_ATTEMPTS ? Future.failedFuture(contended())
          : deleteLoop(table, pk, sk, attempt + 1));
    });
  }

  private static StorageException contended() {
    return new StorageException(StorageException.Kind.CONFLICT, "item contended beyond " + MAX_ATTEMPTS
        + " compare-and-set attempts", null);
  }

  @Override
  public Future<Boolean> delete(TableRecord table, byte[] pk, byte[] sk) {
    if (table.streamEnabled()) {
      return deleteLoop(table, pk, sk, 1).map(old -> old != null);
    }
    return run(WriteSql.of(table).delete, baseTuple(table, pk, sk, null, 0, null)).map(PgItemStore::counted);
  }

  @Override
  public Future<StoredItem> deleteReturning(TableRecord table, byte[] pk, byte[] sk) {
    if (table.streamEnabled()) {
      return deleteLoop(table, pk, sk, 1);
    }
    return run(WriteSql.of(table).deleteReturning, baseTuple(table, pk, sk, null, 0, null))
        .map(PgItemStore::stored);
  }

  @Override
  public Future<Boolean> putIfCurrent(TableRecord table, byte[] pk, byte[] sk, StoredItem old,
      Map<String, AttributeValue> item, int sizeBytes, List<IndexEntry> entries) {
    WriteSql sql = WriteSql.of(table);
    Tuple args = putIfCurrentTuple(table, sql, pk, sk, old, item, sizeBytes, entries);
    return run(old == null ? sql.insertIfAbsent : sql.updateIfVersion, args).map(PgItemStore::counted);
  }

  /**
   * The parameters of {@code insertIfAbsent} ({@code old} null) or {@code updateIfVersion} replacing {@code old}:
   * {@link #writeTuple}, then the stream record when the table has a stream.
   */
  static Tuple putIfCurrentTuple(TableRecord table, WriteSql sql, byte[] pk, byte[] sk, StoredItem old,
      Map<String, AttributeValue> item, int sizeBytes, List<IndexEntry> entries) {
    Tuple args = writeTuple(table, sql, pk, sk, item, sizeBytes, old == null ? null : old.version(), entries);
    if (sql.streamParams >= 0) {
      StreamRecords.bind(args, table, old == null ? null : old.item(), item, null);
    }
    return args;
  }

  /** The parameters of {@code deleteIfVersion} deleting {@code old}, with its stream record when there is a stream. */
  static Tuple deleteIfCurrentTuple(TableRecord table, WriteSql sql, byte[] pk, byte[] sk, StoredItem old,
      StreamIdentity identity) {
    Tuple args = baseTuple(table, pk, sk, null, 0, old.version());
    if (sql.deleteStreamParams >= 0) {
      StreamRecords.bind(args, table, old.item(), null, identity);
    }
    return args;
  }

  @Override
  public Future<Boolean> deleteIfCurrent(TableRecord table, byte[] pk, byte[] sk, StoredItem old,
      StreamIdentity identity) {
    if (old == null) {
      return Future.succeededFuture(true);
    }
    WriteSql sql = WriteSql.of(table);
    return run(sql.deleteIfVersion, deleteIfCurrentTuple(table, sql, pk, sk, old, identity))
        .map(PgItemStore::counted);
  }

  /** The {@code SELECT count(*) FROM w} of a write statement: whether the base row was written. */
  static boolean counted(RowSet<Row> rs) {
    return rs.iterator().next().getLong(0) > 0;
  }

  @Override
  public Future<java.util.List<dev.cairn.storage.ReadRow>> query(TableRef table, Long indexId, byte[] partition,
      dev.cairn.storage.SortRange range, boolean forward, dev.cairn.storage.ReadRow start, int limit) {
    return ItemReads.query(client, table, indexId, partition, range, forward, start, limit);
  }

  @Override
  public Future<java.util.List<dev.cairn.storage.ReadRow>> scan(TableRef table, Long indexId, int segment,
      int totalSegments, dev.cairn.storage.ReadRow start, int limit) {
    return ItemReads.scan(client, table, indexId, segment, totalSegments, start, limit);
  }

  @Override
  public Future<long[]> approximateStats(TableRef table) {
    return run(ItemSql.STATS, Tuple.of(ItemSql.of(table.tableId()).relation)).map(rs -> {
      if (rs.size() == 0) {
        return new long[] {0, 0};
      }
      Row r = rs.iterator().next();
      return new long[] {r.getLong(0), r.getLong(1)};
    });
  }
}
