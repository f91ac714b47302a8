package dev.cairn.core.api;

import dev.cairn.core.api.ItemRequests.ConsumedCapacity;
import dev.cairn.core.api.ItemRequests.ItemCollectionMetrics;
import dev.cairn.core.expr.ProjectionExpression;
import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * BatchGetItem and BatchWriteItem: requests as sent (strings for enums, maps in request order) and their
 * responses. The validator returns a BatchGetItem copy whose tables carry their parsed projections. Source:
 * DynamoDB API Reference, "BatchGetItem", "BatchWriteItem", "KeysAndAttributes", "WriteRequest".
 */
public final class BatchRequests {
  private BatchRequests() {
  }

  /**
   * The keys to read from one table and how. {@code projection} is the parsed ProjectionExpression or
   * AttributesToGet (null: whole items), set by the validator.
   */
  public record KeysAndAttributes(List<Map<String, AttributeValue>> keys, List<String> attributesToGet,
      String projectionExpression, Map<String, String> expressionAttributeNames, Boolean consistentRead,
      ProjectionExpression projection) {
    public KeysAndAttributes withProjection(ProjectionExpression parsed) {
      return new KeysAndAttributes(keys, attributesToGet, projectionExpression, expressionAttributeNames,
          consistentRead, parsed);
    }

    /** The same table parameters with other keys (UnprocessedKeys keeps the table's projection parameters). */
    public KeysAndAttributes withKeys(List<Map<String, AttributeValue>> other) {
      return new KeysAndAttributes(other, attributesToGet, projectionExpression, expressionAttributeNames,
          consistentRead, projection);
    }
  }

  /** BatchGetItem: {@code requestItems} maps table name to its keys, in request order. */
  public record BatchGetItem(Map<String, KeysAndAttributes> requestItems, String returnConsumedCapacity) {
    public BatchGetItem withRequestItems(Map<String, KeysAndAttributes> parsed) {
      return new BatchGetItem(parsed, returnConsumedCapacity);
    }
  }

  /**
   * BatchGetItem's response: {@code responses} holds every requested table (an empty list when none of its keys
   * has an item); {@code unprocessedKeys} is empty when everything was read; {@code consumedCapacity} is one
   * entry per table, or null when not asked for.
   */
  public record BatchGetResult(Map<String, List<Map<String, AttributeValue>>> responses,
      Map<String, KeysAndAttributes> unprocessedKeys, List<ConsumedCapacity> consumedCapacity) {
  }

  /** PutRequest: {@code item} null when the member was sent without its Item. */
  public record PutRequest(Map<String, AttributeValue> item) {
  }

  /** DeleteRequest: {@code key} null when the member was sent without its Key. */
  public record DeleteRequest(Map<String, AttributeValue> key) {
  }

  /** One write of a batch: exactly one of the two is set once validated. */
  public record WriteRequest(PutRequest put, DeleteRequest delete) {
  }

  /** BatchWriteItem: {@code requestItems} maps table name to its writes, in request order. */
  public record BatchWriteItem(Map<String, List<WriteRequest>> requestItems, String returnConsumedCapacity,
      String returnItemCollectionMetrics) {
  }

  /**
   * BatchWriteItem's response: {@code unprocessedItems} is empty when every write was done;
   * {@code consumedCapacity} is one entry per table, or null when not asked for; {@code itemCollectionMetrics}
   * null when there is nothing to report.
   */
  public record BatchWriteResult(Map<String, List<WriteRequest>> unprocessedItems,
      List<ConsumedCapacity> consumedCapacity, Map<String, List<ItemCollectionMetrics>> itemCollectionMetrics) {
  }
}
