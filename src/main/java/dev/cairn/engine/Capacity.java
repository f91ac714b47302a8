package dev.cairn.engine;

import dev.cairn.core.api.ItemRequests.ConsumedCapacity;
import dev.cairn.core.model.ItemSize;
import java.util.Map;

/**
 * Consumed capacity as the service reports it: write units from the larger of the old and new item (1 KB
 * units), read units from the item read (4 KB units, half for eventually consistent reads); at least one unit.
 * With ReturnConsumedCapacity INDEXES the table's share is repeated under {@code Table}. Source: Developer
 * Guide, "DynamoDB read and write capacity units".
 */
final class Capacity {
  private Capacity() {
  }

  static ConsumedCapacity write(String mode, String tableName, long oldSize, long newSize) {
    if (mode == null || mode.equals("NONE")) {
      return null;
    }
    double units = ItemSize.writeUnits(Math.max(oldSize, newSize), false);
    return of(mode, tableName, units);
  }

  static ConsumedCapacity read(String mode, String tableName, long size, boolean consistent) {
    if (mode == null || mode.equals("NONE")) {
      return null;
    }
    double units = ItemSize.readUnits(size,
        consistent ? ItemSize.ReadConsistency.STRONG : ItemSize.ReadConsistency.EVENTUAL);
    return of(mode, tableName, units);
  }

  /**
   * Read units of a Query or Scan: the sizes of all items read, summed and then rounded up to 4 KB units (at
   * least one), halved for an eventually consistent read. On a global secondary index, ReturnConsumedCapacity
   * INDEXES reports the units under {@code GlobalSecondaryIndexes} and 0 for the table (Developer Guide,
   * "DynamoDB read and write operations"; API Reference, "ConsumedCapacity").
   *
   * @param globalIndex the GSI read, or {@code null} for the table or a local index
   */
  static ConsumedCapacity readPage(String mode, String tableName, String globalIndex, long bytes,
      boolean consistent) {
    if (globalIndex == null || mode == null || !mode.equals("INDEXES")) {
      return read(mode, tableName, bytes, consistent);
    }
    double units = ItemSize.readUnits(bytes,
        consistent ? ItemSize.ReadConsistency.STRONG : ItemSize.ReadConsistency.EVENTUAL);
    return new ConsumedCapacity(tableName, units, null, null, 0.0, Map.of(globalIndex, units));
  }

  /** Read units of one item of a batch read: 4 KB units, at least one (a missing item too), half when eventual. */
  static double readUnits(long size, boolean consistent) {
    return ItemSize.readUnits(size, consistent ? ItemSize.ReadConsistency.STRONG : ItemSize.ReadConsistency.EVENTUAL);
  }

  /** Write units of one write of a batch: the larger of the old and new item in 1 KB units, at least one. */
  static double writeUnits(long oldSize, long newSize) {
    return ItemSize.writeUnits(Math.max(oldSize, newSize), false);
  }

  /**
   * One table's entry of a batch's ConsumedCapacity list: the units of its items summed (each item rounded on its
   * own, as for single-item calls); {@code null} when the caller did not ask for capacity.
   */
  static ConsumedCapacity total(String mode, String tableName, double units) {
    if (!wanted(mode)) {
      return null;
    }
    return of(mode, tableName, units);
  }

  /** Whether ReturnConsumedCapacity asks for a report (TOTAL or INDEXES). */
  static boolean wanted(String mode) {
    return mode != null && !mode.equals("NONE");
  }

  private static ConsumedCapacity of(String mode, String tableName, double units) {
    boolean indexes = mode.equals("INDEXES");
    return new ConsumedCapacity(tableName, units, null, null, indexes ? units : null, indexes ? Map.of() : null);
  }
}
