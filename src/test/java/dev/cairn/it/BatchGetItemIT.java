package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchGetItem as the service answers it: items of several tables in one call, projections, the 100-key and 16 MB
 * limits (the rest in UnprocessedKeys, with the table's parameters), ConsumedCapacity per table, and the service's
 * validation errors in its order (request checks before table lookups, tables before key schemas).
 */
class BatchGetItemIT {
  static DynamoDbClient dynamo;
  static String users;
  static String events;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    users = ItemTables.create(dynamo, ItemTables.uniqueName("bg-users"), "id", ScalarAttributeType.S, null, null);
    events = ItemTables.create(dynamo, ItemTables.uniqueName("bg-events"), "pk", ScalarAttributeType.S, "n",
        ScalarAttributeType.N);
    dynamo.putItem(b -> b.tableName(users).item(item("id", s("alice"), "age", n("31"), "city", s("Lyon"))));
    dynamo.putItem(b -> b.tableName(users).item(item("id", s("bob"), "age", n("42"))));
    dynamo.putItem(b -> b.tableName(events).item(item("pk", s("e"), "n", n("1"), "what", s("login"))));
    dynamo.putItem(b -> b.tableName(events).item(item("pk", s("e"), "n", n("2"), "what", s("logout"))));
  }

  private static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
    return KeysAndAttributes.builder().keys(keys).build();
  }

  private static Set<String> ids(List<Map<String, AttributeValue>> items, String attribute) {
    return items.stream().map(i -> i.get(attribute).s() != null ? i.get(attribute).s() : i.get(attribute).n())
        .collect(Collectors.toSet());
  }

  @Test
  void batchGet_severalTables_returnsFoundItemsAndAnEmptyUnprocessedKeys() {
    BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(Map.of(
        users, keys(List.of(item("id", s("alice")), item("id", s("nobody")), item("id", s("bob")))),
        events, keys(List.of(item("pk", s("e"), "n", n("2")), item("pk", s("e"), "n", n("3")))))));
    assertEquals(Set.of("alice", "bob"), ids(r.responses().get(users), "id"));
    assertEquals(List.of(item("pk", s("e"), "n", n("2"), "what", s("logout"))), r.responses().get(events));
    assertTrue(r.hasUnprocessedKeys(), "UnprocessedKeys is sent even when empty");
    assertEquals(Map.of(), r.unprocessedKeys());
    assertFalse(r.hasConsumedCapacity());
  }

  @Test
  void batchGet_noKeyFound_answersAnEmptyListForTheTable() {
    BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(Map.of(users,
        keys(List.of(item("id", s("ghost")))))));
    assertEquals(List.of(), r.responses().get(users));
    assertTrue(r.responses().containsKey(users));
  }

  @Test
  void batchGet_projections_applyPerTable() {
    BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(Map.of(
        users, KeysAndAttributes.builder().keys(item("id", s("alice")), item("id", s("bob")))
            .projectionExpression("#c, age").expressionAttributeNames(Map.of("#c", "city")).build(),
        events, KeysAndAttributes.builder().keys(item("pk", s("e"), "n", n("1"))).attributesToGet("what")
            .consistentRead(true).build())));
    List<Map<String, AttributeValue>> u = r.responses().get(users);
    assertEquals(2, u.size());
    assertTrue(u.contains(item("city", s("Lyon"), "age", n("31"))));
    assertTrue(u.contains(item("age", n("42"))));
    assertEquals(List.of(item("what", s("login"))), r.responses().get(events));
  }

  @Test
  void batchGet_projectionOfAbsentAttributes_returnsAnEmptyItem() {
    BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(Map.of(users,
        KeysAndAttributes.builder().keys(item("id", s("bob"))).projectionExpression("city").build())));
    assertEquals(List.of(Map.of()), r.responses().get(users));
  }

  @Test
  void batchGet_consumedCapacity_perItemPerTable() {
    String t = ItemTables.create(dynamo, ItemTables.uniqueName("bg-cap"), "id", ScalarAttributeType.S, null, null);
    // 5000 bytes: two 4 KB units; the small item and the missing key cost one unit each.
    dynamo.putItem(b -> b.tableName(t).item(item("id", s("big"), "b", s("x".repeat(4995)))));
    dynamo.putItem(b -> b.tableName(t).item(item("id", s("small"))));
    Map<String, KeysAndAttributes> eventual = Map.of(
        t, keys(List.of(item("id", s("big")), item("id", s("small")), item("id", s("missing")))),
        users, keys(List.of(item("id", s("missing")))));
    BatchGetItemResponse total = dynamo.batchGetItem(b -> b.requestItems(eventual)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    Map<String, ConsumedCapacity> byTable = byTable(total.consumedCapacity());
    assertEquals(2, total.consumedCapacity().size());
    assertEquals(2.0, byTable.get(t).capacityUnits());
    assertEquals(0.5, byTable.get(users).capacityUnits());
    assertNull(byTable.get(t).table());

    Map<String, KeysAndAttributes> consistent = Map.of(
        t, KeysAndAttributes.builder().keys(item("id", s("big")), item("id", s("small")), item("id", s("missing")))
            .consistentRead(true).build());
    BatchGetItemResponse indexes = dynamo.batchGetItem(b -> b.requestItems(consistent)
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
    ConsumedCapacity c = indexes.consumedCapacity().get(0);
    assertEquals(t, c.tableName());
    assertEquals(4.0, c.capacityUnits());
    assertEquals(4.0, c.table().capacityUnits());
  }

  private static Map<String, ConsumedCapacity> byTable(List<ConsumedCapacity> list) {
    Map<String, ConsumedCapacity> m = new HashMap<>();
    list.forEach(c -> m.put(c.tableName(), c));
    return m;
  }

  @Test
  void batchGet_past16MB_returnsTheRestInUnprocessedKeysWithTheTableParameters() {
    String t = ItemTables.create(dynamo, ItemTables.uniqueName("bg-big"), "id", ScalarAttributeType.S, null, null);
    String big = "b".repeat(399_990);
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      all.add(item("id", s(String.format("k%02d", i))));
    }
    for (int from = 0; from < all.size(); from += 25) {
      List<WriteRequest> puts = new ArrayList<>();
      for (Map<String, AttributeValue> key : all.subList(from, from + 25)) {
        Map<String, AttributeValue> it = new HashMap<>(key);
        it.put("big", s(big));
        puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(it).build()).build());
      }
      assertEquals(Map.of(), dynamo.batchWriteItem(b -> b.requestItems(Map.of(t, puts))).unprocessedItems());
    }
    KeysAndAttributes asked = KeysAndAttributes.builder().keys(all).consistentRead(true)
        .projectionExpression("#k, big").expressionAttributeNames(Map.of("#k", "id")).build();
    BatchGetItemResponse first = dynamo.batchGetItem(b -> b.requestItems(Map.of(t, asked)));
    int got = first.responses().get(t).size();
    // Each item is 400,000 bytes: 41 fit in 16 MiB.
    assertEquals(41, got);
    KeysAndAttributes rest = first.unprocessedKeys().get(t);
    assertEquals(9, rest.keys().size());
    assertEquals(true, rest.consistentRead());
    assertEquals("#k, big", rest.projectionExpression());
    assertEquals(Map.of("#k", "id"), rest.expressionAttributeNames());

    BatchGetItemResponse second = dynamo.batchGetItem(b -> b.requestItems(first.unprocessedKeys()));
    assertEquals(Map.of(), second.unprocessedKeys());
    Set<String> seen = new HashSet<>(ids(first.responses().get(t), "id"));
    seen.addAll(ids(second.responses().get(t), "id"));
    assertEquals(50, seen.size());
  }

  // ------------------------------------------------------------------ validation

  @Test
  void batchGet_101KeysOverTwoTables_isTooMany_beforeAnyTableLookup() {
    List<Map<String, AttributeValue>> hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundred.add(item("a", s(String.valueOf(i))));
    }
    assertDynamoError("ValidationException", "Too many items requested for the BatchGetItem call",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of("nosuch1", keys(hundred),
            "nosuch2", keys(List.of(item("a", s("100"))))))));
  }

  @Test
  void batchGet_101KeysInOneTable_failsTheKeysLengthConstraint() {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      keys.add(item("a", s(String.valueOf(i))));
    }
    var e = assertDynamoError("ValidationException", null,
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of("abc", keys(keys)))));
    String m = e.awsErrorDetails().errorMessage();
    assertTrue(m.startsWith("1 validation error detected: Value '["), m);
    assertTrue(m.endsWith("]' at 'requestItems.abc.member.keys' failed to satisfy constraint: "
        + "Member must have length less than or equal to 100"), m);
  }

  @Test
  void batchGet_exactly100KeysOnAMissingTable_isResourceNotFound() {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      keys.add(item("a", s(String.valueOf(i))));
    }
    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of("nosuch-table", keys(keys)))));
  }

  @Test
  void batchGet_duplicateKeys_areRejectedBeforeTheTableLookup() {
    assertDynamoError("ValidationException", "Provided list of item keys contains duplicates",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of("nosuch-table",
            keys(List.of(item("a", s("x"), "b", n("1")), item("b", n("1.0"), "a", s("x"))))))));
  }

  @Test
  void batchGet_emptyRequestItems_failsTheLengthConstraint() {
    assertDynamoError("ValidationException", "1 validation error detected: Value '{}' at 'requestItems' failed to "
        + "satisfy constraint: Member must have length greater than or equal to 1",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of())));
  }

  @Test
  void batchGet_emptyKeys_failsTheLengthConstraint() {
    assertDynamoError("ValidationException", "1 validation error detected: Value '[]' at 'requestItems."
        + users + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(users, keys(List.of())))));
  }

  @Test
  void batchGet_shortTableName_failsTheMapKeysConstraint() {
    var e = assertDynamoError("ValidationException", null,
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of("a", keys(List.of(item("a", s("a"))))))));
    assertTrue(e.awsErrorDetails().errorMessage().endsWith("at 'requestItems' failed to satisfy constraint: Map keys"
        + " must satisfy constraint: [Member must have length less than or equal to 255, Member must have length"
        + " greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]"));
  }

  @Test
  void batchGet_keyNotMatchingTheSchema_isRejected() {
    for (Map<String, AttributeValue> bad : List.of(item("id", n("1")), item("other", s("x")),
        item("id", s("a"), "extra", s("b")))) {
      assertDynamoError("ValidationException", "The provided key element does not match the schema",
          () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(users, keys(List.of(item("id", s("alice")), bad))))));
    }
    assertDynamoError("ValidationException", "The provided key element does not match the schema",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(events, keys(List.of(item("pk", s("e"))))))));
  }

  @Test
  void batchGet_oneMissingTable_isResourceNotFound_evenWithAnotherThatExists() {
    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(users, keys(List.of(item("id", s("alice")))),
            "nosuch-table", keys(List.of(item("id", s("x"))))))));
  }

  @Test
  void batchGet_projectionExpressionAndAttributesToGet_cannotBeMixed() {
    assertDynamoError("ValidationException", "Can not use both expression and non-expression parameters in the same "
        + "request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(users, KeysAndAttributes.builder()
            .keys(item("id", s("alice"))).attributesToGet("age").projectionExpression("age").build()))));
  }

  @Test
  void batchGet_expressionAttributeNamesWithoutProjection_isRejected() {
    assertDynamoError("ValidationException", "ExpressionAttributeNames can only be specified when using expressions",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(users, KeysAndAttributes.builder()
            .keys(item("id", s("alice"))).expressionAttributeNames(Map.of("#a", "age")).build()))));
  }

  @Test
  void batchGet_unusedExpressionAttributeName_isRejected() {
    assertDynamoError("ValidationException", "Value provided in ExpressionAttributeNames unused in expressions: "
        + "keys: {#b}",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(users, KeysAndAttributes.builder()
            .keys(item("id", s("alice"))).projectionExpression("#a")
            .expressionAttributeNames(Map.of("#a", "age", "#b", "city")).build()))));
  }

  @Test
  void batchGet_duplicateAttributesToGet_isRejected() {
    assertDynamoError("ValidationException",
        "One or more parameter values were invalid: Duplicate value in attribute name: age",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(users, KeysAndAttributes.builder()
            .keys(item("id", s("alice"))).attributesToGet("age", "age").build()))));
  }

  @Test
  void batchGet_duplicateSetMembersInAKey_areWordedAsGetItemWordsThem() {
    assertDynamoError("ValidationException",
        "One or more parameter values were invalid: Input collection [\"a\", \"b\", \"b\"] contains duplicates.",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(users,
            keys(List.of(item("id", AttributeValue.fromSs(List.of("b", "a", "b")))))))));
  }

  @Test
  void batchGet_badReturnConsumedCapacity_failsTheEnumConstraint() {
    assertDynamoError("ValidationException", "1 validation error detected: Value 'LOTS' at 'returnConsumedCapacity' "
        + "failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
        () -> dynamo.batchGetItem(b -> b.requestItems(Map.of(users, keys(List.of(item("id", s("alice"))))))
            .returnConsumedCapacity("LOTS")));
  }
}
