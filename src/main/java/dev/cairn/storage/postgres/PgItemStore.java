package dev.cairn.storage.postgres;

import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemJson;
import dev.cairn.storage.IndexEntry;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.StoredItem;
import dev.cairn.storage.StreamIdentity;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TableRef;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
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
    return client.preparedQuery(sql).execute(args).recover(e -> Future.failedFuture(SqlStates.classify(e)));
  }

  private static StoredItem stored(RowSet<Row> rs) {
    if (rs.size() == 0) {
      return null;
    }
    Row r = rs.iterator().next();
    return new StoredItem(ItemJson.read(r.getString(0)), r.getInteger(1), r.getString(2));
  }

  /** Bind values $1..$8 of {@link WriteSql}: keys, item (jsonb or text form), size, table guard, row version. */
  private static Tuple baseTuple(TableRecord t, byte[] pk, byte[] sk, Map<String, AttributeValue> item,
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
  public Future<StoredItem> read(TableRef table, byte[] pk, byte[] sk) {
    return run(ItemSql.of(table.tableId()).read, Tuple.of(Buffer.buffer(pk), Buffer.buffer(sk)))
        .map(PgItemStore::stored);
  }

  @Override
  public Future<Void> put(TableRecord table, byte[] pk, byte[] sk, Map<String, AttributeValue> item, int sizeBytes,
      List<IndexEntry> entries) {
    if (table.streamEnabled()) {
      return putLoop(table, pk, sk, item, sizeBytes, entries, 1);
    }
    WriteSql sql = WriteSql.of(table);
    return run(sql.put, withEntries(baseTuple(table, pk, sk, item, sizeBytes, null), sql, entries)).mapEmpty();
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
  public Future<Boolean> putIfVersion(TableRecord table, byte[] pk, byte[] sk, String expectedVersion,
      Map<String, AttributeValue> item, int sizeBytes, List<IndexEntry> entries) {
    if (table.streamEnabled()) {
      return read(table.ref(), pk, sk).compose(current -> isVersion(current, expectedVersion)
          ? putIfCurrent(table, pk, sk, current, item, sizeBytes, entries) : Future.succeededFuture(false));
    }
    WriteSql sql = WriteSql.of(table);
    Tuple args = withEntries(baseTuple(table, pk, sk, item, sizeBytes, expectedVersion), sql, entries);
    if (expectedVersion == null) {
      return run(sql.insertIfAbsent, args).map(PgItemStore::counted);
    }
    return run(sql.updateIfVersion, args).map(PgItemStore::counted);
  }

  private static boolean isVersion(StoredItem current, String expectedVersion) {
    return expectedVersion == null ? current == null : current != null && current.version().equals(expectedVersion);
  }

  @Override
  public Future<Boolean> deleteIfVersion(TableRecord table, byte[] pk, byte[] sk, String expectedVersion) {
    if (table.streamEnabled()) {
      return read(table.ref(), pk, sk).compose(current -> current != null && isVersion(current, expectedVersion)
          ? deleteIfCurrent(table, pk, sk, current, null) : Future.succeededFuture(false));
    }
    return run(WriteSql.of(table).deleteIfVersion, baseTuple(table, pk, sk, null, 0, expectedVersion))
        .map(PgItemStore::counted);
  }

  @Override
  public Future<Boolean> putIfCurrent(TableRecord table, byte[] pk, byte[] sk, StoredItem old,
      Map<String, AttributeValue> item, int sizeBytes, List<IndexEntry> entries) {
    WriteSql sql = WriteSql.of(table);
    String version = old == null ? null : old.version();
    Tuple args = withEntries(baseTuple(table, pk, sk, item, sizeBytes, version), sql, entries);
    if (sql.streamParams >= 0) {
      StreamRecords.bind(args, table, old == null ? null : old.item(), item, null);
    }
    return run(version == null ? sql.insertIfAbsent : sql.updateIfVersion, args).map(PgItemStore::counted);
  }

  @Override
  public Future<Boolean> deleteIfCurrent(TableRecord table, byte[] pk, byte[] sk, StoredItem old,
      StreamIdentity identity) {
    if (old == null) {
      return Future.succeededFuture(true);
    }
    WriteSql sql = WriteSql.of(table);
    Tuple args = baseTuple(table, pk, sk, null, 0, old.version());
    if (sql.deleteStreamParams >= 0) {
      StreamRecords.bind(args, table, old.item(), null, identity);
    }
    return run(sql.deleteIfVersion, args).map(PgItemStore::counted);
  }

  /** The {@code SELECT count(*) FROM w} of a write statement: whether the base row was written. */
  private static boolean counted(RowSet<Row> rs) {
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
