package dev.cairn.core.expr;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the legacy (pre-expression) request parameters into the same ASTs the expressions produce:
 * Expected and ConditionalOperator, QueryFilter and ScanFilter into a {@link Condition}; KeyConditions into a
 * {@link KeyCondition}; AttributeUpdates into an {@link UpdateExpression}; AttributesToGet into a
 * {@link ProjectionExpression}.
 *
 * <p>Attribute names are taken literally as top-level names (legacy parameters have no document paths, no
 * placeholders and no reserved words). Validation errors use the service's texts, taken from dynalite
 * (validations/index.js, validations/updateItem.js, validations/query.js). Source: DynamoDB Developer Guide,
 * "Legacy conditional parameters".
 */
public final class Legacy {
  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final Set<String> OPERATORS = Set.of(
      "EQ", "NE", "LE", "LT", "GE", "GT", "NOT_NULL", "NULL", "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH", "IN",
      "BETWEEN");

  private Legacy() {}

  /**
   * One entry of the legacy {@code Expected} map; any member may be null (absent on the wire).
   *
   * @param exists {@code Exists}: false requires the attribute to be absent
   * @param value {@code Value}: with Exists true (or absent), the attribute must equal it
   * @param comparisonOperator {@code ComparisonOperator}, e.g. "EQ", "BETWEEN"
   * @param attributeValueList {@code AttributeValueList}
   */
  public record ExpectedAttribute(
      Boolean exists, AttributeValue value, String comparisonOperator, List<AttributeValue> attributeValueList) {}

  /**
   * One entry of {@code KeyConditions}, {@code QueryFilter} or {@code ScanFilter}.
   *
   * @param attributeValueList may be null (NULL, NOT_NULL)
   */
  public record LegacyCondition(String comparisonOperator, List<AttributeValue> attributeValueList) {}

  /**
   * One entry of {@code AttributeUpdates}.
   *
   * @param action "PUT" (the default when null), "ADD" or "DELETE"
   * @param value may be null only for DELETE
   */
  public record AttributeUpdate(String action, AttributeValue value) {}

  /**
   * Fails when a request mixes both styles, e.g. AttributesToGet and ProjectionExpression.
   *
   * @param nonExpressionParameters the legacy parameters present, in the action's documented order
   * @param expressionParameters the expression parameters present, in the action's documented order
   * @throws DynamoException "Can not use both expression and non-expression parameters in the same request:
   *     Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"
   */
  public static void checkNotMixed(List<String> nonExpressionParameters, List<String> expressionParameters) {
    if (!nonExpressionParameters.isEmpty() && !expressionParameters.isEmpty()) {
      throw DynamoException.validation("Can not use both expression and non-expression parameters in the same "
          + "request: Non-expression parameters: {" + String.join(", ", nonExpressionParameters) + "} Expression "
          + "parameters: {" + String.join(", ", expressionParameters) + "}");
    }
  }

  /**
   * Fails when ExpressionAttributeNames or ExpressionAttributeValues come without an expression that could use
   * them (dynalite, validations/index.js validateExpressionParams).
   *
   * @param expressionParametersPresent the expression parameters the request carries, e.g. [ProjectionExpression]
   * @param valueExpressionParameters every expression parameter of the action that can hold values (all but
   *     ProjectionExpression), in the action's documented order, e.g. [UpdateExpression, ConditionExpression]
   * @throws DynamoException "ExpressionAttributeNames can only be specified when using expressions", or
   *     "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and
   *     ConditionExpression are null"
   */
  public static void checkAttributeMaps(boolean namesPresent, boolean valuesPresent,
      List<String> expressionParametersPresent, List<String> valueExpressionParameters) {
    checkAttributeMaps(namesPresent, valuesPresent, expressionParametersPresent, valueExpressionParameters, true);
  }

  /**
   * As {@link #checkAttributeMaps(boolean, boolean, List, List)}; with {@code nameNullExpressions} false the
   * values text ends at "expressions" (PutItem and DeleteItem as captured in 2026-10).
   */
  public static void checkAttributeMaps(boolean namesPresent, boolean valuesPresent,
      List<String> expressionParametersPresent, List<String> valueExpressionParameters, boolean nameNullExpressions) {
    if (namesPresent && expressionParametersPresent.isEmpty()) {
      throw DynamoException.validation("ExpressionAttributeNames can only be specified when using expressions");
    }
    if (valuesPresent && !valueExpressionParameters.isEmpty()
        && valueExpressionParameters.stream().noneMatch(expressionParametersPresent::contains)) {
      throw DynamoException.validation("ExpressionAttributeValues can only be specified when using expressions"
          + (nameNullExpressions ? ": " + String.join(" and ", valueExpressionParameters)
              + (valueExpressionParameters.size() > 1 ? " are" : " is") + " null" : ""));
    }
  }

