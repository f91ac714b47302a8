package dev.cairn.core.validate;

import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.expr.Condition;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.expr.ExpressionContext;
import dev.cairn.core.expr.ExpressionKind;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.expr.ProjectionExpression;
import dev.cairn.core.expr.UpdateExpression;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.ValueValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validation of the single-item actions that needs no table: member constraints (one ValidationException
 * listing every violation), then legacy/expression mixing, ReturnValues, item size, and the expressions,
 * parsed once here and handed on in the request. Key checks need the table and happen in the engine.
 * Sources: DynamoDB API Reference ("PutItem", "GetItem", "DeleteItem", "UpdateItem", Request Parameters and
 * Errors); texts and order as recorded from the service by dynalite.
 */
public final class ItemRequestValidator {
  /** The service's value sets, in the order its messages list them. */
  public static final List<String> RETURN_VALUES = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
  public static final List<String> RETURN_CONSUMED_CAPACITY = List.of("INDEXES", "TOTAL", "NONE");
  public static final List<String> RETURN_ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");
  public static final List<String> CONDITIONAL_OPERATOR = List.of("OR", "AND");
  public static final List<String> RETURN_VALUES_ON_CONDITION_CHECK_FAILURE = List.of("ALL_OLD", "NONE");
  /** ComparisonOperator as the service lists it (dynalite, validations for Expected). */
  public static final List<String> COMPARISON_OPERATOR = List.of("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ",
      "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS");
  /** AttributeAction in the API model's order; no capture of the service's listing order was found. */
  public static final List<String> ATTRIBUTE_ACTION = List.of("ADD", "PUT", "DELETE");

  static final String PUT_DELETE_RETURN_VALUES = "ReturnValues can only be ALL_OLD or NONE";

  private ItemRequestValidator() {
  }

  private static ValidationErrors common(String tableName, String returnConsumedCapacity) {
    return new ValidationErrors()
        .required(tableName, "tableName")
        .dataPlaneTableName(tableName, "tableName")
        .enumValue(returnConsumedCapacity, "returnConsumedCapacity", RETURN_CONSUMED_CAPACITY);
  }

  /**
   * The write actions' member checks start with ReturnConsumedCapacity, then TableName, as the service lists them
   * (UpdateItem captured 2026-10: returnConsumedCapacity, tableName, returnValues, conditionalOperator, key;
   * conformance suite, validation-ordering/updateItem.test.ts). The order of the other members follows dynalite's
   * record of the service per action.
   */
  private static ValidationErrors writeStart(String tableName, String returnConsumedCapacity) {
    return new ValidationErrors()
        .enumValue(returnConsumedCapacity, "returnConsumedCapacity", RETURN_CONSUMED_CAPACITY)
        .required(tableName, "tableName")
        .dataPlaneTableName(tableName, "tableName");
  }

  /**
   * The enum members inside the legacy maps: {@code expected.<name>.member.comparisonOperator} and
   * {@code attributeUpdates.<name>.member.action}, named as the service's model validation names map members.
   */
  private static void legacyEnums(ValidationErrors errors, Map<String, Legacy.ExpectedAttribute> expected,
      Map<String, Legacy.AttributeUpdate> attributeUpdates) {
    if (expected != null) {
      for (Map.Entry<String, Legacy.ExpectedAttribute> e : expected.entrySet()) {
        errors.enumValue(e.getValue().comparisonOperator(), "expected." + e.getKey() + ".member.comparisonOperator",
            COMPARISON_OPERATOR);
      }
    }
    if (attributeUpdates != null) {
      for (Map.Entry<String, Legacy.AttributeUpdate> e : attributeUpdates.entrySet()) {
        errors.enumValue(e.getValue().action(), "attributeUpdates." + e.getKey() + ".member.action", ATTRIBUTE_ACTION);
      }
    }
  }

