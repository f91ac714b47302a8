package dev.cairn.core.api;

import java.time.Instant;
import java.util.List;

/**
 * Requests and responses of the DynamoDB Streams API ({@code X-Amz-Target: DynamoDBStreams_20120810.<Action>}).
 * Absent optional members are {@code null}. Source: DynamoDB Streams API Reference, "Actions" and "Data Types".
 */
public final class StreamRequests {
  private StreamRequests() {
  }

  /** ListStreams: the account's streams, optionally of one table; Limit at least 1 (default and cap 100). */
  public record ListStreams(String tableName, Integer limit, String exclusiveStartStreamArn) {
  }

  /** One entry of ListStreams. */
  public record StreamSummary(String streamArn, String tableName, String streamLabel) {
  }

  /** ListStreams answer; {@code lastEvaluatedStreamArn} when more streams follow. */
  public record ListStreamsResult(List<StreamSummary> streams, String lastEvaluatedStreamArn) {
  }

  /**
   * DescribeStream: Limit is the number of shards (at least 1; default and cap 100). {@code shardFilterType}
   * ({@code CHILD_SHARDS}, the only type) and {@code shardFilterShardId} come from the optional {@code ShardFilter}:
   * only the children of that shard are described. Source: DynamoDB Streams API Reference, "DescribeStream",
   * "ShardFilter".
   */
  public record DescribeStream(String streamArn, Integer limit, String exclusiveStartShardId, String shardFilterType,
      String shardFilterShardId) {
    /** Without a shard filter. */
    public DescribeStream(String streamArn, Integer limit, String exclusiveStartShardId) {
      this(streamArn, limit, exclusiveStartShardId, null, null);
    }
  }

  /**
   * A shard: sequence numbers are decimal strings; {@code endingSequenceNumber} only once the shard is closed.
   */
  public record Shard(String shardId, String parentShardId, String startingSequenceNumber,
      String endingSequenceNumber) {
  }

  /**
   * A stream's description.
   *
   * @param streamStatus ENABLING, ENABLED, DISABLING or DISABLED
   * @param creationRequestDateTime when the stream was enabled (written as epoch seconds)
   * @param lastEvaluatedShardId when more shards follow
   */
  public record StreamDescription(String streamArn, String streamLabel, String streamStatus, String streamViewType,
      Instant creationRequestDateTime, String tableName, List<KeySchemaElement> keySchema, List<Shard> shards,
      String lastEvaluatedShardId) {
  }

  /** DescribeStream answer. */
  public record DescribeStreamResult(StreamDescription streamDescription) {
  }

  /**
   * GetShardIterator.
   *
   * @param shardIteratorType TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER
   * @param sequenceNumber required with the two *_SEQUENCE_NUMBER types
   */
  public record GetShardIterator(String streamArn, String shardId, String shardIteratorType, String sequenceNumber) {
  }

  /** GetShardIterator answer: an opaque iterator valid for 15 minutes. */
  public record GetShardIteratorResult(String shardIterator) {
  }

  /** GetRecords: Limit at least 1 record (default and cap 1000). */
  public record GetRecords(String shardIterator, Integer limit) {
  }

  /**
   * One stream record.
   *
   * @param dynamodbJson the {@code dynamodb} member as JSON text (DynamoDB JSON images), written as is
   * @param userIdentityJson the {@code userIdentity} member as JSON text, or {@code null}
   */
  public record StreamRecord(String eventId, String eventName, String awsRegion, String dynamodbJson,
      String userIdentityJson) {
  }

  /** GetRecords answer; no {@code nextShardIterator} once a closed shard is fully read. */
  public record GetRecordsResult(List<StreamRecord> records, String nextShardIterator) {
  }
}
