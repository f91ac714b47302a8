package dev.cairn.core.validate;

import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.api.ScanRequest;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.expr.Condition;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.expr.ExpressionContext;
import dev.cairn.core.expr.ExpressionKind;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.expr.ProjectionExpression;
import java.util.List;

/**
 * Validation of a Scan that needs no table, in the service's order: member constraints (one
 * ValidationException listing every violation); the Select combinations; expression/legacy mixing; duplicate
 * AttributesToGet; ScanFilter's argument counts and types; Segment and TotalSegments together and in range; the
 * expressions (filter, projection) parsed once and checked for unused placeholders. Checks against the index and
 * the ExclusiveStartKey need the table and happen in the engine ({@code engine.ScanHandler}).
 * Sources: DynamoDB API Reference, "Scan" (Request Parameters: TotalSegments 1..1000000, Segment 0..999999);
 * Developer Guide, "Parallel scan"; texts and order as recorded from the service by dynalite
 * (validations/scan.js) and, for Select, moto's tests run against AWS.
 */
public final class ScanValidator {
  /** The most segments of a parallel scan (API Reference, "Scan", TotalSegments). */
  public static final int MAX_TOTAL_SEGMENTS = 1_000_000;

  private ScanValidator() {
  }

  /**
   * Validates a Scan and parses its expressions.
   *
   * @return a copy of {@code r} with the parsed filter, projection and the Select in force
   * @throws DynamoException ValidationException with the service's text
   */
  public static ScanRequest validate(ScanRequest r, ExpressionCache cache) {
    ValidationErrors errors = new ValidationErrors();
    if (r.limit() != null && r.limit() < 1) {
      errors.add(r.limit(), "limit", "Member must have value greater than or equal to 1");
    }
    errors.enumValue(r.returnConsumedCapacity(), "returnConsumedCapacity",
        ItemRequestValidator.RETURN_CONSUMED_CAPACITY);
    if (r.attributesToGet() != null && r.attributesToGet().isEmpty()) {
      errors.add("[]", "attributesToGet", "Member must have length greater than or equal to 1");
    }
    errors.range(r.segment(), "segment", 0, MAX_TOTAL_SEGMENTS - 1)
        .enumValue(r.select(), "select", ReadValidation.SELECT);
    ReadValidation.conditionConstraints(errors, r.scanFilter(), "scanFilter");
    errors.enumValue(r.conditionalOperator(), "conditionalOperator", List.of("OR", "AND"))
        .range(r.totalSegments(), "totalSegments", 1, MAX_TOTAL_SEGMENTS)
        .required(r.tableName(), "tableName").tableName(r.tableName(), "tableName")
        .tableName(r.indexName(), "indexName");
    errors.throwIfAny();
    String select = ReadValidation.selectViolation(r.select(), r.attributesToGet() != null,
        r.projectionExpression() != null, r.indexName() != null);
    if (select != null) {
      throw DynamoException.validation(select);
    }

    ItemRequests.Expressions ex = r.expressions() == null ? ItemRequests.Expressions.NONE : r.expressions();
    List<String> expressions = ReadValidation.present(
        new Object[] {r.projectionExpression(), r.filterExpression()},
        new String[] {"ProjectionExpression", "FilterExpression"});
    Legacy.checkNotMixed(ReadValidation.present(
        new Object[] {r.attributesToGet(), r.scanFilter(), r.conditionalOperator()},
        new String[] {"AttributesToGet", "ScanFilter", "ConditionalOperator"}), expressions);
    Legacy.checkAttributeMaps(ex.names() != null, ex.values() != null, expressions, List.of("FilterExpression"));
    ReadValidation.checkNoDuplicates(r.attributesToGet());
    Condition filter = Legacy.filter(r.scanFilter(), r.conditionalOperator());
    checkSegments(r.segment(), r.totalSegments());

    ProjectionExpression projection = null;
    if (!expressions.isEmpty()) {
      ExpressionContext ctx = ExpressionContext.of(ex.names(), ex.values(), cache);
      if (r.filterExpression() != null) {
        filter = ctx.condition(ExpressionKind.FILTER, r.filterExpression());
      }
      if (r.projectionExpression() != null) {
        projection = ctx.projection(r.projectionExpression());
      }
      ctx.checkUnused();
    }
    if (projection == null && r.attributesToGet() != null) {
      projection = Legacy.attributesToGet(r.attributesToGet());
    }
    return r.withParsed(filter, projection,
        ReadValidation.effectiveSelect(r.select(), projection != null, r.indexName() != null));
  }

  /**
   * Segment and TotalSegments come together, and Segment is below TotalSegments.
   *
   * @throws DynamoException "The TotalSegments parameter is required but was not present in the request when
   *     Segment parameter is present", "The Segment parameter is required but was not present in the request
   *     when parameter TotalSegments is present", "The Segment parameter is zero-based and must be less than
   *     parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4"
   */
  static void checkSegments(Integer segment, Integer totalSegments) {
    if (segment != null && totalSegments == null) {
      throw DynamoException.validation("The TotalSegments parameter is required but was not present in the "
          + "request when Segment parameter is present");
    }
    if (totalSegments != null) {
      if (segment == null) {
        throw DynamoException.validation("The Segment parameter is required but was not present in the request "
            + "when parameter TotalSegments is present");
      }
      if (segment >= totalSegments) {
        throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter "
            + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
      }
    }
  }
}
