package dev.cairn.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.api.QueryRequest;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query validation without a table: constraints, Select combinations, mixing, expressions, key-condition shape. */
class QueryValidatorTest {
  /** A mutable Query for the tests; {@link #build()} makes the record. */
  static final class Q {
    String tableName = "tbl";
    String indexName;
    String keyConditionExpression;
    Map<String, Legacy.LegacyCondition> keyConditions;
    String filterExpression;
    Map<String, Legacy.LegacyCondition> queryFilter;
    String conditionalOperator;
    String projectionExpression;
    List<String> attributesToGet;
    Map<String, String> names;
    Map<String, AttributeValue> values;
    String select;
    Integer limit;
    String returnConsumedCapacity;

    QueryRequest build() {
      return new QueryRequest(tableName, indexName, keyConditionExpression, keyConditions, filterExpression,
          queryFilter, conditionalOperator, projectionExpression, attributesToGet,
          new ItemRequests.Expressions(names, values), select, limit, null, null, null, returnConsumedCapacity, null,
          null, null, null);
    }
  }

  static Q expr(String keyCondition) {
    Q q = new Q();
    q.keyConditionExpression = keyCondition;
    q.values = Map.of(":p", new AttributeValue.S("p"));
    return q;
  }

  static Legacy.LegacyCondition cond(String op, AttributeValue... values) {
    return new Legacy.LegacyCondition(op, List.of(values));
  }

  static void assertValidation(String message, Q q) {
    DynamoException e = assertThrows(DynamoException.class, () -> QueryValidator.validate(q.build(), null));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void validate_keyConditionExpression_parsesAndDefaultsSelect() {
    QueryRequest r = QueryValidator.validate(expr("pk = :p").build(), null);
    assertNotNull(r.keyCondition());
    assertNull(r.filter());
    assertEquals("ALL_ATTRIBUTES", r.effectiveSelect());
  }

  @Test
  void validate_projectionOnIndex_selectsSpecificAttributes() {
    Q q = expr("pk = :p");
    q.projectionExpression = "a";
    assertEquals("SPECIFIC_ATTRIBUTES", QueryValidator.validate(q.build(), null).effectiveSelect());
    Q onIndex = expr("pk = :p");
    onIndex.indexName = "idx";
    assertEquals("ALL_PROJECTED_ATTRIBUTES", QueryValidator.validate(onIndex.build(), null).effectiveSelect());
  }

  @Test
  void validate_noKeyCondition_fails() {
    assertValidation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
        new Q());
  }

  @Test
  void validate_memberConstraints_areListedTogether() {
    Q q = expr("pk = :p");
    q.tableName = "ab;";
    q.limit = 0;
    q.select = "count";
    assertValidation("3 validation errors detected: Value 'count' at 'select' failed to satisfy constraint: Member "
        + "must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]; "
        + "Value 'ab;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
        + "[a-zA-Z0-9_.-]+; Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than "
        + "or equal to 1", q);
  }

  @Test
  void validate_legacyOperatorMissing_isAMemberConstraint() {
    Q q = new Q();
    Map<String, Legacy.LegacyCondition> kc = new LinkedHashMap<>();
    kc.put("pk", new Legacy.LegacyCondition(null, null));
    q.keyConditions = kc;
    assertValidation("1 validation error detected: Value null at 'keyConditions.pk.member.comparisonOperator' failed "
        + "to satisfy constraint: Member must not be null", q);
  }

  @Test
  void validate_selectCombinations_areReportedAsMemberConstraints() {
    Q all = expr("pk = :p");
    all.select = "ALL_ATTRIBUTES";
    all.projectionExpression = "a";
    assertValidation("1 validation error detected: Cannot specify the ProjectionExpression when choosing to get "
        + "ALL_ATTRIBUTES", all);
    Q count = expr("pk = :p");
    count.select = "COUNT";
    count.projectionExpression = "a";
    assertValidation("1 validation error detected: Cannot specify the ProjectionExpression when choosing to get "
        + "only the Count", count);
    Q projected = expr("pk = :p");
    projected.select = "ALL_PROJECTED_ATTRIBUTES";
    assertValidation("1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an "
        + "IndexName", projected);
    Q specific = expr("pk = :p");
    specific.select = "SPECIFIC_ATTRIBUTES";
    assertValidation("1 validation error detected: Must specify the AttributesToGet or ProjectionExpression when "
        + "choosing to get SPECIFIC_ATTRIBUTES", specific);
  }

  @Test
  void validate_mixedParameters_listBothKinds() {
    Q q = expr("pk = :p");
    q.attributesToGet = List.of("a");
    q.filterExpression = "a = :p";
    assertValidation("Can not use both expression and non-expression parameters in the same request: Non-expression "
        + "parameters: {AttributesToGet} Expression parameters: {FilterExpression, KeyConditionExpression}", q);
  }

  @Test
  void validate_keyConditionsWithFilterExpression_isAllowed() {
    Q q = new Q();
    q.keyConditions = Map.of("pk", cond("EQ", new AttributeValue.S("p")));
    q.filterExpression = "a = :v";
    q.values = Map.of(":v", new AttributeValue.S("v"));
    QueryRequest r = QueryValidator.validate(q.build(), null);
    assertNull(r.keyCondition());
    assertNotNull(r.filter());
  }

  @Test
  void validate_keyConditionShape_isCheckedBeforeTheTable() {
    assertValidation("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR",
        expr("pk = :p OR sk = :p"));
    assertValidation("Conditions can be of length 1 or 2 only",
        expr("a = :p AND b = :p AND c = :p AND d = :p AND e = :p AND f = :p AND g = :p AND h = :p AND i = :p"));
    Q legacy = new Q();
    legacy.keyConditions = new java.util.HashMap<>();
    for (String name : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")) {
      legacy.keyConditions.put(name, cond("EQ", new AttributeValue.S("p")));
    }
    assertValidation("Conditions can be of length 1 or 2 only", legacy);
    Q count = new Q();
    count.keyConditions = Map.of("a", cond("BETWEEN", new AttributeValue.S("p")));
    assertValidation("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN "
        + "ComparisonOperator", count);
  }

  @Test
  void validate_duplicateAttributesToGet_fails() {
    Q q = new Q();
    q.keyConditions = Map.of("pk", cond("EQ", new AttributeValue.S("p")));
    q.attributesToGet = List.of("a", "a");
    assertValidation("One or more parameter values were invalid: Duplicate value in attribute name: a", q);
  }

  @Test
  void validate_unusedValue_fails() {
    Q q = expr("pk = :p");
    q.values = Map.of(":p", new AttributeValue.S("p"), ":x", new AttributeValue.S("x"));
    assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}", q);
  }
}
