package dev.cairn.core.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decomposition of key conditions on a multi-attribute GSI key: HASH h1, h2; RANGE a, b, c. */
class CompositeKeyConditionTest {
  private static final List<String> HASH = List.of("h1", "h2");
  private static final List<String> RANGE = List.of("a", "b", "c");

  private static CompositeKeyCondition of(String expression) {
    Map<String, AttributeValue> values = new HashMap<>();
    for (String v : List.of(":x", ":y", ":z")) {
      values.put(v, new AttributeValue.S(v.substring(1)));
    }
    ExpressionContext ctx = ExpressionContext.of(null, values);
    Condition c = ctx.condition(ExpressionKind.KEY_CONDITION, expression);
    KeyCondition.checkShape(c);
    return CompositeKeyCondition.of(c, HASH, RANGE);
  }

  private static void assertError(String message, String expression) {
    DynamoException e = assertThrows(DynamoException.class, () -> of(expression));
    assertEquals(message, e.getMessage());
  }

  @Test
  void of_equalityPrefixAndLastCondition_inSchemaOrder() {
    CompositeKeyCondition c = of("b > :z AND h2 = :y AND a = :x AND h1 = :x");
    assertEquals(List.of("h1", "h2"), c.partition().stream().map(CompositeKeyCondition.Equality::name).toList());
    assertEquals(List.of("a"), c.sortPrefix().stream().map(CompositeKeyCondition.Equality::name).toList());
    assertEquals("b", c.last().name());
    assertEquals(KeyCondition.SortOperator.GT, c.last().operator());
    CompositeKeyCondition hashOnly = of("h1 = :x AND h2 = :y");
    assertNull(hashOnly.last());
    assertEquals(List.of(), hashOnly.sortPrefix());
  }

  @Test
  void of_errors_inTheServiceOrder() {
    assertError("Query key condition not supported", "h1 > :x AND h2 = :y");
    assertError("Query condition missed key schema element: h2", "h1 = :x AND a = :x");
    assertError("Query key condition not supported", "h1 = :x AND h2 = :x AND extra = :x");
    assertError("RANGE key attributes a must have equality conditions specified in the query because a condition is"
        + " present on key attribute b", "h1 = :x AND h2 = :x AND b = :x");
    assertError("RANGE key attributes a must have equality conditions specified in the query because a condition is"
        + " present on key attribute b", "h1 = :x AND h2 = :x AND begins_with(a, :x) AND b = :x");
    assertError("RANGE key attributes b must have equality conditions specified in the query because a condition is"
        + " present on key attribute c", "h1 = :x AND h2 = :x AND a = :x AND c = :x");
  }

  @Test
  void checkTypes_checksEveryValue() {
    CompositeKeyCondition c = of("h1 = :x AND h2 = :y AND a = :x AND b BETWEEN :x AND :y");
    c.checkTypes(name -> AttributeType.S);
    DynamoException e = assertThrows(DynamoException.class,
        () -> c.checkTypes(name -> name.equals("b") ? AttributeType.N : AttributeType.S));
    assertEquals("One or more parameter values were invalid: Condition parameter type does not match schema type",
        e.getMessage());
  }
}
