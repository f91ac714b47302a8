package dev.cairn.storage;

import dev.cairn.core.api.KeySchemaElement;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * DynamoDB Streams storage: streams, shards and records (written by the item writes of {@link ItemStore}; see
 * docs/streams.md). Every lookup filters by account id. Record positions are sequence numbers: 40-digit decimal
 * strings whose order is the read order. Failures are {@link StorageException}s.
 */
public interface StreamStore {

  /**
   * A stream.
   *
   * @param disabledAt when it was disabled (or its table deleted), or {@code null} while enabled
   */
  record StreamRow(long streamId, String accountId, String tableName, String label, String viewType,
      List<KeySchemaElement> keySchema, Instant createdAt, Instant disabledAt) {
  }

  /**
   * A shard.
   *
   * @param shardId        internal id
   * @param shardName      the ShardId clients see
   * @param parentName     the parent's ShardId, or {@code null}
   * @param closed         whether writes no longer go to it
   * @param complete       closed and every transaction that wrote to it has finished: what is readable now is all
   *                       it will ever hold
   * @param lastSequence   its last record's sequence number, or {@code null} when empty
   * @param trimmedTxid    with {@code trimmedSerial}: the position of the last trimmed record (TRIM_HORIZON starts
   *                       after it), {@code "0"} and 0 when nothing was trimmed
   */
  record ShardRow(long shardId, String shardName, String parentName, String startSequence, boolean closed,
      boolean complete, String lastSequence, String trimmedTxid, long trimmedSerial) {
  }

  /**
   * One record as stored.
   *
   * @param createdEpochSeconds when the change committed (approximately), epoch seconds
   * @param dynamodbJson the {@code dynamodb} member without SequenceNumber and ApproximateCreationDateTime
   */
  record RecordRow(String sequenceNumber, long createdEpochSeconds, String eventName, String dynamodbJson,
      String userIdentityJson, int sizeBytes) {
  }

  /**
   * Records of one shard after a position, read in one snapshot with the shard's state.
   *
   * @param complete the shard is closed and complete (see {@link ShardRow#complete})
   * @param trimmed  the position lies before the trim horizon (records after it were deleted)
   * @param exists   the shard exists for this account
   */
  record RecordPage(List<RecordRow> records, boolean complete, boolean trimmed, boolean exists) {
  }

  /** The account's readable streams (enabled, or disabled less than 24 hours ago), oldest first. */
  Future<List<StreamRow>> listStreams(String accountId);

  /** A readable stream of the account by table name and label, or {@code null}. */
  Future<StreamRow> findStream(String accountId, String tableName, String label);

  /** The stream's shards in creation order (parents before children). */
  Future<List<ShardRow>> shards(String accountId, long streamId);

  /**
   * Up to {@code limit} records of the shard ordered after position ({@code afterTxid}, {@code afterSerial}) (the
   * two halves of a sequence number: transaction id as decimal text, serial), in order, only below the visibility
   * watermark (docs/streams.md), so no record can later appear before them.
   */
  Future<RecordPage> readRecords(String accountId, long shardId, String afterTxid, long afterSerial, int limit);

  /**
   * The transaction-id half of LATEST's position (serial 0): every record ordered after it is a change that had
   * not finished when this was called, every record before it is readable now.
   */
  Future<String> latestPosition();

  /** The secret that signs shard iterators (the same for every process sharing the database). */
  Future<byte[]> iteratorSecret();

  /**
   * Closes every open shard older than {@code periodMillis} and opens its child (ParentShardId), each stream in
   * one transaction that waits for in-flight writes (the table-definition lock).
   *
   * @return how many shards rolled over
   */
  Future<Integer> rollOver(long periodMillis);

  /**
   * Deletes one batch of records older than 24 hours, recording each shard's trim horizon (the last trimmed
   * position, after which TRIM_HORIZON starts); the number deleted (0 when nothing is left to trim).
   */
  Future<Integer> trim();
}