  /**
   * Translates {@code Expected} and {@code ConditionalOperator}.
   *
   * @param conditionalOperator "AND" (the default when null) or "OR"
   * @return the condition, or {@code null} when {@code expected} is null or empty
   * @throws DynamoException the legacy validation errors ("Value must be provided when Exists is true for
   *     Attribute: a", ...)
   */
  /**
   * ConditionalOperator with nothing to combine. Texts of the service's validation codes as DynamoDB Local carries
   * them (COND_OP_WITHOUT_FILTER_OR_EXPECTED, COND_OP_WITH_ONE_ELEMENT); the second is also captured from the
   * service for Scan (conformance suite, deepRequests.test.ts).
   */
  public static final String COND_OP_WITHOUT_CONDITIONS = "ConditionalOperator cannot be used without Filter or Expected";
  public static final String COND_OP_WITH_ONE_CONDITION =
      "ConditionalOperator can only be used when Filter or Expected has two or more elements";

  public static Condition expected(Map<String, ExpectedAttribute> expected, String conditionalOperator) {
    if (expected == null || expected.isEmpty()) {
      if (conditionalOperator != null) {
        throw DynamoException.validation(COND_OP_WITHOUT_CONDITIONS);
      }
      return null;
    }
    List<Condition> parts = new ArrayList<>();
    for (Map.Entry<String, ExpectedAttribute> e : expected.entrySet()) {
      parts.add(expectedOne(e.getKey(), e.getValue()));
    }
    if (conditionalOperator != null && parts.size() == 1) {
      throw DynamoException.validation(COND_OP_WITH_ONE_CONDITION);
    }
    return combine(parts, conditionalOperator);
  }

