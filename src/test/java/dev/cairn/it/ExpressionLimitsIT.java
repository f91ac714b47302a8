package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The 4 KB limit on every expression parameter, measured on the raw text as sent (placeholders not substituted):
 * 4096 bytes pass and are applied, 4097 are refused. The words around "Expression size has exceeded the maximum
 * allowed size" (envelope, size tail) vary by operation and region, so only that phrase is pinned. Source: Developer
 * Guide, "Expression parameters" quotas; captures in the conformance suite (limits/expressionSize.test.ts).
 */
class ExpressionLimitsIT {
  static final int LIMIT = 4096;
  static final String SIZE = "Expression size has exceeded the maximum allowed size";
  static DynamoDbClient dynamo;
  static String table;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    table = ItemTables.create(dynamo, ItemTables.uniqueName("expr-limits"), "pk", ScalarAttributeType.S, null, null);
  }

  /** A 50-character attribute name, never a reserved word; {@code len} stretches it. */
  private static String name(int i, int len) {
    String suffix = "x" + i;
    return "a".repeat(len - suffix.length()) + suffix;
  }

  /** Clauses joined to exactly {@code target} bytes; the last clause's name is stretched to land on the byte. */
  private static List<String> clauses(int target, String prefix, String joiner, BiFunction<Integer, Integer, String> clause) {
    List<String> parts = new ArrayList<>();
    int total = prefix.length();
    for (int i = 0; ; i++) {
      String c = clause.apply(i, 50);
      int add = (parts.isEmpty() ? 0 : joiner.length()) + c.length();
      if (total + add > target) {
        break;
      }
      parts.add(c);
      total += add;
    }
    int shortBy = target - total;
    if (shortBy > 0) {
      parts.set(parts.size() - 1, clause.apply(parts.size() - 1, 50 + shortBy));
    }
    assertEquals(target, (prefix + String.join(joiner, parts)).getBytes(StandardCharsets.UTF_8).length);
    return parts;
  }

  private static void assertTooLarge(Executable call) {
    var e = assertDynamoError("ValidationException", null, call);
    assertTrue(e.awsErrorDetails().errorMessage().contains(SIZE), e.awsErrorDetails().errorMessage());
  }

  private static String condition(int bytes) {
    return String.join(" AND ", clauses(bytes, "", " AND ", (i, n) -> "attribute_not_exists(" + name(i, n) + ")"));
  }

  @Test
  void conditionExpression_at4096Bytes_isEvaluatedAndAt4097Refused() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("cond-at"))).conditionExpression(condition(LIMIT)));
    assertTrue(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("cond-at"))).consistentRead(true)).hasItem());
    assertTooLarge(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("cond-over")))
        .conditionExpression(condition(LIMIT + 1))));
  }

  private static void update(String key, int bytes) {
    List<String> parts = clauses(bytes, "SET ", ", ", (i, n) -> name(i, n) + " = :v" + i);
    Map<String, AttributeValue> values = new HashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      values.put(":v" + i, s("x"));
    }
    dynamo.updateItem(b -> b.tableName(table).key(item("pk", s(key))).updateExpression("SET " + String.join(", ", parts))
        .expressionAttributeValues(values));
  }

  @Test
  void updateExpression_at4096Bytes_isAppliedAndAt4097Refused() {
    update("upd-at", LIMIT);
    assertEquals(s("x"), dynamo.getItem(b -> b.tableName(table).key(item("pk", s("upd-at"))).consistentRead(true))
        .item().get(name(0, 50)));
    assertTooLarge(() -> update("upd-over", LIMIT + 1));
  }

  @Test
  void projectionExpression_at4096Bytes_isAppliedAndAt4097Refused() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("proj"), name(0, 50), s("present"))));
    String at = String.join(", ", clauses(LIMIT, "", ", ", (i, n) -> name(i, n)));
    assertEquals(item(name(0, 50), s("present")), dynamo.getItem(b -> b.tableName(table).key(item("pk", s("proj")))
        .projectionExpression(at)).item());
    String over = String.join(", ", clauses(LIMIT + 1, "", ", ", (i, n) -> name(i, n)));
    assertTooLarge(() -> dynamo.getItem(b -> b.tableName(table).key(item("pk", s("proj"))).projectionExpression(over)));
  }

  @Test
  void projectionExpression_sizeIsMeasuredBeforeSubstitution() {
    Map<String, String> names = new HashMap<>();
    List<String> aliases = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      aliases.add("#a" + i);
      names.put("#a" + i, "n".repeat(246) + "q" + i);
    }
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("alias"), "real", s("y"))));
    // About 7.5 KB once substituted, 168 bytes as sent: accepted; nothing matches, so the item comes back empty.
    assertEquals(Map.of(), dynamo.getItem(b -> b.tableName(table).key(item("pk", s("alias")))
        .projectionExpression(String.join(", ", aliases)).expressionAttributeNames(names)).item());
  }
}
