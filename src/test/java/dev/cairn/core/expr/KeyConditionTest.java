package dev.cairn.core.expr;

import static dev.cairn.core.expr.Av.assertValidation;
import static dev.cairn.core.expr.Av.item;
import static dev.cairn.core.expr.Av.n;
import static dev.cairn.core.expr.Av.names;
import static dev.cairn.core.expr.Av.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.expr.KeyCondition.SortOperator;
import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Key condition expressions: decomposition for storage and the service's errors. */
class KeyConditionTest {
  private static final KeyAttributes PK_SK = new KeyAttributes("pk", "sk");
  private static final Map<String, AttributeValue> VALUES = item(":p", s("p1"), ":a", s("a"), ":z", s("z"));

  private static KeyCondition key(String text) {
    return key(text, PK_SK);
  }

  private static KeyCondition key(String text, KeyAttributes schema) {
    Map<String, AttributeValue> used = new java.util.LinkedHashMap<>();
    VALUES.forEach((k, v) -> {
      if (text.contains(k)) {
        used.put(k, v);
      }
    });
    return ExpressionContext.of(null, used.isEmpty() ? null : used).keyCondition(text, schema);
  }

  @Test
  void keyCondition_partitionOnly_hasNoSortRange() {
    KeyCondition k = key("pk = :p");
    assertEquals("pk", k.partitionKeyName());
    assertEquals(s("p1"), k.partitionKeyValue());
    assertNull(k.sortKey());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "pk = :p AND sk = :a|EQ",
      "pk = :p AND sk < :a|LT",
      "pk = :p AND sk <= :a|LE",
      "pk = :p AND sk > :a|GT",
      "pk = :p AND sk >= :a|GE",
      "pk = :p AND :a < sk|GT",
      "pk = :p AND :a >= sk|LE",
      "sk > :a AND pk = :p|GT",
      "(pk = :p) AND (sk > :a)|GT",
      "pk = :p AND begins_with(sk, :a)|BEGINS_WITH",
  })
  void keyCondition_sortOperators_normalizeToKeyFirst(String text, SortOperator op) {
    KeyCondition k = key(text);
    assertEquals(op, k.sortKey().operator());
    assertEquals(List.of(s("a")), k.sortKey().values());
    assertEquals(s("p1"), k.partitionKeyValue());
  }

  @Test
  void keyCondition_between_hasTwoValues() {
    KeyCondition k = key("pk = :p AND sk BETWEEN :a AND :z");
    assertEquals(SortOperator.BETWEEN, k.sortKey().operator());
    assertEquals(List.of(s("a"), s("z")), k.sortKey().values());
  }

  @Test
  void keyCondition_placeholderNames_resolve() {
    KeyCondition k = ExpressionContext.of(names("#k", "status"), item(":p", s("p1")))
        .keyCondition("#k = :p", KeyAttributes.hashOnly("status"));
    assertEquals("status", k.partitionKeyName());
  }

  @Test
  void keyCondition_asCondition_matchesItems() {
    Condition c = key("pk = :p AND begins_with(sk, :a)").asCondition();
    assertTrue(ConditionEvaluator.evaluate(c, item("pk", s("p1"), "sk", s("abc"))));
    assertFalse(ConditionEvaluator.evaluate(c, item("pk", s("p1"), "sk", s("bcd"))));
    assertFalse(ConditionEvaluator.evaluate(c, item("pk", s("p2"), "sk", s("abc"))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "pk = :p OR sk = :a|Invalid operator used in KeyConditionExpression: OR",
      "NOT pk = :p|Invalid operator used in KeyConditionExpression: NOT",
      "pk IN (:p)|Invalid operator used in KeyConditionExpression: IN",
      "pk <> :p|Invalid operator used in KeyConditionExpression: <>",
      "pk = :p AND attribute_exists(sk)|Invalid operator used in KeyConditionExpression: attribute_exists",
      "pk = :p AND contains(sk, :a)|Invalid operator used in KeyConditionExpression: contains",
      "pk = :p AND size(sk) = :a|KeyConditionExpressions cannot contain nested operations",
      "pk.x = :p|KeyConditionExpressions cannot have conditions on nested attributes",
      "pk = :p AND sk[0] = :a|KeyConditionExpressions cannot have conditions on nested attributes",
      "pk = sk|Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
      ":p = :a|Invalid condition in KeyConditionExpression: No key attribute specified",
      "pk = :p AND pk = :a|KeyConditionExpressions must only contain one condition per key",
      "pk = :p AND sk > :a AND sk < :z|KeyConditionExpressions must only contain one condition per key",
      ":a BETWEEN sk AND :z|Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand",
      "begins_with(:a, sk)|Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand",
  })
  void keyCondition_invalidShape_throwsPrefixedValidation(String text, String detail) {
    assertValidation("Invalid KeyConditionExpression: " + detail, () -> key(text));
  }

  @Test
  void keyCondition_nonKeyAttribute_missesSortKey() {
    assertValidation("Query condition missed key schema element: sk", () -> key("pk = :p AND foo = :a"));
  }

  @Test
  void keyCondition_noPartitionKey_missesPartitionKey() {
    assertValidation("Query condition missed key schema element: pk", () -> key("foo = :a"));
    assertValidation("Query condition missed key schema element: pk", () -> key("sk = :a"));
  }

  @Test
  void keyCondition_partitionKeyNotEquality_isNotSupported() {
    assertValidation("Query key condition not supported", () -> key("pk > :p"));
    assertValidation("Query key condition not supported", () -> key("begins_with(pk, :p)"));
  }

  @Test
  void keyCondition_extraAttributeOnHashOnlyTable_isNotSupported() {
    assertValidation("Query key condition not supported", () -> key("pk = :p AND foo = :a", KeyAttributes.hashOnly("pk")));
  }

  @Test
  void keyCondition_beginsWithNumber_throwsOperandType() {
    assertValidation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or "
        + "function: begins_with, operand type: N",
        () -> ExpressionContext.of(null, item(":p", s("p"), ":n", n("1")))
            .keyCondition("pk = :p AND begins_with(sk, :n)", PK_SK));
  }

  @Test
  void keyCondition_reservedWordBeatsNested() {
    assertValidation("Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: data",
        () -> key("data.foo = :p"));
  }

  @Test
  void keyCondition_checkTypes_rejectsMismatch() {
    KeyCondition k = key("pk = :p AND sk BETWEEN :a AND :z");
    k.checkTypes(dev.cairn.core.model.AttributeType.S, dev.cairn.core.model.AttributeType.S);
    assertValidation("One or more parameter values were invalid: Condition parameter type does not match schema type",
        () -> k.checkTypes(dev.cairn.core.model.AttributeType.S, dev.cairn.core.model.AttributeType.N));
    assertValidation("One or more parameter values were invalid: Condition parameter type does not match schema type",
        () -> key("pk = :p").checkTypes(dev.cairn.core.model.AttributeType.B, null));
  }
}