  private static Condition expectedOne(String key, ExpectedAttribute c) {
    Operand path = new Operand.Path(DocumentPath.of(key));
    if (c.attributeValueList() != null && c.value() != null) {
      throw DynamoException.validation(INVALID + "Value and AttributeValueList cannot be used together for "
          + "Attribute: " + key);
    }
    if (c.comparisonOperator() != null) {
      String op = c.comparisonOperator();
      if (c.exists() != null) {
        throw DynamoException.validation(INVALID + "Exists and ComparisonOperator cannot be used together for "
            + "Attribute: " + key);
      }
      if (!op.equals("NULL") && !op.equals("NOT_NULL") && c.attributeValueList() == null && c.value() == null) {
        throw DynamoException.validation(INVALID + "Value or AttributeValueList must be used with "
            + "ComparisonOperator: " + op + " for Attribute: " + key);
      }
      List<AttributeValue> values = c.attributeValueList() != null ? c.attributeValueList()
          : c.value() != null ? List.of(c.value()) : List.of();
      checkCount(op, values, INVALID + "Invalid number of argument(s) for the " + op + " ComparisonOperator");
      checkSameType(values);
      checkBetween(op, values);
      return translate(op, path, values);
    }
    if (c.attributeValueList() != null) {
      throw DynamoException.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator "
          + "for Attribute: " + key);
    }
    boolean exists = c.exists() == null || c.exists();
    if (exists && c.value() == null) {
      throw DynamoException.validation(INVALID + "Value must be provided when Exists is "
          + (c.exists() == null ? "null" : "true") + " for Attribute: " + key);
    }
    if (!exists && c.value() != null) {
      throw DynamoException.validation(INVALID + "Value cannot be used when Exists is false for Attribute: " + key);
    }
    return exists ? new Condition.Compare(Comparator.EQ, path, new Operand.Value(c.value()))
        : new Condition.Function(FunctionName.ATTRIBUTE_NOT_EXISTS, List.of(path));
  }

  /**
   * Translates {@code QueryFilter} or {@code ScanFilter} and {@code ConditionalOperator}.
   *
   * @return the condition, or {@code null} when {@code conditions} is null or empty
   * @throws DynamoException argument counts, mixed types in AttributeValueList, operators not valid for a type
   */
  public static Condition filter(Map<String, LegacyCondition> conditions, String conditionalOperator) {
    if (conditions == null || conditions.isEmpty()) {
      return null;
    }
    List<Condition> parts = new ArrayList<>();
    for (Map.Entry<String, LegacyCondition> e : conditions.entrySet()) {
      LegacyCondition c = e.getValue();
      List<AttributeValue> values = validateCondition(c,
          INVALID + "Invalid number of argument(s) for the " + c.comparisonOperator() + " ComparisonOperator");
      parts.add(translate(c.comparisonOperator(), new Operand.Path(DocumentPath.of(e.getKey())), values));
    }
    return combine(parts, conditionalOperator);
  }

  /**
   * Translates {@code KeyConditions} against the key schema queried.
   *
   * @throws DynamoException "Conditions can be of length 1 or 2 only", "Attempted conditional constraint is not
   *     an indexable operation", "Query condition missed key schema element: pk", "Query key condition not
   *     supported", and the argument-count errors
   */
  public static KeyCondition keyConditions(Map<String, LegacyCondition> conditions, KeyAttributes schema) {
    Map<String, KeyConditions.Leaf> leaves = keyConditionLeaves(conditions, 2);
    return KeyConditions.fromLeaves(leaves, schema);
  }

  /**
   * Translates {@code KeyConditions} against a multi-attribute GSI key (up to four HASH and four RANGE attributes),
   * with the rules and texts of {@link CompositeKeyCondition#of}.
   *
   * @throws DynamoException the argument-count errors, "Conditions can be of length 1 or 2 only" (more than eight
   *     conditions), "Attempted conditional constraint is not an indexable operation", then the key-schema errors
   */
  public static CompositeKeyCondition keyConditions(Map<String, LegacyCondition> conditions, List<String> hash,
      List<String> range) {
    return CompositeKeyCondition.fromLeaves(keyConditionLeaves(conditions, CompositeKeyCondition.MAX_CONDITIONS),
        hash, range);
  }

  private static Map<String, KeyConditions.Leaf> keyConditionLeaves(Map<String, LegacyCondition> conditions,
      int max) {
    Map<String, LegacyCondition> in = conditions == null ? Map.of() : conditions;
    Map<String, KeyConditions.Leaf> leaves = new LinkedHashMap<>();
    for (Map.Entry<String, LegacyCondition> e : in.entrySet()) {
      validateCondition(e.getValue(), "The attempted filter operation is not supported for the provided filter "
          + "argument count");
    }
    if (in.isEmpty() || in.size() > max) {
      throw DynamoException.validation("Conditions can be of length 1 or 2 only");
    }
    for (Map.Entry<String, LegacyCondition> e : in.entrySet()) {
      String op = e.getValue().comparisonOperator();
      KeyCondition.SortOperator sop = switch (op) {
        case "EQ", "LT", "LE", "GT", "GE", "BETWEEN", "BEGINS_WITH" -> KeyCondition.SortOperator.valueOf(op);
        // Text of the service for non-indexable operators in KeyConditions (quoted in dynalite's tests).
        default -> throw DynamoException.validation("Attempted conditional constraint is not an indexable operation");
      };
      leaves.put(e.getKey(), new KeyConditions.Leaf(e.getKey(), sop, e.getValue().attributeValueList()));
    }
    return leaves;
  }

  /**
   * Translates {@code AttributeUpdates}: PUT is SET, DELETE without a value is REMOVE, DELETE with a set value
   * removes members, ADD adds to a number or set, and ADD of a list appends to it (creating it when absent).
   *
   * @throws DynamoException "Only DELETE action is allowed when no attribute value is specified", "DELETE action
   *     with value is not supported for the type S", "ADD action is not supported for the type S"
   */
  public static UpdateExpression attributeUpdates(Map<String, AttributeUpdate> updates) {
    List<UpdateExpression.SetAction> set = new ArrayList<>();
    List<DocumentPath> remove = new ArrayList<>();
    List<UpdateExpression.AddAction> add = new ArrayList<>();
    List<UpdateExpression.DeleteAction> delete = new ArrayList<>();
    for (Map.Entry<String, AttributeUpdate> e : updates.entrySet()) {
      DocumentPath path = DocumentPath.of(e.getKey());
      String action = e.getValue().action() == null ? "PUT" : e.getValue().action();
      AttributeValue value = e.getValue().value();
      if (value == null && !action.equals("DELETE")) {
        throw DynamoException.validation(INVALID + "Only DELETE action is allowed when no attribute value is "
            + "specified");
      }
      switch (action) {
        case "PUT" -> set.add(new UpdateExpression.SetAction(path, new Operand.Value(value)));
        case "DELETE" -> {
          if (value == null) {
            remove.add(path);
          } else if (isSet(value.type())) {
            delete.add(new UpdateExpression.DeleteAction(path, new Operand.Value(value)));
          } else {
            throw DynamoException.validation(INVALID + "DELETE action with value is not supported for the type "
                + value.type());
          }
        }
        case "ADD" -> {
          AttributeType t = value.type();
          if (t == AttributeType.L) {
            Operand existing = new Operand.Call(FunctionName.IF_NOT_EXISTS,
                List.of(new Operand.Path(path), new Operand.Value(new AttributeValue.L(List.of()))));
            set.add(new UpdateExpression.SetAction(path,
                new Operand.Call(FunctionName.LIST_APPEND, List.of(existing, new Operand.Value(value)))));
          } else if (t == AttributeType.N || isSet(t)) {
            add.add(new UpdateExpression.AddAction(path, new Operand.Value(value)));
          } else {
            throw DynamoException.validation(INVALID + "ADD action is not supported for the type " + t);
          }
        }
        default -> throw new IllegalArgumentException("unknown AttributeUpdates action: " + action);
      }
    }
    return new UpdateExpression(set, remove, add, delete);
  }

  /** Translates {@code AttributesToGet}: each name is a top-level attribute, taken literally. */
  public static ProjectionExpression attributesToGet(List<String> names) {
    List<DocumentPath> paths = new ArrayList<>();
    for (String n : names) {
      paths.add(DocumentPath.of(n));
    }
    return new ProjectionExpression(paths);
  }

  // ---------------------------------------------------------------- shared

  private static List<AttributeValue> validateCondition(LegacyCondition c, String countMessage) {
    String op = c.comparisonOperator();
    if (op == null || !OPERATORS.contains(op)) {
      throw new IllegalArgumentException("unknown ComparisonOperator: " + op);
    }
    List<AttributeValue> values = c.attributeValueList() == null ? List.of() : c.attributeValueList();
    checkCount(op, values, countMessage);
    checkSameType(values);
    for (AttributeValue v : values) {
      if (!validFor(op, v.type())) {
        throw DynamoException.validation(INVALID + "ComparisonOperator " + op + " is not valid for " + v.type()
            + " AttributeValue type");
      }
    }
    checkBetween(op, values);
    return values;
  }

  private static void checkCount(String op, List<AttributeValue> values, String message) {
    int n = values.size();
    boolean ok = switch (op) {
      case "NULL", "NOT_NULL" -> n == 0;
      case "IN" -> n >= 1;
      case "BETWEEN" -> n == 2;
      default -> n == 1;
    };
    if (!ok) {
      throw DynamoException.validation(message);
    }
  }

  private static void checkSameType(List<AttributeValue> values) {
    for (AttributeValue v : values) {
      if (v.type() != values.get(0).type()) {
        throw DynamoException.validation(INVALID + "AttributeValues inside AttributeValueList must be of same type");
      }
    }
  }

  private static void checkBetween(String op, List<AttributeValue> values) {
    if (op.equals("BETWEEN") && ExprValues.isOrderable(values.get(0).type())
        && ExprValues.compare(values.get(0), values.get(1)) > 0) {
      throw DynamoException.validation(
          "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
    }
  }

  private static boolean validFor(String op, AttributeType t) {
    return switch (op) {
      case "EQ", "NE" -> ExprValues.isOrderable(t) || isSet(t);
      case "BEGINS_WITH" -> t == AttributeType.S || t == AttributeType.B;
      case "NULL", "NOT_NULL" -> true;
      default -> ExprValues.isOrderable(t);
    };
  }

  private static boolean isSet(AttributeType t) {
    return t == AttributeType.SS || t == AttributeType.NS || t == AttributeType.BS;
  }

  private static Condition translate(String op, Operand path, List<AttributeValue> values) {
    List<Operand> v = new ArrayList<>();
    values.forEach(x -> v.add(new Operand.Value(x)));
    return switch (op) {
      case "EQ", "NE", "LE", "LT", "GE", "GT" -> new Condition.Compare(Comparator.valueOf(op), path, v.get(0));
      case "NOT_NULL" -> new Condition.Function(FunctionName.ATTRIBUTE_EXISTS, List.of(path));
      case "NULL" -> new Condition.Function(FunctionName.ATTRIBUTE_NOT_EXISTS, List.of(path));
      case "CONTAINS" -> new Condition.Function(FunctionName.CONTAINS, List.of(path, v.get(0)));
      // Taken as the negation of CONTAINS; whether the service also requires the attribute to exist is unverified.
      case "NOT_CONTAINS" -> new Condition.Not(new Condition.Function(FunctionName.CONTAINS, List.of(path, v.get(0))));
      case "BEGINS_WITH" -> new Condition.Function(FunctionName.BEGINS_WITH, List.of(path, v.get(0)));
      case "IN" -> new Condition.In(path, v);
      case "BETWEEN" -> new Condition.Between(path, v.get(0), v.get(1));
      default -> throw new IllegalArgumentException("unknown ComparisonOperator: " + op);
    };
  }

  private static Condition combine(List<Condition> parts, String conditionalOperator) {
    boolean or = "OR".equals(conditionalOperator);
    Condition out = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      out = or ? new Condition.Or(out, parts.get(i)) : new Condition.And(out, parts.get(i));
    }
    return out;
  }
}
