package dev.cairn.core.api;

import dev.cairn.core.expr.Condition;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.expr.ProjectionExpression;
import dev.cairn.core.expr.UpdateExpression;
import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * The single-item actions' requests. Each record holds the members as sent (strings for enums, so the
 * validator can quote bad values as the service does) and, once validated, the parsed expressions: the
 * decoder builds the record, the validator returns a copy with the parsed members set, and the engine reads
 * only the parsed members. Source: DynamoDB API Reference, "PutItem", "GetItem", "DeleteItem", "UpdateItem".
 */
public final class ItemRequests {
  private ItemRequests() {
  }

  /** Members shared by the expression-bearing requests. */
  public record Expressions(Map<String, String> names, Map<String, AttributeValue> values) {
    public static final Expressions NONE = new Expressions(null, null);
  }

  /** PutItem. {@code condition} is the parsed ConditionExpression or Expected (null: unconditional). */
  public record PutItem(String tableName, Map<String, AttributeValue> item, String conditionExpression,
      Map<String, Legacy.ExpectedAttribute> expected, String conditionalOperator, Expressions expressions,
      String returnValues, String returnConsumedCapacity, String returnItemCollectionMetrics,
      String returnValuesOnConditionCheckFailure, Condition condition) {
    public PutItem withCondition(Condition parsed) {
      return new PutItem(tableName, item, conditionExpression, expected, conditionalOperator, expressions,
          returnValues, returnConsumedCapacity, returnItemCollectionMetrics, returnValuesOnConditionCheckFailure,
          parsed);
    }
  }

  /** GetItem. {@code projection} is the parsed ProjectionExpression or AttributesToGet (null: everything). */
  public record GetItem(String tableName, Map<String, AttributeValue> key, List<String> attributesToGet,
      String projectionExpression, Map<String, String> expressionAttributeNames, Boolean consistentRead,
      String returnConsumedCapacity, ProjectionExpression projection) {
    public GetItem withProjection(ProjectionExpression parsed) {
      return new GetItem(tableName, key, attributesToGet, projectionExpression, expressionAttributeNames,
          consistentRead, returnConsumedCapacity, parsed);
    }
  }

  /** DeleteItem. */
  public record DeleteItem(String tableName, Map<String, AttributeValue> key, String conditionExpression,
      Map<String, Legacy.ExpectedAttribute> expected, String conditionalOperator, Expressions expressions,
      String returnValues, String returnConsumedCapacity, String returnItemCollectionMetrics,
      String returnValuesOnConditionCheckFailure, Condition condition) {
    public DeleteItem withCondition(Condition parsed) {
      return new DeleteItem(tableName, key, conditionExpression, expected, conditionalOperator, expressions,
          returnValues, returnConsumedCapacity, returnItemCollectionMetrics, returnValuesOnConditionCheckFailure,
          parsed);
    }
  }

  /** UpdateItem. {@code update} is the parsed UpdateExpression or AttributeUpdates (null: no change). */
  public record UpdateItem(String tableName, Map<String, AttributeValue> key, String updateExpression,
      Map<String, Legacy.AttributeUpdate> attributeUpdates, String conditionExpression,
      Map<String, Legacy.ExpectedAttribute> expected, String conditionalOperator, Expressions expressions,
      String returnValues, String returnConsumedCapacity, String returnItemCollectionMetrics,
      String returnValuesOnConditionCheckFailure, UpdateExpression update, Condition condition) {
    public UpdateItem withParsed(UpdateExpression parsedUpdate, Condition parsedCondition) {
      return new UpdateItem(tableName, key, updateExpression, attributeUpdates, conditionExpression, expected,
          conditionalOperator, expressions, returnValues, returnConsumedCapacity, returnItemCollectionMetrics,
          returnValuesOnConditionCheckFailure, parsedUpdate, parsedCondition);
    }
  }

  /**
   * The consumed capacity of one call: {@code capacityUnits} total for the table; {@code tableUnits} and
   * {@code indexUnits} (index name to units) only with ReturnConsumedCapacity INDEXES.
   */
  public record ConsumedCapacity(String tableName, double capacityUnits, Double readCapacityUnits,
      Double writeCapacityUnits, Double tableUnits, Map<String, Double> indexUnits) {
  }

  /** The response of Put, Delete and UpdateItem: {@code attributes} per ReturnValues (null: none). */
  public record WriteResult(Map<String, AttributeValue> attributes, ConsumedCapacity consumedCapacity,
      ItemCollectionMetrics itemCollectionMetrics) {
  }

  /** GetItem's response: {@code item} null when there is none (the member is then absent on the wire). */
  public record GetResult(Map<String, AttributeValue> item, ConsumedCapacity consumedCapacity) {
  }

  /** ItemCollectionMetrics for tables with local secondary indexes. */
  public record ItemCollectionMetrics(Map<String, AttributeValue> itemCollectionKey, List<Double> sizeEstimateRangeGB) {
  }
}
