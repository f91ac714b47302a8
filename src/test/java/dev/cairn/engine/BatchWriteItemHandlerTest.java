package dev.cairn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.api.AttributeDefinition;
import dev.cairn.core.api.BatchRequests.BatchWriteItem;
import dev.cairn.core.api.BatchRequests.BatchWriteResult;
import dev.cairn.core.api.BatchRequests.DeleteRequest;
import dev.cairn.core.api.BatchRequests.PutRequest;
import dev.cairn.core.api.BatchRequests.WriteRequest;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.KeySchema;
import dev.cairn.core.model.Principal;
import dev.cairn.storage.BackfillTask;
import dev.cairn.storage.IndexEntry;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.ReadRow;
import dev.cairn.storage.SortRange;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.StoredItem;
import dev.cairn.storage.TableDefinition;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TableRef;
import dev.cairn.storage.TableStore;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine's side of BatchWriteItem on fake stores: transient storage failures become UnprocessedItems while the
 * other writes stand, and a table whose definition changed under the batch is planned again and written with the
 * new definition version.
 */
class BatchWriteItemHandlerTest {
  private static final Principal CALLER = new Principal("000000000001", "u", "AKIA");

  /** A table named {@code t} with a string partition key {@code id}; {@code version} bumps on demand. */
  private static final class OneTable implements TableStore {
    long version = 1;

    @Override
    public Future<TableRecord> findTable(String accountId, String tableName) {
      TableDefinition d = new TableDefinition(List.of(new AttributeDefinition("id", "S")),
          List.of(new KeySchemaElement("id", "HASH")), "PAY_PER_REQUEST", null, null, List.of(), List.of(), null,
          null, null, false, List.of(), null, null);
      return Future.succeededFuture(new TableRecord(7, accountId, tableName, "uuid", new KeySchema("id",
          AttributeType.S, null, null), Instant.EPOCH, Instant.EPOCH, null, null, d, version, null));
    }

    @Override
    public Future<TableRecord> createTable(String a, String n, TableDefinition d, Instant at) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<TableRecord> updateDefinition(TableRecord t, TableDefinition d, Instant until) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<TableRecord> deleteTable(TableRecord t) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<BackfillTask>> backfillTasks() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Integer> backfillBatch(TableRecord t, long indexId, int batchSize,
        java.util.function.Function<List<ReadRow>, List<IndexEntry>> entries) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Integer> countTables(String accountId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<TableRecord>> timeToLiveTables() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Integer> timeToLiveBackfillBatch(TableRecord table, int batchSize) {
      throw new UnsupportedOperationException();
    }
  }

  /**
   * Puts and deletes that succeed, except for the key {@code busy} (PostgreSQL unavailable) and, once, any write
   * at definition version 1 while {@code staleOnce} is set (the definition changed under it).
   */
  private static final class Items implements ItemStore {
    final OneTable tables;
    final List<String> written = Collections.synchronizedList(new ArrayList<>());
    boolean staleOnce;

    Items(OneTable tables) {
      this.tables = tables;
    }

