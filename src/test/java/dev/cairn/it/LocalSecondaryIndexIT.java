package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Local secondary indexes: the table's partition key with another sort key, maintained with every write, sparse,
 * projected (KEYS_ONLY, INCLUDE, ALL), queried with sort-key conditions and strongly consistent reads, with
 * attributes an index does not project fetched from the table (which the service allows on an LSI, not on a GSI).
 * Sources: Developer Guide, "Local secondary indexes" (Projected attributes, Reading data from a local secondary
 * index); API Reference, "Query".
 */
class LocalSecondaryIndexIT {
  static DynamoDbClient dynamo;
  static String table;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    table = "lsi-" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
            def("posted", ScalarAttributeType.S), def("score", ScalarAttributeType.N), def("lvl", ScalarAttributeType.N))
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .localSecondaryIndexes(
            lsi("byPosted", "posted", Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()),
            lsi("byScore", "score", Projection.builder().projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes("title").build()),
            lsi("byLvl", "lvl", Projection.builder().projectionType(ProjectionType.ALL).build())));
    String[][] rows = {
        // sk, posted, score, lvl, title, body
        {"a", "2026-03", "30", "1", "A", "alpha"},
        {"b", "2026-01", "10", "1", "B", "beta"},
        {"c", "2026-02", "20", "2", "C", "gamma"},
        {"d", "2026-02", null, "2", "D", "delta"}, // not in byScore
        {"e", null, "5", null, "E", "eps"}, // only in byScore
    };
    for (String[] r : rows) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("pk", s("p"));
      item.put("sk", s(r[0]));
      put(item, "posted", r[1] == null ? null : s(r[1]));
      put(item, "score", r[2] == null ? null : AttributeValue.fromN(r[2]));
      put(item, "lvl", r[3] == null ? null : AttributeValue.fromN(r[3]));
      item.put("title", s(r[4]));
      item.put("body", s(r[5]));
      dynamo.putItem(b -> b.tableName(table).item(item));
    }
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("other"), "sk", s("a"), "posted", s("2026-01"),
        "score", AttributeValue.fromN("1"), "lvl", AttributeValue.fromN("1"))));
  }

  private static void put(Map<String, AttributeValue> item, String name, AttributeValue v) {
    if (v != null) {
      item.put(name, v);
    }
  }

  private static LocalSecondaryIndex lsi(String name, String sortKey, Projection p) {
    return LocalSecondaryIndex.builder().indexName(name).keySchema(key("pk", KeyType.HASH), key(sortKey, KeyType.RANGE))
        .projection(p).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition def(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static QueryResponse query(String index, String condition, Map<String, AttributeValue> values,
      java.util.function.Consumer<QueryRequest.Builder> extra) {
    QueryRequest.Builder b = QueryRequest.builder().tableName(table).indexName(index)
        .keyConditionExpression(condition).expressionAttributeValues(values);
    extra.accept(b);
    return dynamo.query(b.build());
  }

  private static List<String> sks(List<Map<String, AttributeValue>> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("sk").s()));
    return out;
  }

  @Test
  void query_ordersByTheIndexSortKey_andIsSparse() {
    assertEquals(List.of("e", "b", "c", "a"), sks(query("byScore", "pk = :p", Map.of(":p", s("p")), b -> { })
        .items()));
    assertEquals(List.of("b", "c", "d", "a"), sks(query("byPosted", "pk = :p", Map.of(":p", s("p")), b -> { })
        .items()));
    assertEquals(List.of("a", "c", "b", "e"), sks(query("byScore", "pk = :p", Map.of(":p", s("p")),
        b -> b.scanIndexForward(false)).items()));
  }

  @Test
  void query_sortKeyConditions() {
    assertEquals(List.of("b", "c"), sks(query("byScore", "pk = :p AND score BETWEEN :lo AND :hi",
        Map.of(":p", s("p"), ":lo", AttributeValue.fromN("10"), ":hi", AttributeValue.fromN("20")), b -> { })
        .items()));
    assertEquals(List.of("a"), sks(query("byScore", "pk = :p AND score > :v",
        Map.of(":p", s("p"), ":v", AttributeValue.fromN("20")), b -> { }).items()));
    assertEquals(List.of("c", "d"), sks(query("byPosted", "pk = :p AND begins_with(posted, :m)",
        Map.of(":p", s("p"), ":m", s("2026-02")), b -> { }).items()));
    assertEquals(List.of("c", "d"), sks(query("byLvl", "pk = :p AND lvl = :v",
        Map.of(":p", s("p"), ":v", AttributeValue.fromN("2")), b -> { }).items()));
  }

  @Test
  void query_consistentReadIsAllowedOnALocalIndex() {
    QueryResponse r = query("byLvl", "pk = :p", Map.of(":p", s("p")), b -> b.consistentRead(true)
        .returnConsumedCapacity("TOTAL"));
    assertEquals(4, r.count());
    assertNotNull(r.consumedCapacity());
  }

  @Test
  void query_returnsTheProjectedAttributes() {
    Map<String, AttributeValue> p = Map.of(":p", s("p"));
    assertEquals(Set.of("pk", "sk", "posted"), query("byPosted", "pk = :p", p, b -> { }).items().get(0).keySet());
    assertEquals(Set.of("pk", "sk", "score", "title"), query("byScore", "pk = :p", p, b -> { }).items().get(0)
        .keySet());
    assertEquals(Set.of("pk", "sk", "posted", "score", "lvl", "title", "body"),
        query("byLvl", "pk = :p", p, b -> { }).items().get(0).keySet());
    assertEquals(Set.of("pk", "sk", "posted"), query("byPosted", "pk = :p", p,
        b -> b.select(Select.ALL_PROJECTED_ATTRIBUTES)).items().get(0).keySet());
  }

  @Test
  void query_attributesTheIndexLacks_areFetchedFromTheTable() {
    Map<String, AttributeValue> p = Map.of(":p", s("p"));
    Map<String, AttributeValue> first = query("byPosted", "pk = :p", p, b -> b.select(Select.ALL_ATTRIBUTES))
        .items().get(0);
    assertEquals("b", first.get("sk").s());
    assertEquals("beta", first.get("body").s());
    assertEquals(Set.of("pk", "sk", "posted", "score", "lvl", "title", "body"), first.keySet());
    Map<String, AttributeValue> projected = query("byScore", "pk = :p", p, b -> b.projectionExpression("sk, body"))
        .items().get(0);
    assertEquals(Map.of("sk", s("e"), "body", s("eps")), projected);
  }

  @Test
  void query_pagesCarryTheTableKeyAndTheIndexSortKey() {
    QueryResponse first = query("byLvl", "pk = :p", Map.of(":p", s("p")), b -> b.limit(1));
    assertEquals(Map.of("pk", s("p"), "sk", s("a"), "lvl", AttributeValue.fromN("1")), first.lastEvaluatedKey());
    List<String> all = new ArrayList<>();
    dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName("byLvl").limit(1)
        .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p"))).build())
        .items().forEach(i -> all.add(i.get("sk").s()));
    assertEquals(List.of("a", "b", "c", "d"), all);
  }

  @Test
  void writes_moveAndRemoveIndexEntries() {
    String t = table;
    dynamo.putItem(b -> b.tableName(t).item(Map.of("pk", s("w"), "sk", s("1"), "score", AttributeValue.fromN("1"))));
    dynamo.putItem(b -> b.tableName(t).item(Map.of("pk", s("w"), "sk", s("2"), "score", AttributeValue.fromN("2"))));
    Map<String, AttributeValue> w = Map.of(":p", s("w"));
    assertEquals(List.of("1", "2"), sks(query("byScore", "pk = :p", w, b -> { }).items()));
    dynamo.updateItem(b -> b.tableName(t).key(Map.of("pk", s("w"), "sk", s("1"))).updateExpression("SET score = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("3"))));
    assertEquals(List.of("2", "1"), sks(query("byScore", "pk = :p", w, b -> { }).items()));
    dynamo.updateItem(b -> b.tableName(t).key(Map.of("pk", s("w"), "sk", s("2"))).updateExpression("REMOVE score"));
    assertEquals(List.of("1"), sks(query("byScore", "pk = :p", w, b -> { }).items()));
    dynamo.deleteItem(b -> b.tableName(t).key(Map.of("pk", s("w"), "sk", s("1"))));
    assertEquals(0, query("byScore", "pk = :p", w, b -> { }).count());
  }

  @Test
  void scan_ofALocalIndex_readsOnlyItsItems() {
    List<String> seen = new ArrayList<>();
    dynamo.scanPaginator(b -> b.tableName(table).indexName("byScore").limit(2)).items()
        .forEach(i -> seen.add(i.get("pk").s() + "/" + i.get("sk").s()));
    assertEquals(5, seen.size());
    assertEquals(Set.of("other/a", "p/a", "p/b", "p/c", "p/e"), Set.copyOf(seen));
  }

  @Test
  void errors_areTheServiceTexts() {
    Map<String, AttributeValue> p = Map.of(":p", s("p"), ":s", s("a"));
    assertDynamoError("ValidationException", "Query condition missed key schema element: score",
        () -> query("byScore", "pk = :p AND sk = :s", p, b -> { }));
    assertDynamoError("ValidationException", "Query condition missed key schema element: pk",
        () -> query("byScore", "score = :v", Map.of(":v", AttributeValue.fromN("1")), b -> { }));
    assertDynamoError("ValidationException",
        "One or more parameter values were invalid: Condition parameter type does not match schema type",
        () -> query("byScore", "pk = :p AND score = :s", p, b -> { }));
    assertDynamoError("ValidationException",
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: score",
        () -> query("byScore", "pk = :p", Map.of(":p", s("p"), ":v", AttributeValue.fromN("1")),
            b -> b.filterExpression("score = :v")));
    assertDynamoError("ValidationException", "The table does not have the specified index: nope",
        () -> query("nope", "pk = :p", Map.of(":p", s("p")), b -> { }));
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Type mismatch for Index Key"
        + " score Expected: N Actual: S IndexName: byScore",
        () -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("x"), "sk", s("x"), "score", s("high")))));
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("x"), "sk", s("x")))).hasItem());
  }
}
