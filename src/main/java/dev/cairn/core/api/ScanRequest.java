package dev.cairn.core.api;

import dev.cairn.core.expr.Condition;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.expr.ProjectionExpression;
import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * A Scan request: the members as sent and, once validated by {@code core.validate.ScanValidator}, the parsed
 * members (see {@link QueryRequest} for the pattern). Source: DynamoDB API Reference, "Scan", Request Parameters.
 *
 * @param segment         0-based segment of a parallel scan, or {@code null}; given with {@code totalSegments}
 * @param totalSegments   1..1000000 segments, or {@code null}
 * @param filter          parsed: FilterExpression or ScanFilter, or {@code null} for none
 * @param projection      parsed: ProjectionExpression or AttributesToGet, or {@code null} for none
 * @param effectiveSelect parsed: the Select in force (the default worked out when absent)
 */
public record ScanRequest(String tableName, String indexName, String filterExpression,
    Map<String, Legacy.LegacyCondition> scanFilter, String conditionalOperator, String projectionExpression,
    List<String> attributesToGet, ItemRequests.Expressions expressions, String select, Integer limit,
    Map<String, AttributeValue> exclusiveStartKey, Integer segment, Integer totalSegments, Boolean consistentRead,
    String returnConsumedCapacity, Condition filter, ProjectionExpression projection, String effectiveSelect) {

  /** A copy with the parsed members set. */
  public ScanRequest withParsed(Condition parsedFilter, ProjectionExpression parsedProjection, String select) {
    return new ScanRequest(tableName, indexName, filterExpression, scanFilter, conditionalOperator,
        projectionExpression, attributesToGet, expressions, this.select, limit, exclusiveStartKey, segment,
        totalSegments, consistentRead, returnConsumedCapacity, parsedFilter, parsedProjection, select);
  }
}
