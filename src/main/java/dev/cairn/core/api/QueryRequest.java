package dev.cairn.core.api;

import dev.cairn.core.expr.Condition;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.expr.ProjectionExpression;
import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * A Query request: the members as sent (strings for enums, so the validator can quote bad values as the service
 * does) and, once validated by {@code core.validate.QueryValidator}, the parsed members. The decoder builds the
 * record, the validator returns a copy with the parsed members set, and the engine reads the parsed members.
 * Source: DynamoDB API Reference, "Query", Request Parameters.
 *
 * @param keyConditions     legacy KeyConditions, or {@code null}
 * @param queryFilter       legacy QueryFilter, or {@code null}
 * @param select            ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES, SPECIFIC_ATTRIBUTES or COUNT as sent, or
 *                          {@code null}
 * @param limit             the most items to evaluate, or {@code null} for no limit (1 MB still applies)
 * @param exclusiveStartKey the previous page's LastEvaluatedKey, or {@code null}
 * @param keyCondition      parsed: the bound KeyConditionExpression (shape checked, schema not yet applied), or
 *                          {@code null} when the request uses KeyConditions
 * @param filter            parsed: FilterExpression or QueryFilter, or {@code null} for none
 * @param projection        parsed: ProjectionExpression or AttributesToGet, or {@code null} for none
 * @param effectiveSelect   parsed: the Select in force (the default worked out when absent)
 */
public record QueryRequest(String tableName, String indexName, String keyConditionExpression,
    Map<String, Legacy.LegacyCondition> keyConditions, String filterExpression,
    Map<String, Legacy.LegacyCondition> queryFilter, String conditionalOperator, String projectionExpression,
    List<String> attributesToGet, ItemRequests.Expressions expressions, String select, Integer limit,
    Map<String, AttributeValue> exclusiveStartKey, Boolean scanIndexForward, Boolean consistentRead,
    String returnConsumedCapacity, Condition keyCondition, Condition filter, ProjectionExpression projection,
    String effectiveSelect) {

  /** A copy with the parsed members set. */
  public QueryRequest withParsed(Condition parsedKeyCondition, Condition parsedFilter,
      ProjectionExpression parsedProjection, String select) {
    return new QueryRequest(tableName, indexName, keyConditionExpression, keyConditions, filterExpression,
        queryFilter, conditionalOperator, projectionExpression, attributesToGet, expressions, this.select, limit,
        exclusiveStartKey, scanIndexForward, consistentRead, returnConsumedCapacity, parsedKeyCondition,
        parsedFilter, parsedProjection, select);
  }

  /** Whether the items are read in ascending sort-key order (the default). */
  public boolean forward() {
    return !Boolean.FALSE.equals(scanIndexForward);
  }
}
