package dev.cairn.core.api;

import dev.cairn.core.api.ItemRequests.ConsumedCapacity;
import dev.cairn.core.api.ItemRequests.ItemCollectionMetrics;
import dev.cairn.core.expr.Condition;
import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * The transactional actions' requests and responses. Each Put, Update and Delete of a TransactWriteItems is held
 * as the single-item request record of the same action (validated and parsed by the same validator), each Get of
 * a TransactGetItems as a {@link ItemRequests.GetItem}. Source: DynamoDB API Reference, "TransactWriteItems",
 * "TransactGetItems", "TransactWriteItem", "ConditionCheck".
 */
public final class TransactRequests {
  private TransactRequests() {
  }

  /**
   * A ConditionCheck: a condition on an item the transaction does not otherwise touch. {@code condition} is the
   * parsed ConditionExpression (required).
   */
  public record ConditionCheck(String tableName, Map<String, AttributeValue> key, String conditionExpression,
      ItemRequests.Expressions expressions, String returnValuesOnConditionCheckFailure, Condition condition) {
  }

  /** One entry of TransactItems: exactly one member is non-null. */
  public record WriteAction(ConditionCheck conditionCheck, ItemRequests.PutItem put, ItemRequests.UpdateItem update,
      ItemRequests.DeleteItem delete) {

    /** The table the action names. */
    public String tableName() {
      return conditionCheck != null ? conditionCheck.tableName() : put != null ? put.tableName()
          : update != null ? update.tableName() : delete.tableName();
    }

    /** ReturnValuesOnConditionCheckFailure of the action (null when absent). */
    public String returnValuesOnConditionCheckFailure() {
      return conditionCheck != null ? conditionCheck.returnValuesOnConditionCheckFailure()
          : put != null ? put.returnValuesOnConditionCheckFailure()
          : update != null ? update.returnValuesOnConditionCheckFailure()
          : delete.returnValuesOnConditionCheckFailure();
    }
  }

  /**
   * TransactWriteItems.
   *
   * @param requestHash a digest of every member but ClientRequestToken, ReturnConsumedCapacity and
   *                    ReturnItemCollectionMetrics (hex SHA-256): a retry with the same token must match it
   */
  public record TransactWriteItems(List<WriteAction> actions, String returnConsumedCapacity,
      String returnItemCollectionMetrics, String clientRequestToken, String requestHash) {
  }

  /**
   * TransactWriteItems' response: {@code consumedCapacity} one entry per table (null when not asked for),
   * {@code itemCollectionMetrics} by table name (null when not asked for or empty).
   */
  public record TransactWriteResult(List<ConsumedCapacity> consumedCapacity,
      Map<String, List<ItemCollectionMetrics>> itemCollectionMetrics) {
  }

  /** TransactGetItems: the Gets in request order. */
  public record TransactGetItems(List<ItemRequests.GetItem> gets, String returnConsumedCapacity) {
  }

  /**
   * TransactGetItems' response: {@code items} in request order, an entry {@code null} when the item does not
   * exist (an empty {@code ItemResponse} on the wire); {@code consumedCapacity} one entry per table or null.
   */
  public record TransactGetResult(List<Map<String, AttributeValue>> items, List<ConsumedCapacity> consumedCapacity) {
  }
}
