package dev.cairn.storage;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * The table catalog: which tables an account has, their key schema and definition, and their relations.
 * Lookups always filter by account id. Every change notifies every process ({@link CatalogChange.Kind#TABLE},
 * key {@code <accountId>/<tableName>}) in the same transaction.
 */
public interface TableStore {
  /**
   * The account's live table with that name; when there is none, the most recently deleted one (so a caller
   * can still report DELETING); {@code null} when neither exists.
   */
  Future<TableRecord> findTable(String accountId, String tableName);

  /**
   * Registers a table and creates its item relation in one transaction.
   *
   * @param activeAt when the table leaves CREATING
   * @return the new record; fails with {@link StorageException.Kind#ALREADY_EXISTS} when the account already
   *     has a live table of that name
   */
  Future<TableRecord> createTable(String accountId, String tableName, TableDefinition definition, Instant activeAt);

  /**
   * Replaces a live table's definition and increases its version, waiting for in-flight item writes planned
   * with the old one. Relations of indexes that appear are created (and queued for back-fill when they are
   * marked back-filling); those of indexes that disappear are dropped.
   *
   * @param updatingUntil when the UPDATING status ends ({@code null}: not updating)
   * @return the updated record; fails with {@link StorageException.Kind#NOT_FOUND} when the table is gone
   */
  Future<TableRecord> updateDefinition(TableRecord table, TableDefinition definition, Instant updatingUntil);

  /**
   * Marks a live table deleted and drops its item relation in one transaction.
   *
   * @return the record as deleted; fails with {@link StorageException.Kind#NOT_FOUND} when already gone
   */
  Future<TableRecord> deleteTable(TableRecord table);

  /** Back-fills still to do, on any table of any account (for the back-fill worker). */
  Future<java.util.List<BackfillTask>> backfillTasks();

  /**
   * One back-fill batch for a new secondary index, in one transaction: reads up to {@code batchSize} base items
   * after the saved position, asks {@code entries} for their index entries (called synchronously, inside the
   * transaction, with no await), inserts each entry only if its base item is still at the version read and no
   * writer has already set the index row, and saves the new position.
   *
   * @return the number of base items processed; 0 when the table is done; -1 when another process holds it
   */
  Future<Integer> backfillBatch(TableRecord table, long indexId, int batchSize,
      java.util.function.Function<java.util.List<ReadRow>, java.util.List<IndexEntry>> entries);

  /** How many live tables the account has. */
  /** Live tables with TTL enabled. */
  Future<java.util.List<TableRecord>> timeToLiveTables();

  /**
   * Computes the TTL expiry of the next {@code batchSize} existing items of a table whose TTL attribute was set or
   * changed (items written since carry it already), in one transaction that also saves the position, so a
   * restart resumes. Several processes may call it: a batch claims the position row with
   * {@code SKIP LOCKED}.
   *
   * @return the number of items looked at; 0 when the table is done (its position row is removed); -1 when
   *     nothing is pending or another process holds the position
   */
  Future<Integer> timeToLiveBackfillBatch(TableRecord table, int batchSize);

  Future<Integer> countTables(String accountId);
}
