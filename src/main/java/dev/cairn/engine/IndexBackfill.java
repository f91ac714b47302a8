package dev.cairn.engine;

import dev.cairn.core.error.DynamoException;
import dev.cairn.storage.BackfillTask;
import dev.cairn.storage.IndexEntry;
import dev.cairn.storage.ReadRow;
import dev.cairn.storage.TableDefinition;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TableStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Fills a GSI added by UpdateTable from the items already in the table, online: batches of base items in key
 * order, each in one transaction that inserts an index row only where no writer has set one and the item is
 * unchanged since it was read (writers maintain the index themselves from the moment the definition changed;
 * see {@code cairn.check_table_version}). The position is saved after each batch, so a restart resumes. When
 * the table is exhausted the index becomes ACTIVE and Backfilling false. Items whose index key attribute has
 * the wrong type are left out of the index, as the service does. Source: Developer Guide, "Adding a global
 * secondary index to an existing table" (resource allocation and backfilling phases).
 */
public final class IndexBackfill {
  private final TableStore tables;
  private final TableCatalog catalog;
  private final IntSupplier batchItems;

  /**
   * A back-filler.
   *
   * @param tables     the table store (catalog rows, item and index relations)
   * @param catalog    the table cache, invalidated when an index becomes ACTIVE
   * @param batchItems base items per batch transaction, read before each batch (the runtime setting
   *                   {@code backfill_batch_items}, 1..10000)
   */
  public IndexBackfill(TableStore tables, TableCatalog catalog, IntSupplier batchItems) {
    this.tables = tables;
    this.catalog = catalog;
    this.batchItems = batchItems;
  }

  /** Works through every pending back-fill once (to completion); completes when all are done or skipped. */
  public Future<Void> runOnce() {
    return tables.backfillTasks().compose(tasks -> {
      Future<Void> chain = Future.succeededFuture();
      for (BackfillTask task : tasks) {
        chain = chain.compose(v -> run(task));
      }
      return chain;
    });
  }

  private Future<Void> run(BackfillTask task) {
    return tables.findTable(task.accountId(), task.tableName()).compose(t -> {
      if (t == null || t.tableId() != task.tableId() || t.deletedAt() != null) {
        return Future.succeededFuture();
      }
      TableDefinition.Index index = find(t.definition(), task.indexId());
      if (index == null || !index.backfilling()) {
        return Future.succeededFuture();
      }
      return batches(t, index);
    });
  }

  private Future<Void> batches(TableRecord t, TableDefinition.Index index) {
    return tables.backfillBatch(t, index.indexId(), Math.max(1, batchItems.getAsInt()), rows -> entries(t, index, rows)).compose(n -> {
      if (n > 0) {
        return batches(t, index);
      }
      if (n < 0) {
        return Future.succeededFuture(); // another process is on it
      }
      return finish(t, index.indexId());
    });
  }

  private static List<IndexEntry> entries(TableRecord t, TableDefinition.Index index, List<ReadRow> rows) {
    List<IndexEntry> out = new ArrayList<>(rows.size());
    for (ReadRow r : rows) {
      try {
        out.add(IndexEntries.entry(t.definition(), t.keySchema(), index, r.item()));
      } catch (DynamoException wrongType) {
        out.add(IndexEntry.absent(index.indexId()));
      }
    }
    return out;
  }

  /** Marks the index ACTIVE on the current definition (which may have changed meanwhile). */
  private Future<Void> finish(TableRecord stale, long indexId) {
    return tables.findTable(stale.accountId(), stale.tableName()).compose(t -> {
      if (t == null || t.tableId() != stale.tableId() || t.deletedAt() != null) {
        return Future.succeededFuture();
      }
      TableDefinition d = t.definition();
      List<TableDefinition.Index> gsis = new ArrayList<>();
      boolean changed = false;
      for (TableDefinition.Index i : d.globalSecondaryIndexes()) {
        if (i.indexId() == indexId && i.backfilling()) {
          gsis.add(new TableDefinition.Index(i.indexId(), i.indexName(), i.keySchema(), i.projection(),
              i.provisionedThroughput(), i.onDemandThroughput(), "ACTIVE", false));
          changed = true;
        } else {
          gsis.add(i);
        }
      }
      if (!changed) {
        return Future.succeededFuture();
      }
      TableDefinition next = d.withGlobalSecondaryIndexes(gsis);
      return tables.updateDefinition(t, next, t.updatingUntil()).map(u -> {
        catalog.invalidate(u.accountId(), u.tableName());
        return null;
      });
    });
  }

  private static TableDefinition.Index find(TableDefinition d, long indexId) {
    if (d.globalSecondaryIndexes() == null) {
      return null;
    }
    for (TableDefinition.Index i : d.globalSecondaryIndexes()) {
      if (i.indexId() == indexId) {
        return i;
      }
    }
    return null;
  }
}