    private Future<Void> write(TableRecord t, byte[] pk, String what) {
      String key = new String(pk, StandardCharsets.UTF_8);
      if (key.equals("busy")) {
        return Future.failedFuture(new StorageException(StorageException.Kind.UNAVAILABLE, "down", null));
      }
      if (staleOnce && t.definitionVersion() == 1) {
        tables.version = 2;
        return Future.failedFuture(new StorageException(StorageException.Kind.STALE_DEFINITION, "changed", null));
      }
      written.add(what + " " + key + " v" + t.definitionVersion());
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> put(TableRecord t, byte[] pk, byte[] sk, Map<String, AttributeValue> item, int size,
        List<IndexEntry> entries) {
      return write(t, pk, "put");
    }

    /** All or nothing, as the real batch: a busy key or a stale definition fails every write of the table. */
    @Override
    public Future<Void> writeAll(TableRecord t, List<dev.cairn.storage.ItemWrite> writes) {
      for (dev.cairn.storage.ItemWrite w : writes) {
        if (new String(w.pk(), StandardCharsets.UTF_8).equals("busy")) {
          return Future.failedFuture(new StorageException(StorageException.Kind.UNAVAILABLE, "down", null));
        }
      }
      if (staleOnce && t.definitionVersion() == 1) {
        tables.version = 2;
        return Future.failedFuture(new StorageException(StorageException.Kind.STALE_DEFINITION, "changed", null));
      }
      for (dev.cairn.storage.ItemWrite w : writes) {
        write(t, w.pk(), w.item() == null ? "delete" : "put");
      }
      return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> delete(TableRecord t, byte[] pk, byte[] sk) {
      return write(t, pk, "delete").map(true);
    }

    @Override
    public Future<StoredItem> read(TableRef table, byte[] pk, byte[] sk) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<StoredItem>> readMany(TableRef table, List<byte[]> pks, List<byte[]> sks) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<StoredItem> deleteReturning(TableRecord t, byte[] pk, byte[] sk) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<ReadRow>> query(TableRef t, Long indexId, byte[] p, SortRange r, boolean f, ReadRow s, int l) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<ReadRow>> scan(TableRef t, Long indexId, int segment, int total, ReadRow s, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<long[]> approximateStats(TableRef table) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Boolean> putIfCurrent(TableRecord table, byte[] pk, byte[] sk, dev.cairn.storage.StoredItem old,
        Map<String, AttributeValue> item, int sizeBytes, List<IndexEntry> entries) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Boolean> deleteIfCurrent(TableRecord table, byte[] pk, byte[] sk, dev.cairn.storage.StoredItem old,
        dev.cairn.storage.StreamIdentity identity) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Integer> deleteIfVersions(TableRecord table, List<dev.cairn.storage.VersionedItem> rows,
        dev.cairn.storage.StreamIdentity identity) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<List<dev.cairn.storage.VersionedItem>> expired(TableRef table, long now, long oldest, int limit) {
      throw new UnsupportedOperationException();
    }
  }

  private static WriteRequest put(String id) {
    return new WriteRequest(new PutRequest(Map.of("id", new AttributeValue.S(id))), null);
  }

  private static WriteRequest delete(String id) {
    return new WriteRequest(null, new DeleteRequest(Map.of("id", new AttributeValue.S(id))));
  }

  private static BatchWriteResult run(Items items, List<WriteRequest> writes) throws Exception {
    return run(items, writes, null);
  }

  private static BatchWriteResult run(Items items, List<WriteRequest> writes, String returnConsumedCapacity)
      throws Exception {
    BatchWriteItemHandler h = new BatchWriteItemHandler(new TableCatalog(items.tables), items);
    return h.handle(CALLER, new BatchWriteItem(Map.of("t", writes), returnConsumedCapacity, null))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void handle_unavailableStorage_returnsTheTablesWritesUnprocessed_andWritesNothing() throws Exception {
    Items items = new Items(new OneTable());
    WriteRequest busy = put("busy");
    BatchWriteResult r = run(items, List.of(put("a"), busy, delete("b")));
    assertEquals(Map.of("t", List.of(put("a"), busy, delete("b"))), r.unprocessedItems());
    assertEquals(List.of(), items.written);
  }

  @Test
  void handle_definitionChangedUnderTheBatch_plansAgainAndWritesWithTheNewVersion() throws Exception {
    Items items = new Items(new OneTable());
    items.staleOnce = true;
    BatchWriteResult r = run(items, List.of(put("a"), delete("b")));
    assertEquals(Map.of(), r.unprocessedItems());
    assertTrue(items.written.containsAll(List.of("put a v2", "delete b v2")), items.written.toString());
    assertTrue(items.written.stream().noneMatch(w -> w.endsWith("v1")), items.written.toString());
  }
}
