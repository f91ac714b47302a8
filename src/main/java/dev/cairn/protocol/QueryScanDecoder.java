package dev.cairn.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.QueryRequest;
import dev.cairn.core.api.ScanRequest;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.validate.QueryValidator;
import dev.cairn.core.validate.ScanValidator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decodes Query and Scan into their typed requests and validates them ({@link QueryValidator},
 * {@link ScanValidator}), parsing expressions once through a shared cache. Member types first
 * (SerializationException), attribute values next, then the constraints and expressions.
 */
public final class QueryScanDecoder {
  /**
   * The attribute-value errors the service reports for an ExclusiveStartKey without the "The provided starting
   * key is invalid: " prefix (dynalite, validations/scan.js, recorded from the service).
   */
  private static final Pattern UNPREFIXED = Pattern.compile(
      "contains duplicates|number set|numeric value|significant digits|number with magnitude");
  /** The prefix of the service's errors about an ExclusiveStartKey. */
  public static final String INVALID_START_KEY = "The provided starting key is invalid";

  private final ExpressionCache cache;

  /** @param cache parsed expressions shared by every request of the process */
  public QueryScanDecoder(ExpressionCache cache) {
    this.cache = cache;
  }

  /**
   * Decodes and validates a Query body.
   *
   * @throws DynamoException SerializationException for mistyped members, ValidationException otherwise
   */
  public QueryRequest query(JsonNode b) {
    QueryRequest r = new QueryRequest(JsonFields.string(b, "TableName"), JsonFields.string(b, "IndexName"),
        JsonFields.string(b, "KeyConditionExpression"), conditions(b, "KeyConditions"),
        JsonFields.string(b, "FilterExpression"), conditions(b, "QueryFilter"),
        JsonFields.string(b, "ConditionalOperator"), JsonFields.string(b, "ProjectionExpression"),
        ItemRequestDecoder.stringList(b, "AttributesToGet"), ItemRequestDecoder.expressions(b),
        JsonFields.string(b, "Select"), JsonFields.integer(b, "Limit"), startKey(b),
        JsonFields.bool(b, "ScanIndexForward"), JsonFields.bool(b, "ConsistentRead"),
        JsonFields.string(b, "ReturnConsumedCapacity"), null, null, null, null);
    return QueryValidator.validate(r, cache);
  }

  /**
   * Decodes and validates a Scan body.
   *
   * @throws DynamoException SerializationException for mistyped members, ValidationException otherwise
   */
  public ScanRequest scan(JsonNode b) {
    ScanRequest r = new ScanRequest(JsonFields.string(b, "TableName"), JsonFields.string(b, "IndexName"),
        JsonFields.string(b, "FilterExpression"), conditions(b, "ScanFilter"),
        JsonFields.string(b, "ConditionalOperator"), JsonFields.string(b, "ProjectionExpression"),
        ItemRequestDecoder.stringList(b, "AttributesToGet"), ItemRequestDecoder.expressions(b),
        JsonFields.string(b, "Select"), JsonFields.integer(b, "Limit"), startKey(b),
        JsonFields.integer(b, "Segment"), JsonFields.integer(b, "TotalSegments"),
        JsonFields.bool(b, "ConsistentRead"), JsonFields.string(b, "ReturnConsumedCapacity"), null, null, null);
    return ScanValidator.validate(r, cache);
  }

  /** ExclusiveStartKey; invalid attribute values are reported as an invalid starting key. */
  private static Map<String, AttributeValue> startKey(JsonNode b) {
    try {
      return ItemRequestDecoder.map(b, "ExclusiveStartKey");
    } catch (DynamoException e) {
      if (e.code() != ErrorCode.VALIDATION || UNPREFIXED.matcher(e.getMessage()).find()) {
        throw e;
      }
      throw DynamoException.validation(INVALID_START_KEY + ": " + e.getMessage());
    }
  }

  /** A legacy condition map (KeyConditions, QueryFilter, ScanFilter), or {@code null} when absent. */
  static Map<String, Legacy.LegacyCondition> conditions(JsonNode b, String name) {
    JsonNode n = JsonFields.object(b, name);
    if (n == null) {
      return null;
    }
    Map<String, Legacy.LegacyCondition> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      if (!v.isObject()) {
        throw JsonFields.mismatch(v, "Condition");
      }
      out.put(e.getKey(), new Legacy.LegacyCondition(JsonFields.string(v, "ComparisonOperator"),
          ItemRequestDecoder.valueList(v, "AttributeValueList")));
    }
    return out;
  }
}
