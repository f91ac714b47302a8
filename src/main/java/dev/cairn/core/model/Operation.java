package dev.cairn.core.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The one list of actions Cairn knows, with the API that defines each and the family of verticle that serves it.
 *
 * <p>The wire name of an action is the part of {@code X-Amz-Target} after the dot, e.g.
 * {@code DynamoDB_20120810.PutItem}. An action listed here but not implemented yet answers
 * {@code UnknownOperationException}. Source: DynamoDB API Reference, "Actions" (Amazon DynamoDB and
 * Amazon DynamoDB Streams).
 */
public enum Operation {
  // Control plane
  CREATE_TABLE("CreateTable", Api.DYNAMODB, Family.TABLE_ADMIN),
  DESCRIBE_TABLE("DescribeTable", Api.DYNAMODB, Family.TABLE_ADMIN),
  UPDATE_TABLE("UpdateTable", Api.DYNAMODB, Family.TABLE_ADMIN),
  DELETE_TABLE("DeleteTable", Api.DYNAMODB, Family.TABLE_ADMIN),
  LIST_TABLES("ListTables", Api.DYNAMODB, Family.TABLE_ADMIN),
  DESCRIBE_TIME_TO_LIVE("DescribeTimeToLive", Api.DYNAMODB, Family.TABLE_ADMIN),
  UPDATE_TIME_TO_LIVE("UpdateTimeToLive", Api.DYNAMODB, Family.TABLE_ADMIN),
  TAG_RESOURCE("TagResource", Api.DYNAMODB, Family.TABLE_ADMIN),
  UNTAG_RESOURCE("UntagResource", Api.DYNAMODB, Family.TABLE_ADMIN),
  LIST_TAGS_OF_RESOURCE("ListTagsOfResource", Api.DYNAMODB, Family.TABLE_ADMIN),
  DESCRIBE_LIMITS("DescribeLimits", Api.DYNAMODB, Family.TABLE_ADMIN),
  DESCRIBE_ENDPOINTS("DescribeEndpoints", Api.DYNAMODB, Family.TABLE_ADMIN),
  DESCRIBE_CONTINUOUS_BACKUPS("DescribeContinuousBackups", Api.DYNAMODB, Family.TABLE_ADMIN),
  // Single-item writes
  PUT_ITEM("PutItem", Api.DYNAMODB, Family.ITEM_WRITE),
  UPDATE_ITEM("UpdateItem", Api.DYNAMODB, Family.ITEM_WRITE),
  DELETE_ITEM("DeleteItem", Api.DYNAMODB, Family.ITEM_WRITE),
  // Single-item reads
  GET_ITEM("GetItem", Api.DYNAMODB, Family.ITEM_READ),
  // Reads over many items
  QUERY("Query", Api.DYNAMODB, Family.QUERY_SCAN),
  SCAN("Scan", Api.DYNAMODB, Family.QUERY_SCAN),
  // Batches and transactions
  BATCH_GET_ITEM("BatchGetItem", Api.DYNAMODB, Family.BATCH),
  BATCH_WRITE_ITEM("BatchWriteItem", Api.DYNAMODB, Family.BATCH),
  TRANSACT_GET_ITEMS("TransactGetItems", Api.DYNAMODB, Family.BATCH),
  TRANSACT_WRITE_ITEMS("TransactWriteItems", Api.DYNAMODB, Family.BATCH),
  EXECUTE_STATEMENT("ExecuteStatement", Api.DYNAMODB, Family.BATCH),
  BATCH_EXECUTE_STATEMENT("BatchExecuteStatement", Api.DYNAMODB, Family.BATCH),
  EXECUTE_TRANSACTION("ExecuteTransaction", Api.DYNAMODB, Family.BATCH),
  // DynamoDB Streams
  LIST_STREAMS("ListStreams", Api.STREAMS, Family.STREAMS),
  DESCRIBE_STREAM("DescribeStream", Api.STREAMS, Family.STREAMS),
  GET_SHARD_ITERATOR("GetShardIterator", Api.STREAMS, Family.STREAMS),
  GET_RECORDS("GetRecords", Api.STREAMS, Family.STREAMS);

  /** The two wire protocols, each with its {@code X-Amz-Target} prefix. */
  public enum Api {
    DYNAMODB("DynamoDB_20120810"),
    STREAMS("DynamoDBStreams_20120810");

    private final String targetPrefix;

    Api(String targetPrefix) {
      this.targetPrefix = targetPrefix;
    }

    /** The {@code X-Amz-Target} prefix before the dot. */
    public String targetPrefix() {
      return targetPrefix;
    }
  }

  /** Which operation-family verticle serves an action (design.md §1). */
  public enum Family {
    TABLE_ADMIN, ITEM_WRITE, ITEM_READ, QUERY_SCAN, BATCH, STREAMS
  }

  private static final Map<String, Operation> BY_TARGET = new HashMap<>();

  static {
    for (Operation op : values()) {
      BY_TARGET.put(op.api.targetPrefix + "." + op.wireName, op);
    }
  }

  private final String wireName;
  private final Api api;
  private final Family family;

  Operation(String wireName, Api api, Family family) {
    this.wireName = wireName;
    this.api = api;
    this.family = family;
  }

  /** The action name as it appears on the wire and in IAM ({@code dynamodb:PutItem}). */
  public String wireName() {
    return wireName;
  }

  public Api api() {
    return api;
  }

  public Family family() {
    return family;
  }

  /**
   * The action named by a whole {@code X-Amz-Target} header value.
   *
   * @return the operation, or {@code null} when the target names no known action
   */
  public static Operation fromTarget(String target) {
    return target == null ? null : BY_TARGET.get(target);
  }
}
