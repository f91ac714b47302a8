package dev.cairn.storage.postgres;

import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemJson;
import dev.cairn.storage.IndexEntry;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.StoredItem;
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
  private final SqlClient client;

  public PgItemStore(SqlClient client) {
    this.client = client;
  }

  private Future<RowSet<Row>> run(String sql, Tuple args) {
    return client.preparedQuery(sql).execute(args).recover(e -> Future.failedFuture(SqlStates.classify(e)));
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

  /** Appends the five index parameters per index, in the statement's index order. */
  static Tuple withEntries(Tuple args, WriteSql sql, List<IndexEntry> entries) {
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
    WriteSql sql = WriteSql.of(table);
    return run(sql.put, withEntries(baseTuple(table, pk, sk, item, sizeBytes, null), sql, entries)).mapEmpty();
  }

  @Override
  public Future<Boolean> delete(TableRecord table, byte[] pk, byte[] sk) {
    return run(WriteSql.of(table).delete, baseTuple(table, pk, sk, null, 0, null)).map(PgItemStore::counted);
  }

  @Override
  public Future<StoredItem> deleteReturning(TableRecord table, byte[] pk, byte[] sk) {
    return run(WriteSql.of(table).deleteReturning, baseTuple(table, pk, sk, null, 0, null))
        .map(PgItemStore::stored);
  }

  @Override
  public Future<Boolean> putIfVersion(TableRecord table, byte[] pk, byte[] sk, String expectedVersion,
      Map<String, AttributeValue> item, int sizeBytes, List<IndexEntry> entries) {
    WriteSql sql = WriteSql.of(table);
    Tuple args = withEntries(baseTuple(table, pk, sk, item, sizeBytes, expectedVersion), sql, entries);
    if (expectedVersion == null) {
      return run(sql.insertIfAbsent, args).map(PgItemStore::counted);
    }
    return run(sql.updateIfVersion, args).map(PgItemStore::counted);
  }

  @Override
  public Future<Boolean> deleteIfVersion(TableRecord table, byte[] pk, byte[] sk, String expectedVersion) {
    return run(WriteSql.of(table).deleteIfVersion, baseTuple(table, pk, sk, null, 0, expectedVersion))
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
