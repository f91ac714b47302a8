package dev.cairn.core.validate;

import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.api.QueryRequest;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.expr.CompositeKeyCondition;
import dev.cairn.core.expr.Condition;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.expr.ExpressionContext;
import dev.cairn.core.expr.ExpressionKind;
import dev.cairn.core.expr.KeyCondition;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.expr.ProjectionExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation of a Query that needs no table, in the service's order: member constraints and the Select
 * combinations (one ValidationException listing every violation); expression/legacy mixing; QueryFilter's
 * argument counts and types; duplicate AttributesToGet; a key condition present; the expressions (key condition,
 * filter, projection) parsed once and checked for unused placeholders; the key condition's shape; KeyConditions'
 * argument counts and types; one or two key conditions. Checks against the key schema, the index and the
 * ExclusiveStartKey need the table and happen in the engine ({@code engine.QueryHandler}).
 * Sources: DynamoDB API Reference, "Query" (Request Parameters, Errors); texts and order as recorded from the
 * service by dynalite (validations/query.js and its tests) and, for Select, moto's tests run against AWS.
 */
public final class QueryValidator {
  /** The service's text when neither KeyConditions nor KeyConditionExpression is given. */
  public static final String MISSING_KEY_CONDITION =
      "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.";

  private QueryValidator() {
  }

  /**
   * Validates a Query and parses its expressions.
   *
   * @return a copy of {@code r} with the parsed key condition (expression form), filter, projection and the
   *     Select in force
   * @throws DynamoException ValidationException with the service's text
   */
  public static QueryRequest validate(QueryRequest r, ExpressionCache cache) {
    ValidationErrors errors = new ValidationErrors()
        .enumValue(r.select(), "select", ReadValidation.SELECT)
        .tableName(r.indexName(), "indexName")
        .enumValue(r.returnConsumedCapacity(), "returnConsumedCapacity",
            ItemRequestValidator.RETURN_CONSUMED_CAPACITY);
    ReadValidation.conditionConstraints(errors, r.queryFilter(), "queryFilter");
    errors.required(r.tableName(), "tableName").tableName(r.tableName(), "tableName")
        .enumValue(r.conditionalOperator(), "conditionalOperator", List.of("OR", "AND"));
    if (r.attributesToGet() != null && r.attributesToGet().isEmpty()) {
      errors.add("[]", "attributesToGet", "Member must have length greater than or equal to 1");
    }
    if (r.limit() != null && r.limit() < 1) {
      errors.add(r.limit(), "limit", "Member must have value greater than or equal to 1");
    }
    ReadValidation.conditionConstraints(errors, r.keyConditions(), "keyConditions");
    if (errors.isEmpty()) {
      // The service reports these with the member constraints ("1 validation error detected: ..."), as moto's
      // tests against AWS show for Query (Scan reports them bare).
      String select = ReadValidation.selectViolation(r.select(), r.attributesToGet() != null,
          r.projectionExpression() != null, r.indexName() != null);
      if (select != null) {
        errors.message(select);
      }
    }
    errors.throwIfAny();

    ItemRequests.Expressions ex = r.expressions() == null ? ItemRequests.Expressions.NONE : r.expressions();
    List<String> expressions = ReadValidation.present(
        new Object[] {r.projectionExpression(), r.filterExpression(), r.keyConditionExpression()},
        new String[] {"ProjectionExpression", "FilterExpression", "KeyConditionExpression"});
    if (!expressions.isEmpty()) {
      // KeyConditions may go with the other expressions when KeyConditionExpression is absent (dynalite,
      // validations/index.js validateExpressionParams).
      List<String> legacy = new ArrayList<>(ReadValidation.present(
          new Object[] {r.attributesToGet(), r.queryFilter(), r.conditionalOperator(),
              r.keyConditionExpression() == null ? null : r.keyConditions()},
          new String[] {"AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"}));
      Legacy.checkNotMixed(legacy, expressions);
    }
    Legacy.checkAttributeMaps(ex.names() != null, ex.values() != null, expressions,
        List.of("FilterExpression", "KeyConditionExpression"));
    Condition legacyFilter = Legacy.filter(r.queryFilter(), r.conditionalOperator());
    ReadValidation.checkNoDuplicates(r.attributesToGet());
    if (r.keyConditions() == null && r.keyConditionExpression() == null) {
      throw DynamoException.validation(MISSING_KEY_CONDITION);
    }

    Condition keyCondition = null;
    Condition filter = legacyFilter;
    ProjectionExpression projection = null;
    if (!expressions.isEmpty()) {
      ExpressionContext ctx = ExpressionContext.of(ex.names(), ex.values(), cache);
      if (r.keyConditionExpression() != null) {
        keyCondition = ctx.condition(ExpressionKind.KEY_CONDITION, r.keyConditionExpression());
      }
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
    if (keyCondition != null) {
      KeyCondition.checkShape(keyCondition);
    } else {
      // Argument counts and types first, then the number of conditions (dynalite, validations/query.js).
      Legacy.filter(r.keyConditions(), null);
      // Up to eight conditions pass here (a multi-attribute GSI key); the schema-specific count is checked later.
      int n = r.keyConditions().size();
      if (n < 1 || n > CompositeKeyCondition.MAX_CONDITIONS) {
        throw DynamoException.validation("Conditions can be of length 1 or 2 only");
      }
    }
    return r.withParsed(keyCondition, filter, projection,
        ReadValidation.effectiveSelect(r.select(), projection != null, r.indexName() != null));
  }
}
