package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.names;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Condition expressions and the legacy Expected/ConditionalOperator on PutItem, DeleteItem and UpdateItem: what
 * passes, what fails (ConditionalCheckFailedException "The conditional request failed", nothing written), and every
 * expression error with the service's text. PutItem, UpdateItem and DeleteItem report request-validation errors
 * inside the {@code 1 validation error detected: } envelope. Sources: Developer Guide "Condition expressions",
 * "Comparison operator and function reference", "Legacy conditional parameters"; API Reference "PutItem".
 */
class ConditionIT {
  static final String ONE = "1 validation error detected: ";
  static DynamoDbClient dynamo;
  static String table;

  static final Map<String, AttributeValue> SUBJECT = item("pk", s("subject"),
      "n", n("10"), "str", s("hello world"), "flag", AttributeValue.fromBool(true), "nul", AttributeValue.fromNul(true),
      "ss", AttributeValue.fromSs(List.of("red", "green")), "l", AttributeValue.fromL(List.of(s("a"), n("2"))),
      "m", AttributeValue.fromM(Map.of("nest", AttributeValue.fromM(Map.of("deep", s("yes"))), "count", n("3"))),
      "bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    table = ItemTables.create(dynamo, ItemTables.uniqueName("condition"), "pk", ScalarAttributeType.S, null, null);
    dynamo.putItem(b -> b.tableName(table).item(SUBJECT));
  }

