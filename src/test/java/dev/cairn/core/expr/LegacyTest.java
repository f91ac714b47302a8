package dev.cairn.core.expr;

import static dev.cairn.core.expr.Av.assertValidation;
import static dev.cairn.core.expr.Av.item;
import static dev.cairn.core.expr.Av.l;
import static dev.cairn.core.expr.Av.m;
import static dev.cairn.core.expr.Av.n;
import static dev.cairn.core.expr.Av.s;
import static dev.cairn.core.expr.Av.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.expr.Legacy.AttributeUpdate;
import dev.cairn.core.expr.Legacy.ExpectedAttribute;
import dev.cairn.core.expr.Legacy.LegacyCondition;
import dev.cairn.core.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Legacy parameters translated into expression ASTs. */
class LegacyTest {
  private static final Map<String, AttributeValue> ITEM = item("a", n("5"), "s", s("hello"), "ss", ss("x", "y"),
      "a.b", s("dotted"));

  private static Map<String, ExpectedAttribute> expected(Object... kv) {
    Map<String, ExpectedAttribute> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], (ExpectedAttribute) kv[i + 1]);
    }
    return out;
  }

  private static Map<String, LegacyCondition> conds(Object... kv) {
    Map<String, LegacyCondition> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], (LegacyCondition) kv[i + 1]);
    }
    return out;
  }

  private static LegacyCondition c(String op, AttributeValue... values) {
    return new LegacyCondition(op, values.length == 0 ? null : List.of(values));
  }

  @Test
  void expected_valueWithoutExists_meansEquals() {
    Condition cond = Legacy.expected(expected("a", new ExpectedAttribute(null, n("5"), null, null)), null);
    assertTrue(ConditionEvaluator.evaluate(cond, ITEM));
  }

  @Test
  void expected_existsFalse_meansAbsent() {
    Condition cond = Legacy.expected(expected("zz", new ExpectedAttribute(false, null, null, null)), null);
    assertTrue(ConditionEvaluator.evaluate(cond, ITEM));
    assertFalse(ConditionEvaluator.evaluate(
        Legacy.expected(expected("a", new ExpectedAttribute(false, null, null, null)), null), ITEM));
  }

  @Test
  void expected_namesAreLiteral() {
    Condition cond = Legacy.expected(expected("a.b", new ExpectedAttribute(true, s("dotted"), null, null)), null);
    assertTrue(ConditionEvaluator.evaluate(cond, ITEM));
  }

  @Test
  void expected_comparisonOperators_evaluate() {
    assertTrue(ConditionEvaluator.evaluate(Legacy.expected(expected(
        "a", new ExpectedAttribute(null, null, "BETWEEN", List.of(n("1"), n("9"))),
        "s", new ExpectedAttribute(null, null, "BEGINS_WITH", List.of(s("he"))),
        "ss", new ExpectedAttribute(null, null, "CONTAINS", List.of(s("x"))),
        "zz", new ExpectedAttribute(null, null, "NULL", null)), null), ITEM));
    assertTrue(ConditionEvaluator.evaluate(Legacy.expected(expected(
        "a", new ExpectedAttribute(null, s("x"), "NE", null)), null), ITEM));
  }

  @Test
  void expected_conditionalOperatorOr_needsOne() {
    Map<String, ExpectedAttribute> e = expected(
        "a", new ExpectedAttribute(null, n("6"), null, null),
        "s", new ExpectedAttribute(null, s("hello"), null, null));
    assertFalse(ConditionEvaluator.evaluate(Legacy.expected(e, "AND"), ITEM));
    assertTrue(ConditionEvaluator.evaluate(Legacy.expected(e, "OR"), ITEM));
  }

  @Test
  void expected_emptyOrNull_isNoCondition() {
    assertNull(Legacy.expected(null, null));
    assertNull(Legacy.expected(Map.of(), null));
  }

  @Test
  void expected_conditionalOperatorWithFewerThanTwoConditions_throwsValidation() {
    assertValidation("ConditionalOperator cannot be used without Filter or Expected", () -> Legacy.expected(Map.of(), "OR"));
    assertValidation("ConditionalOperator cannot be used without Filter or Expected", () -> Legacy.expected(null, "AND"));
    assertValidation("ConditionalOperator can only be used when Filter or Expected has two or more elements",
        () -> Legacy.expected(expected("a", new ExpectedAttribute(false, null, null, null)), "AND"));
  }

  @Test
  void expected_invalidCombinations_throwValidation() {
    assertValidation("One or more parameter values were invalid: Value must be provided when Exists is true for "
        + "Attribute: a", () -> Legacy.expected(expected("a", new ExpectedAttribute(true, null, null, null)), null));
    assertValidation("One or more parameter values were invalid: Value must be provided when Exists is null for "
        + "Attribute: a", () -> Legacy.expected(expected("a", new ExpectedAttribute(null, null, null, null)), null));
    assertValidation("One or more parameter values were invalid: Value cannot be used when Exists is false for "
        + "Attribute: a", () -> Legacy.expected(expected("a", new ExpectedAttribute(false, n("1"), null, null)), null));
    assertValidation("One or more parameter values were invalid: Exists and ComparisonOperator cannot be used "
        + "together for Attribute: a",
        () -> Legacy.expected(expected("a", new ExpectedAttribute(true, n("1"), "EQ", null)), null));
    assertValidation("One or more parameter values were invalid: Value and AttributeValueList cannot be used "
        + "together for Attribute: a",
        () -> Legacy.expected(expected("a", new ExpectedAttribute(null, n("1"), "EQ", List.of(n("1")))), null));
    assertValidation("One or more parameter values were invalid: AttributeValueList can only be used with a "
        + "ComparisonOperator for Attribute: a",
        () -> Legacy.expected(expected("a", new ExpectedAttribute(null, null, null, List.of(n("1")))), null));
    assertValidation("One or more parameter values were invalid: Value or AttributeValueList must be used with "
        + "ComparisonOperator: EQ for Attribute: a",
        () -> Legacy.expected(expected("a", new ExpectedAttribute(null, null, "EQ", null)), null));
    assertValidation("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN "
        + "ComparisonOperator",
        () -> Legacy.expected(expected("a", new ExpectedAttribute(null, null, "BETWEEN", List.of(n("1")))), null));
  }

  @Test
  void filter_translatesAndValidates() {
    Condition cond = Legacy.filter(conds("a", c("GT", n("4")), "s", c("NOT_NULL")), null);
    assertTrue(ConditionEvaluator.evaluate(cond, ITEM));
    assertTrue(ConditionEvaluator.evaluate(Legacy.filter(conds("a", c("IN", n("1"), n("5"))), null), ITEM));
    assertTrue(ConditionEvaluator.evaluate(Legacy.filter(conds("ss", c("NOT_CONTAINS", s("q"))), null), ITEM));
    assertValidation("One or more parameter values were invalid: ComparisonOperator GT is not valid for SS "
        + "AttributeValue type", () -> Legacy.filter(conds("a", c("GT", ss("x"))), null));
    assertValidation("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be "
        + "of same type", () -> Legacy.filter(conds("a", c("IN", n("1"), s("x"))), null));
    assertValidation("The BETWEEN condition was provided a range where the lower bound is greater than the upper "
        + "bound", () -> Legacy.filter(conds("a", c("BETWEEN", n("9"), n("1"))), null));
    assertValidation("One or more parameter values were invalid: Invalid number of argument(s) for the NULL "
        + "ComparisonOperator", () -> Legacy.filter(conds("a", c("NULL", n("9"))), null));
  }

  @Test
  void keyConditions_decompose() {
    KeyCondition k = Legacy.keyConditions(conds("sk", c("BEGINS_WITH", s("a")), "pk", c("EQ", s("p"))),
        new KeyAttributes("pk", "sk"));
    assertEquals(s("p"), k.partitionKeyValue());
    assertEquals(KeyCondition.SortOperator.BEGINS_WITH, k.sortKey().operator());
  }

  @Test
  void keyConditions_errors() {
    KeyAttributes schema = new KeyAttributes("pk", "sk");
    assertValidation("Conditions can be of length 1 or 2 only", () -> Legacy.keyConditions(
        conds("pk", c("EQ", s("p")), "sk", c("EQ", s("a")), "x", c("EQ", s("a"))), schema));
    assertValidation("Attempted conditional constraint is not an indexable operation",
        () -> Legacy.keyConditions(conds("pk", c("EQ", s("p")), "sk", c("CONTAINS", s("a"))), schema));
    assertValidation("Query key condition not supported",
        () -> Legacy.keyConditions(conds("pk", c("GT", s("p"))), schema));
    assertValidation("Query condition missed key schema element: pk",
        () -> Legacy.keyConditions(conds("sk", c("EQ", s("p"))), schema));
    assertValidation("The attempted filter operation is not supported for the provided filter argument count",
        () -> Legacy.keyConditions(conds("pk", c("EQ", s("p"), s("q"))), schema));
  }

  @Test
  void attributeUpdates_translateToUpdateExpression() {
    Map<String, AttributeUpdate> u = new LinkedHashMap<>();
    u.put("p", new AttributeUpdate(null, s("put")));
    u.put("a", new AttributeUpdate("ADD", n("2")));
    u.put("ss", new AttributeUpdate("DELETE", ss("x")));
    u.put("s", new AttributeUpdate("DELETE", null));
    u.put("l", new AttributeUpdate("ADD", l(n("1"))));
    UpdateApplier.Result r = UpdateApplier.apply(Legacy.attributeUpdates(u), ITEM);
    assertEquals(item("a", n("7"), "ss", ss("y"), "a.b", s("dotted"), "p", s("put"), "l", l(n("1"))), r.newItem());
  }

  @Test
  void attributeUpdates_addListAppendsToExisting() {
    UpdateApplier.Result r = UpdateApplier.apply(
        Legacy.attributeUpdates(Map.of("l", new AttributeUpdate("ADD", l(n("2"))))), item("l", l(n("1"))));
    assertEquals(l(n("1"), n("2")), r.newItem().get("l"));
  }

  @Test
  void attributeUpdates_invalid_throwValidation() {
    assertValidation("One or more parameter values were invalid: Only DELETE action is allowed when no attribute "
        + "value is specified", () -> Legacy.attributeUpdates(Map.of("a", new AttributeUpdate("PUT", null))));
    assertValidation("One or more parameter values were invalid: DELETE action with value is not supported for the "
        + "type S", () -> Legacy.attributeUpdates(Map.of("a", new AttributeUpdate("DELETE", s("x")))));
    assertValidation("One or more parameter values were invalid: ADD action is not supported for the type M",
        () -> Legacy.attributeUpdates(Map.of("a", new AttributeUpdate("ADD", m()))));
  }

  @Test
  void attributesToGet_projectsTopLevelNamesLiterally() {
    assertEquals(item("a.b", s("dotted"), "s", s("hello")),
        Projector.project(Legacy.attributesToGet(List.of("s", "a.b", "nope")), ITEM));
  }

  @Test
  void checkNotMixed_bothKinds_throwsValidation() {
    assertValidation("Can not use both expression and non-expression parameters in the same request: "
        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
        () -> Legacy.checkNotMixed(List.of("AttributesToGet"), List.of("ProjectionExpression")));
    assertValidation("Can not use both expression and non-expression parameters in the same request: "
        + "Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression}",
        () -> Legacy.checkNotMixed(List.of("AttributeUpdates", "Expected"), List.of("UpdateExpression")));
    Legacy.checkNotMixed(List.of(), List.of("UpdateExpression"));
    Legacy.checkNotMixed(List.of("Expected"), List.of());
  }

  @Test
  void checkAttributeMaps_namesWithoutExpressions_throwsValidation() {
    assertValidation("ExpressionAttributeNames can only be specified when using expressions",
        () -> Legacy.checkAttributeMaps(true, false, List.of(), List.of("FilterExpression")));
    Legacy.checkAttributeMaps(true, false, List.of("ProjectionExpression"), List.of("FilterExpression"));
  }

  @Test
  void checkAttributeMaps_valuesWithoutValueExpressions_throwsValidation() {
    assertValidation("ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and "
        + "ConditionExpression are null", () -> Legacy.checkAttributeMaps(false, true, List.of(),
            List.of("UpdateExpression", "ConditionExpression")));
    assertValidation("ExpressionAttributeValues can only be specified when using expressions: FilterExpression is "
        + "null", () -> Legacy.checkAttributeMaps(false, true, List.of("ProjectionExpression"),
            List.of("FilterExpression")));
    Legacy.checkAttributeMaps(true, true, List.of("ConditionExpression"),
        List.of("UpdateExpression", "ConditionExpression"));
  }
}