  /** Which of a request's parameters are present, by name, in the order given. */
  private static List<String> present(Object[] values, String[] names) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        out.add(names[i]);
      }
    }
    return out;
  }

  /**
   * Validates a PutItem and parses its condition.
   *
   * @throws DynamoException ValidationException with the service's text
   */
  public static ItemRequests.PutItem putItem(ItemRequests.PutItem r, ExpressionCache cache) {
    ValidationErrors errors = writeStart(r.tableName(), r.returnConsumedCapacity()).required(r.item(), "item")
        .enumValue(r.conditionalOperator(), "conditionalOperator", CONDITIONAL_OPERATOR);
    legacyEnums(errors, r.expected(), null);
    errors.enumValue(r.returnValues(), "returnValues", RETURN_VALUES)
        .enumValue(r.returnItemCollectionMetrics(), "returnItemCollectionMetrics", RETURN_ITEM_COLLECTION_METRICS)
        .enumValue(r.returnValuesOnConditionCheckFailure(), "returnValuesOnConditionCheckFailure",
            RETURN_VALUES_ON_CONDITION_CHECK_FAILURE);
    errors.throwIfAny();
    Condition condition;
    try {
      condition = conditionOf(r.conditionExpression(), r.expected(), r.conditionalOperator(), r.expressions(), cache);
      checkPutDeleteReturnValues(r.returnValues());
    } catch (RuntimeException e) {
      throw ValidationErrors.enveloped(e);
    }
    // Captures show the size text bare or do not pin its envelope; it stays bare.
    checkAttributeNames(r.item());
    ItemSize.checkItemSize(r.item());
    ValueValidation.checkNesting(r.item());
    return r.withCondition(condition);
  }

  /** Validates a DeleteItem and parses its condition. */
  public static ItemRequests.DeleteItem deleteItem(ItemRequests.DeleteItem r, ExpressionCache cache) {
    ValidationErrors errors = writeStart(r.tableName(), r.returnConsumedCapacity())
        .enumValue(r.returnValues(), "returnValues", RETURN_VALUES)
        .enumValue(r.returnItemCollectionMetrics(), "returnItemCollectionMetrics", RETURN_ITEM_COLLECTION_METRICS)
        .required(r.key(), "key")
        .enumValue(r.conditionalOperator(), "conditionalOperator", CONDITIONAL_OPERATOR);
    legacyEnums(errors, r.expected(), null);
    errors.enumValue(r.returnValuesOnConditionCheckFailure(), "returnValuesOnConditionCheckFailure",
        RETURN_VALUES_ON_CONDITION_CHECK_FAILURE);
    errors.throwIfAny();
    try {
      Condition condition = conditionOf(r.conditionExpression(), r.expected(), r.conditionalOperator(),
          r.expressions(), cache);
      checkPutDeleteReturnValues(r.returnValues());
      return r.withCondition(condition);
    } catch (RuntimeException e) {
      throw ValidationErrors.enveloped(e);
    }
  }

  /** Validates a GetItem and parses its projection. */
  public static ItemRequests.GetItem getItem(ItemRequests.GetItem r, ExpressionCache cache) {
    ValidationErrors errors = common(r.tableName(), r.returnConsumedCapacity()).required(r.key(), "key");
    if (r.attributesToGet() != null && r.attributesToGet().isEmpty()) {
      errors.add("[]", "attributesToGet", "Member must have length greater than or equal to 1");
    }
    errors.throwIfAny();
    Legacy.checkNotMixed(present(new Object[] {r.attributesToGet()}, new String[] {"AttributesToGet"}),
        present(new Object[] {r.projectionExpression()}, new String[] {"ProjectionExpression"}));
    Legacy.checkAttributeMaps(r.expressionAttributeNames() != null, false,
        present(new Object[] {r.projectionExpression()}, new String[] {"ProjectionExpression"}), List.of());
    ProjectionExpression projection = null;
    if (r.projectionExpression() != null) {
      ExpressionContext ctx = ExpressionContext.of(r.expressionAttributeNames(), null, cache);
      projection = ctx.projection(r.projectionExpression());
      ctx.checkUnused();
    } else if (r.attributesToGet() != null) {
      checkNoDuplicate(r.attributesToGet());
      projection = Legacy.attributesToGet(r.attributesToGet());
    }
    return r.withProjection(projection);
  }

  private static void checkPutDeleteReturnValues(String returnValues) {
    if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
      throw DynamoException.validation(PUT_DELETE_RETURN_VALUES);
    }
  }

  /**
   * An item's attribute names are at least one character long (Developer Guide, "Supported data types and naming
   * rules"). Text: the service's "Empty attribute name" (captured for TransactWriteItems Put items, 2026-10,
   * conformance suite deepRequests.test.ts; DynamoDB Local's EMPTY_ATTRIBUTE_NAME), reported before the item's
   * size and depth.
   */
  private static void checkAttributeNames(Map<String, AttributeValue> item) {
    if (item.containsKey("")) {
      throw DynamoException.validation("Empty attribute name");
    }
  }

  /**
   * AttributesToGet names each attribute once (dynalite, validations/getItem.js; DynamoDB Local answers the same).
   *
   * @throws DynamoException "One or more parameter values were invalid: Duplicate value in attribute name: a"
   */
  private static void checkNoDuplicate(List<String> attributesToGet) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String name : attributesToGet) {
      if (!seen.add(name)) {
        throw DynamoException.validation("One or more parameter values were invalid: Duplicate value in attribute name: "
            + name);
      }
    }
  }

  /** Validates an UpdateItem and parses its update and condition. */
  public static ItemRequests.UpdateItem updateItem(ItemRequests.UpdateItem r, ExpressionCache cache) {
    ValidationErrors errors = writeStart(r.tableName(), r.returnConsumedCapacity())
        .enumValue(r.returnItemCollectionMetrics(), "returnItemCollectionMetrics", RETURN_ITEM_COLLECTION_METRICS)
        .enumValue(r.returnValues(), "returnValues", RETURN_VALUES)
        .enumValue(r.conditionalOperator(), "conditionalOperator", CONDITIONAL_OPERATOR)
        .required(r.key(), "key");
    legacyEnums(errors, r.expected(), r.attributeUpdates());
    errors.enumValue(r.returnValuesOnConditionCheckFailure(), "returnValuesOnConditionCheckFailure",
        RETURN_VALUES_ON_CONDITION_CHECK_FAILURE);
    errors.throwIfAny();
    try {
      return parseUpdate(r, cache);
    } catch (RuntimeException e) {
      throw ValidationErrors.enveloped(e);
    }
  }

  private static ItemRequests.UpdateItem parseUpdate(ItemRequests.UpdateItem r, ExpressionCache cache) {
    ItemRequests.Expressions ex = r.expressions();
    List<String> legacy = present(new Object[] {r.attributeUpdates(), r.expected()},
        new String[] {"AttributeUpdates", "Expected"});
    List<String> expressions = present(new Object[] {r.updateExpression(), r.conditionExpression()},
        new String[] {"UpdateExpression", "ConditionExpression"});
    Legacy.checkNotMixed(legacy, expressions);
    Legacy.checkAttributeMaps(ex.names() != null, ex.values() != null, expressions,
        List.of("UpdateExpression", "ConditionExpression"));
    UpdateExpression update = null;
    Condition condition = null;
    if (!expressions.isEmpty()) {
      ExpressionContext ctx = ExpressionContext.of(ex.names(), ex.values(), cache);
      if (r.updateExpression() != null) {
        update = ctx.update(r.updateExpression());
      }
      if (r.conditionExpression() != null) {
        condition = ctx.condition(ExpressionKind.CONDITION, r.conditionExpression());
      }
      ctx.checkUnused();
    } else {
      if (r.attributeUpdates() != null && !r.attributeUpdates().isEmpty()) {
        update = Legacy.attributeUpdates(r.attributeUpdates());
      }
      condition = Legacy.expected(r.expected(), r.conditionalOperator());
    }
    return r.withParsed(update, condition);
  }

  private static Condition conditionOf(String conditionExpression, Map<String, Legacy.ExpectedAttribute> expected,
      String conditionalOperator, ItemRequests.Expressions ex, ExpressionCache cache) {
    List<String> legacy = present(new Object[] {expected}, new String[] {"Expected"});
    List<String> expressions = present(new Object[] {conditionExpression}, new String[] {"ConditionExpression"});
    Legacy.checkNotMixed(legacy, expressions);
    // PutItem and DeleteItem name no null expression after the colon (captured 2026-10, see
    // ValidationErrors.enveloped); UpdateItem's text with the names is the one on record for it.
    Legacy.checkAttributeMaps(ex.names() != null, ex.values() != null, expressions, List.of("ConditionExpression"),
        false);
    if (conditionExpression != null) {
      ExpressionContext ctx = ExpressionContext.of(ex.names(), ex.values(), cache);
      Condition c = ctx.condition(ExpressionKind.CONDITION, conditionExpression);
      ctx.checkUnused();
      return c;
    }
    return Legacy.expected(expected, conditionalOperator);
  }

  /** Whether a request asked for the old item (or some of it) back. */
  public static boolean wantsOld(String returnValues) {
    return "ALL_OLD".equals(returnValues) || "UPDATED_OLD".equals(returnValues);
  }

}