  /** Whether {@code condition} holds on SUBJECT, tested by a put that writes SUBJECT back unchanged. */
  private static boolean holds(String condition, Map<String, String> names, Map<String, AttributeValue> values) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(SUBJECT).conditionExpression(condition)
          .expressionAttributeNames(names.isEmpty() ? null : names).expressionAttributeValues(values.isEmpty() ? null : values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      assertEquals("The conditional request failed", e.awsErrorDetails().errorMessage());
      return false;
    }
  }

  private static boolean holds(String condition, Object... valuePairs) {
    return holds(condition, Map.of(), item(valuePairs));
  }

  @Test
  void conditions_functionsAndComparators_evaluateOnTheStoredItem() {
    assertTrue(holds("attribute_exists(n) AND attribute_not_exists(nope)"));
    assertTrue(holds("n = :ten AND n <> :nine AND n > :nine AND n >= :ten AND n < :big AND n <= :ten",
        ":ten", n("10.0"), ":nine", n("9"), ":big", n("1E3")));
    assertTrue(holds("n BETWEEN :a AND :b", ":a", n("10"), ":b", n("11")));
    assertFalse(holds("n BETWEEN :a AND :b", ":a", n("11"), ":b", n("12")));
    assertTrue(holds("n IN (:a, :b, :c)", ":a", n("1"), ":b", s("10"), ":c", n("10")));
    assertFalse(holds("n IN (:a, :b)", ":a", n("1"), ":b", s("10")));
    assertTrue(holds("begins_with(str, :p) AND contains(str, :w)", ":p", s("hell"), ":w", s("o w")));
    assertTrue(holds("contains(ss, :c) AND NOT contains(ss, :d)", ":c", s("red"), ":d", s("blue")));
    assertTrue(holds("contains(l, :c)", ":c", n("2")));
    assertTrue(holds("size(str) = :eleven AND size(ss) = :two AND size(l) = :two AND size(m) = :two AND size(bin) = :three",
        ":eleven", n("11"), ":two", n("2"), ":three", n("3")));
    assertTrue(holds("attribute_type(n, :N) AND attribute_type(nul, :NULL) AND attribute_type(m, :M)"
        + " AND attribute_type(ss, :SS) AND attribute_type(flag, :BOOL)",
        ":N", s("N"), ":NULL", s("NULL"), ":M", s("M"), ":SS", s("SS"), ":BOOL", s("BOOL")));
    assertTrue(holds("m.nest.deep = :y AND l[1] = :two AND m.#c > :one", Map.of("#c", "count"),
        item(":y", s("yes"), ":two", n("2"), ":one", n("1"))));
    assertTrue(holds("(n = :x OR flag = :t) AND NOT (str = :x)", ":x", n("0"), ":t", AttributeValue.fromBool(true)));
    assertTrue(holds("str < :z AND str > :a", ":z", s("i"), ":a", s("hello"))); // byte order
  }

  @Test
  void conditions_onAbsentAttributesOrMismatchedTypes_areFalseNotErrors() {
    assertFalse(holds("nope = :x", ":x", s("a")));
    assertFalse(holds("n = :x", ":x", s("10")));
    assertFalse(holds("n < :x", ":x", s("zzz")));
    assertTrue(holds("nope <> :x", ":x", s("a")));
    assertFalse(holds("m.gone.deeper = :x", ":x", s("a")));
    assertFalse(holds("l[5] = :x", ":x", s("a")));
    assertFalse(holds("begins_with(n, :x)", ":x", s("1")));
  }

  @Test
  void putItem_attributeNotExists_createsOnlyOnce() {
    String key = "once";
    Map<String, AttributeValue> first = item("pk", s(key), "v", s("first"));
    dynamo.putItem(b -> b.tableName(table).item(first).conditionExpression("attribute_not_exists(pk)"));
    assertThrows(ConditionalCheckFailedException.class, () -> dynamo.putItem(b -> b.tableName(table)
        .item(item("pk", s(key), "v", s("second"))).conditionExpression("attribute_not_exists(pk)")));
    assertEquals(first, dynamo.getItem(b -> b.tableName(table).key(item("pk", s(key))).consistentRead(true)).item());
  }

  @Test
  void conditions_onAbsentItem_seeNoAttributes() {
    String key = "absent-item";
    assertThrows(ConditionalCheckFailedException.class, () -> dynamo.putItem(b -> b.tableName(table)
        .item(item("pk", s(key))).conditionExpression("attribute_exists(pk)")));
    assertThrows(ConditionalCheckFailedException.class, () -> dynamo.putItem(b -> b.tableName(table)
        .item(item("pk", s(key))).conditionExpression("v = :v").expressionAttributeValues(Map.of(":v", s("x")))));
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s(key))).conditionExpression("v <> :v")
        .expressionAttributeValues(Map.of(":v", s("x"))));
    assertTrue(dynamo.getItem(b -> b.tableName(table).key(item("pk", s(key))).consistentRead(true)).hasItem());
  }

  @Test
  void deleteItem_conditionHolds_deletes() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("del-cond"), "version", n("3"))));
    dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("del-cond"))).conditionExpression("version = :v")
        .expressionAttributeValues(Map.of(":v", n("3"))));
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("del-cond"))).consistentRead(true)).hasItem());
  }

  @Test
  void updateItem_conditionFails_returnsOldImageAndWritesNothing() {
    Map<String, AttributeValue> it = item("pk", s("upd-cond"), "version", n("1"));
    dynamo.putItem(b -> b.tableName(table).item(it));
    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("upd-cond"))).updateExpression("SET version = :n")
            .conditionExpression("version = :old").expressionAttributeValues(Map.of(":n", n("3"), ":old", n("2")))
            .returnValuesOnConditionCheckFailure("ALL_OLD")));
    assertEquals(it, e.item());
    assertEquals(it, dynamo.getItem(b -> b.tableName(table).key(item("pk", s("upd-cond"))).consistentRead(true)).item());
  }

  @Test
  void updateItem_conditionOnAbsentItem_failsWithoutCreatingIt() {
    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("upd-absent"))).updateExpression("SET v = :v")
            .conditionExpression("attribute_exists(pk)").expressionAttributeValues(Map.of(":v", n("1")))
            .returnValuesOnConditionCheckFailure("ALL_OLD")));
    assertFalse(e.hasItem());
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("upd-absent"))).consistentRead(true)).hasItem());
  }

  // ---- legacy Expected / ConditionalOperator ----

  private static boolean expected(Map<String, ExpectedAttributeValue> expected, ConditionalOperator op) {
    try {
      dynamo.putItem(b -> b.tableName(table).item(SUBJECT).expected(expected).conditionalOperator(op));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static ExpectedAttributeValue cmp(ComparisonOperator op, AttributeValue... values) {
    return ExpectedAttributeValue.builder().comparisonOperator(op).attributeValueList(values).build();
  }

  @Test
  void expected_existsAndValue_evaluate() {
    assertTrue(expected(Map.of("n", ExpectedAttributeValue.builder().value(n("10")).build()), null));
    assertTrue(expected(Map.of("n", ExpectedAttributeValue.builder().exists(true).value(n("10")).build()), null));
    assertFalse(expected(Map.of("n", ExpectedAttributeValue.builder().value(n("11")).build()), null));
    assertTrue(expected(Map.of("nope", ExpectedAttributeValue.builder().exists(false).build()), null));
    assertFalse(expected(Map.of("n", ExpectedAttributeValue.builder().exists(false).build()), null));
  }

  @Test
  void expected_comparisonOperators_evaluate() {
    assertTrue(expected(Map.of("n", cmp(ComparisonOperator.GT, n("9")), "str", cmp(ComparisonOperator.BEGINS_WITH, s("he"))),
        null));
    assertTrue(expected(Map.of("n", cmp(ComparisonOperator.BETWEEN, n("1"), n("10")),
        "ss", cmp(ComparisonOperator.CONTAINS, s("red")), "nope", cmp(ComparisonOperator.NULL),
        "flag", cmp(ComparisonOperator.NOT_NULL), "str", cmp(ComparisonOperator.NE, s("x"))), null));
    assertTrue(expected(Map.of("n", cmp(ComparisonOperator.IN, n("1"), n("10"))), null));
    assertFalse(expected(Map.of("n", cmp(ComparisonOperator.LT, n("10"))), null));
  }

  @Test
  void expected_conditionalOperator_combines() {
    Map<String, ExpectedAttributeValue> oneTrue = new HashMap<>();
    oneTrue.put("n", cmp(ComparisonOperator.EQ, n("10")));
    oneTrue.put("str", cmp(ComparisonOperator.EQ, s("nope")));
    assertFalse(expected(oneTrue, ConditionalOperator.AND));
    assertFalse(expected(oneTrue, null));
    assertTrue(expected(oneTrue, ConditionalOperator.OR));
  }

  @Test
  void expected_onDeleteAndUpdate_evaluates() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("legacy-du"), "v", n("1"))));
    assertThrows(ConditionalCheckFailedException.class, () -> dynamo.updateItem(b -> b.tableName(table)
        .key(item("pk", s("legacy-du"))).attributeUpdates(Map.of("v", software.amazon.awssdk.services.dynamodb.model
            .AttributeValueUpdate.builder().value(n("2")).action("PUT").build()))
        .expected(Map.of("v", ExpectedAttributeValue.builder().value(n("0")).build()))));
    assertThrows(ConditionalCheckFailedException.class, () -> dynamo.deleteItem(b -> b.tableName(table)
        .key(item("pk", s("legacy-du"))).expected(Map.of("v", cmp(ComparisonOperator.GT, n("1"))))));
    dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("legacy-du")))
        .expected(Map.of("v", cmp(ComparisonOperator.LE, n("1")))));
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("legacy-du"))).consistentRead(true)).hasItem());
  }

  // ---- validation ----

  private static void assertPutError(String message, String condition, Map<String, String> names,
      Map<String, AttributeValue> values) {
    assertDynamoError("ValidationException", message, () -> dynamo.putItem(b -> b.tableName(table)
        .item(item("pk", s("never-written"))).conditionExpression(condition).expressionAttributeNames(names)
        .expressionAttributeValues(values)));
  }

  @Test
  void conditionExpression_undefinedValue_throwsValidation() {
    assertPutError(ONE + "Invalid ConditionExpression: An expression attribute value used in expression is not defined;"
        + " attribute value: :v", "a = :v", null, null);
    assertPutError(ONE + "Invalid ConditionExpression: An expression attribute value used in expression is not defined;"
        + " attribute value: :v", "a = :v", null, Map.of(":w", s("x")));
  }

  @Test
  void conditionExpression_undefinedName_throwsValidation() {
    assertPutError(ONE + "Invalid ConditionExpression: An expression attribute name used in the document path is not"
        + " defined; attribute name: #a", "attribute_exists(#a)", null, null);
  }

  @Test
  void conditionExpression_unusedValue_throwsValidation() {
    assertPutError(ONE + "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
        "a = :v", null, Map.of(":v", s("x"), ":unused", s("y")));
  }

  @Test
  void conditionExpression_unusedName_throwsValidation() {
    assertPutError(ONE + "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
        "attribute_exists(#a)", Map.of("#a", "a", "#unused", "b"), null);
  }

  @Test
  void conditionExpression_reservedWord_throwsValidation() {
    assertPutError(ONE + "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name",
        "attribute_exists(name)", null, null);
  }

  @Test
  void conditionExpression_syntaxError_throwsValidation() {
    assertPutError(ONE + "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"", "a =", null, null);
  }

  @Test
  void conditionExpression_empty_throwsValidation() {
    assertPutError(ONE + "Invalid ConditionExpression: The expression can not be empty;", "", null, null);
  }

  @Test
  void conditionExpression_redundantParentheses_throwsValidation() {
    assertPutError(ONE + "Invalid ConditionExpression: The expression has redundant parentheses;",
        "((attribute_not_exists(pk)))", null, null);
  }

  @Test
  void conditionExpression_unknownFunction_throwsValidation() {
    assertPutError(ONE + "Invalid ConditionExpression: Invalid function name; function: nope",
        "nope(a)", null, null);
  }

  @Test
  void conditionExpression_distinctOperands_throwsValidation() {
    assertPutError(ONE + "Invalid ConditionExpression: The first operand must be distinct from the remaining operands"
        + " for this operator or function; operator: contains, first operand: [data]", "contains(#a, #a)",
        Map.of("#a", "data"), null);
  }

  @Test
  void expressionAttributeMaps_empty_throwValidation() {
    assertPutError(ONE + "ExpressionAttributeValues must not be empty", "attribute_exists(a)", null, Map.of());
    assertPutError(ONE + "ExpressionAttributeNames must not be empty", "attribute_exists(a)", Map.of(), null);
  }

  @Test
  void expressionAttributeMaps_invalidKeys_throwValidation() {
    assertPutError(ONE + "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"", "attribute_exists(a)",
        Map.of("a", "a"), null);
    assertPutError(ONE + "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"", "a = :w",
        null, Map.of("v", s("x"), ":w", s("y")));
  }

  @Test
  void expressionAttributeMaps_withoutExpression_throwValidation() {
    assertDynamoError("ValidationException", ONE + "ExpressionAttributeValues can only be specified when using expressions",
        () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("x"))).expressionAttributeValues(Map.of(":v", s("x")))));
    assertDynamoError("ValidationException", ONE + "ExpressionAttributeNames can only be specified when using expressions",
        () -> dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("x"))).expressionAttributeNames(names("#a", "a"))));
    assertDynamoError("ValidationException", ONE + "ExpressionAttributeValues can only be specified when using expressions",
        () -> dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("x"))).expressionAttributeValues(Map.of(":v", s("x")))));
  }

  @Test
  void expectedWithConditionExpression_throwsValidation() {
    String mixed = ONE + "Can not use both expression and non-expression parameters in the same request:"
        + " Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}";
    Map<String, ExpectedAttributeValue> exp = Map.of("pk", ExpectedAttributeValue.builder().exists(false).build());
    assertDynamoError("ValidationException", mixed, () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("x")))
        .expected(exp).conditionExpression("attribute_not_exists(pk)")));
    assertDynamoError("ValidationException", mixed, () -> dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("x")))
        .expected(exp).conditionExpression("attribute_not_exists(pk)")));
  }

  @Test
  void expected_malformed_throwsValidation() {
    String invalid = ONE + "One or more parameter values were invalid: ";
    List<Map.Entry<ExpectedAttributeValue, String>> cases = List.of(
        Map.entry(ExpectedAttributeValue.builder().exists(true).build(),
            invalid + "Value must be provided when Exists is true for Attribute: a"),
        Map.entry(ExpectedAttributeValue.builder().exists(false).value(s("x")).build(),
            invalid + "Value cannot be used when Exists is false for Attribute: a"),
        Map.entry(ExpectedAttributeValue.builder().value(s("x")).comparisonOperator(ComparisonOperator.EQ)
            .attributeValueList(s("x")).build(), invalid + "Value and AttributeValueList cannot be used together for Attribute: a"),
        Map.entry(ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.EQ).build(),
            invalid + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a"),
        Map.entry(ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.BETWEEN).attributeValueList(s("x"))
            .build(), invalid + "Invalid number of argument(s) for the BETWEEN ComparisonOperator"));
    for (Map.Entry<ExpectedAttributeValue, String> c : cases) {
      assertDynamoError("ValidationException", c.getValue(), () -> dynamo.deleteItem(b -> b.tableName(table)
          .key(item("pk", s("x"))).expected(Map.of("a", c.getKey()))));
    }
  }

  @Test
  void expected_unknownComparisonOperator_throwsValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value 'LIKE' at"
        + " 'expected.a.member.comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set:"
        + " [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]",
        () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("never-written"))).expected(Map.of("a",
            ExpectedAttributeValue.builder().comparisonOperator("LIKE").attributeValueList(s("x")).build()))));
  }

  /** The call fails with this clause, bare or inside the envelope (no capture pins the envelope for it). */
  private static void assertRefusedAnyEnvelope(String clause, org.junit.jupiter.api.function.Executable call) {
    var e = assertDynamoError("ValidationException", null, call);
    String message = e.awsErrorDetails().errorMessage();
    assertTrue(message.equals(clause) || message.equals(ONE + clause), message);
  }

  @Test
  void conditionalOperator_withoutTwoExpectedConditions_throwsValidation() {
    assertRefusedAnyEnvelope("ConditionalOperator cannot be used without Filter or Expected",
        () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("never-written")))
            .conditionalOperator(ConditionalOperator.OR)));
    assertRefusedAnyEnvelope("ConditionalOperator can only be used when Filter or Expected has two or more elements",
        () -> dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("never-written")))
            .expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build()))
            .conditionalOperator(ConditionalOperator.AND)));
  }

  @Test
  void conditionValue_malformedNumber_throwsValidationInsideTheEnvelope() {
    assertPutError(ONE + "The parameter cannot be converted to a numeric value: abc", "attribute_not_exists(pk) OR n = :v",
        null, Map.of(":v", n("abc")));
  }
}
