package dev.cairn.storage;

import dev.cairn.core.model.AttributeValue;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Items of one table, addressed by order-preserving key bytes ({@code core.model.KeyCodec}: {@code pk} is the
 * encoded partition key, {@code sk} the encoded sort key or an empty array for a table without one).
 *
 * <p>Unconditional writes are single statements. Conditional writes and read-modify-write (UpdateItem,
 * conditions, old images) use {@link #read} followed by a compare-and-set ({@link #putIfCurrent},
 * {@link #deleteIfCurrent}): the write happens only if the row is still the version that was read (or still
 * absent), so two concurrent conditional writes can never both succeed; the loser gets {@code false} and
 * retries from the read. Failures are {@link StorageException}s; a table whose relation is gone fails with
 * {@link StorageException.Kind#NOT_FOUND}.
 *
 * <p><b>Streams.</b> When the table's stream is enabled ({@link TableRecord#streamEnabled()}), every write
 * method inserts the change's stream record in the same statement as the item change (so in the same
 * transaction): INSERT, MODIFY or REMOVE with the images the view type asks for; a write that leaves the item
 * as it was (a delete of an absent item, a put of an identical item) adds none. The record needs the exact old
 * item, so with a stream the unconditional methods read and compare-and-set internally (retrying lost races); the
 * compare-and-set methods take the old item the caller read.
 */
public interface ItemStore {

  /** The item, or {@code null} when there is none. */
  Future<StoredItem> read(TableRef table, byte[] pk, byte[] sk);

  /**
   * Several items of one table by key, in one statement: element {@code i} of the result is the item whose key is
   * ({@code pks[i]}, {@code sks[i]}), or {@code null} when there is none. The two lists have the same length.
   */
  Future<List<StoredItem>> readMany(TableRef table, List<byte[]> pks, List<byte[]> sks);

  /**
   * Writes the item whatever was there, with its index entries (one statement). Every write names the
   * definition version of {@code table}: when the definition has changed since, the write fails with
   * {@link StorageException.Kind#STALE_DEFINITION} and nothing is written.
   *
   * @param entries one entry per secondary index of the table (present or absent)
   */
  Future<Void> put(TableRecord table, byte[] pk, byte[] sk, Map<String, AttributeValue> item, int sizeBytes,
      List<IndexEntry> entries);

  /** Deletes the item if any, with its index entries (one statement); {@code true} when an item was deleted. */
  Future<Boolean> delete(TableRecord table, byte[] pk, byte[] sk);

  /** Deletes the item and returns what it was, or {@code null} when there was none (one statement). */
  Future<StoredItem> deleteReturning(TableRecord table, byte[] pk, byte[] sk);

  /**
   * Writes the item if the row is still {@code old} (still absent when {@code null}), with its stream record when
   * the table has a stream.
   *
   * @return {@code true} when written; {@code false} when another write came first
   */
  Future<Boolean> putIfCurrent(TableRecord table, byte[] pk, byte[] sk, StoredItem old,
      Map<String, AttributeValue> item, int sizeBytes, List<IndexEntry> entries);

  /**
   * Deletes the row if it is still {@code old}, with its REMOVE stream record when the table has a stream.
   *
   * @param identity the record's userIdentity (e.g. {@link StreamIdentity#TIME_TO_LIVE}), or {@code null}
   * @return {@code true} when deleted; {@code false} when another write came first
   */
  Future<Boolean> deleteIfCurrent(TableRecord table, byte[] pk, byte[] sk, StoredItem old, StreamIdentity identity);

  /**
   * One Query page: the rows of one partition ({@code partition} is the encoded partition key of the table, or
   * of the index when {@code indexId} is given) whose sort key lies in {@code range}, in sort-key order
   * (descending when {@code forward} is false; for an index, ties broken by base key), strictly after
   * {@code start} in that order when given, at most {@code limit} rows. One statement; the btree serves it.
   *
   * @param indexId the secondary index's internal id, or {@code null} for the table itself
   */
  Future<java.util.List<ReadRow>> query(TableRef table, Long indexId, byte[] partition, SortRange range,
      boolean forward, ReadRow start, int limit);

  /**
   * One Scan page of one segment: rows in key order (for an index: index key, then base key) strictly after
   * {@code start} when given, at most {@code limit}. Segment {@code s} of {@code n} holds the items whose
   * partition key hashes to {@code s} modulo {@code n}: the segments are disjoint and together the whole table.
   */
  Future<java.util.List<ReadRow>> scan(TableRef table, Long indexId, int segment, int totalSegments, ReadRow start,
      int limit);

  /**
   * Unconditional puts and deletes of one table sent together: the puts as one statement batch and the deletes as
   * another (one round trip and one commit each, all or none within each), with their index entries, under the
   * definition-version guard. For a table with a stream it falls back to {@link #put} and {@link #delete} one
   * by one (each record needs the old image). Used by BatchWriteItem.
   */
  Future<Void> writeAll(TableRecord table, java.util.List<ItemWrite> writes);

  /**
   * Deletes each row that is still at the version given with it, all in one statement batch (one round trip, one
   * commit: all or none), each with its REMOVE stream record carrying {@code identity} when the table has a stream.
   * Rows changed since are left alone. Used by the TTL sweeper.
   *
   * @return how many rows were deleted
   */
  Future<Integer> deleteIfVersions(TableRecord table, java.util.List<VersionedItem> rows, StreamIdentity identity);

  /**
   * Items whose TTL expiry ({@code core.model.TimeToLive#expiry}, kept by every write while TTL is enabled) is
   * below {@code nowEpochSeconds} and not below {@code oldestEpochSeconds}, earliest expiry first, at most
   * {@code limit}. One statement on a partial index: no table scan.
   */
  Future<java.util.List<VersionedItem>> expired(TableRef table, long nowEpochSeconds, long oldestEpochSeconds,
      int limit);

  /** Approximate item count and size in bytes of a table (from PostgreSQL statistics), as {@code long[2]}. */
  Future<long[]> approximateStats(TableRef table);
}
