package dev.cairn.core.validate;

import dev.cairn.core.api.StreamRequests;
import java.util.List;

/**
 * Model constraints of the DynamoDB Streams actions, reported like the service's other model errors
 * ("N validation error(s) detected: Value ... at 'member' failed to satisfy constraint: ..."). Lengths and ranges
 * from the DynamoDB Streams API Reference (StreamArn 37..1024, ShardId 28..65, SequenceNumber 21..40,
 * ShardIterator 1..2048, TableName 3..255, Limit at least 1). The model gives Limit no maximum ("The upper limit
 * is 100/1000" describes the answer), so larger Limits are accepted and capped by the handlers.
 */
public final class StreamRequestValidator {
  /** The service's order of ShardIteratorType values (as the model lists them). */
  public static final List<String> ITERATOR_TYPES =
      List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");

  private StreamRequestValidator() {
  }

  private static void length(ValidationErrors e, String value, String member, int min, int max) {
    if (value == null) {
      return;
    }
    if (value.length() < min) {
      e.add(value, member, "Member must have length greater than or equal to " + min);
    } else if (value.length() > max) {
      e.add(value, member, "Member must have length less than or equal to " + max);
    }
  }

  /** @throws dev.cairn.core.error.DynamoException ValidationException */
  public static void validate(StreamRequests.ListStreams r) {
    ValidationErrors e = new ValidationErrors();
    e.tableName(r.tableName(), "tableName");
    e.range(r.limit(), "limit", 1, Integer.MAX_VALUE);
    length(e, r.exclusiveStartStreamArn(), "exclusiveStartStreamArn", 37, 1024);
    e.throwIfAny();
  }

  /** @throws dev.cairn.core.error.DynamoException ValidationException */
  public static void validate(StreamRequests.DescribeStream r) {
    ValidationErrors e = new ValidationErrors();
    e.required(r.streamArn(), "streamArn");
    length(e, r.streamArn(), "streamArn", 37, 1024);
    e.range(r.limit(), "limit", 1, Integer.MAX_VALUE);
    length(e, r.exclusiveStartShardId(), "exclusiveStartShardId", 28, 65);
    length(e, r.shardFilterShardId(), "shardFilter.shardId", 28, 65);
    e.enumValue(r.shardFilterType(), "shardFilter.type", java.util.List.of("CHILD_SHARDS"));
    e.throwIfAny();
  }

  /** @throws dev.cairn.core.error.DynamoException ValidationException */
  public static void validate(StreamRequests.GetShardIterator r) {
    ValidationErrors e = new ValidationErrors();
    e.required(r.streamArn(), "streamArn");
    length(e, r.streamArn(), "streamArn", 37, 1024);
    e.required(r.shardId(), "shardId");
    length(e, r.shardId(), "shardId", 28, 65);
    e.required(r.shardIteratorType(), "shardIteratorType");
    e.enumValue(r.shardIteratorType(), "shardIteratorType", ITERATOR_TYPES);
    length(e, r.sequenceNumber(), "sequenceNumber", 21, 40);
    e.throwIfAny();
  }

  /** @throws dev.cairn.core.error.DynamoException ValidationException */
  public static void validate(StreamRequests.GetRecords r) {
    ValidationErrors e = new ValidationErrors();
    e.required(r.shardIterator(), "shardIterator");
    length(e, r.shardIterator(), "shardIterator", 1, 2048);
    e.range(r.limit(), "limit", 1, Integer.MAX_VALUE);
    e.throwIfAny();
  }
}
