package dev.cairn.core.validate;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.expr.Legacy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks shared by Query and Scan: Select against the projection parameters, the legacy condition maps'
 * constraints, duplicate AttributesToGet. Texts: Select ones as the service returns them (moto's tests marked
 * {@code aws_verified}); the others as recorded from the service by dynalite (validations/query.js, scan.js,
 * index.js).
 */
final class ReadValidation {
  /** Select's value set, in the order the service lists it. */
  static final List<String> SELECT = List.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES",
      "ALL_PROJECTED_ATTRIBUTES");
  /** ComparisonOperator's value set, in the order the service lists it. */
  static final List<String> COMPARISON_OPERATORS = List.of("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ",
      "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS");

  private ReadValidation() {
  }

  /**
   * The member constraints of a legacy condition map (KeyConditions, QueryFilter, ScanFilter): each entry's
   * ComparisonOperator must be present and in the value set. Entries are listed last key first, as dynalite
   * records the service doing.
   */
  static void conditionConstraints(ValidationErrors errors, Map<String, Legacy.LegacyCondition> conditions,
      String member) {
    if (conditions == null) {
      return;
    }
    List<String> keys = new ArrayList<>(conditions.keySet());
    for (int i = keys.size() - 1; i >= 0; i--) {
      String key = keys.get(i);
      String op = conditions.get(key).comparisonOperator();
      String at = member + "." + key + ".member.comparisonOperator";
      errors.required(op, at);
      errors.enumValue(op, at, COMPARISON_OPERATORS);
    }
  }

  /**
   * The violation of Select against the projection parameters, or {@code null}: SPECIFIC_ATTRIBUTES needs
   * AttributesToGet or ProjectionExpression; the other values allow neither; ALL_PROJECTED_ATTRIBUTES needs an
   * IndexName.
   */
  static String selectViolation(String select, boolean attributesToGet, boolean projectionExpression,
      boolean index) {
    if (select == null) {
      return null;
    }
    if (select.equals("SPECIFIC_ATTRIBUTES")) {
      return attributesToGet || projectionExpression ? null
          : "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES";
    }
    String what = select.equals("COUNT") ? "only the Count" : select;
    if (attributesToGet) {
      return "Cannot specify the AttributesToGet when choosing to get " + what;
    }
    if (projectionExpression) {
      return "Cannot specify the ProjectionExpression when choosing to get " + what;
    }
    if (select.equals("ALL_PROJECTED_ATTRIBUTES") && !index) {
      return "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName";
    }
    return null;
  }

  /**
   * The Select in force: as sent, else SPECIFIC_ATTRIBUTES with a projection, ALL_PROJECTED_ATTRIBUTES on an
   * index, ALL_ATTRIBUTES on a table (API Reference, "Query", Select).
   */
  static String effectiveSelect(String select, boolean projection, boolean index) {
    if (select != null) {
      return select;
    }
    return projection ? "SPECIFIC_ATTRIBUTES" : index ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
  }

  /**
   * Fails on a repeated name in AttributesToGet.
   *
   * @throws DynamoException "One or more parameter values were invalid: Duplicate value in attribute name: a"
   */
  static void checkNoDuplicates(List<String> attributesToGet) {
    if (attributesToGet == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (String a : attributesToGet) {
      if (!seen.add(a)) {
        throw DynamoException.validation(
            "One or more parameter values were invalid: Duplicate value in attribute name: " + a);
      }
    }
  }

  /** The names of the parameters that are present, in the order given. */
  static List<String> present(Object[] values, String[] names) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        out.add(names[i]);
      }
    }
    return out;
  }
}
