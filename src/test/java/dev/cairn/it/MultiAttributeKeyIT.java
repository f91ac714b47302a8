package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A global secondary index whose key has several HASH and RANGE attributes (multi-attribute keys): items sort by
 * the RANGE attributes compared one after another in key-schema order; an item missing any key attribute is not in
 * the index; a Query needs an equality on every HASH attribute and on a gap-free prefix of the RANGE attributes,
 * and only the last RANGE attribute it names may take a range condition; LastEvaluatedKey carries the table key and
 * every index key attribute. The expected orders and texts are those a suite run against the service recorded
 * (October 2026) for the same data. Source: Developer Guide, "Multi-attribute keys pattern".
 */
class MultiAttributeKeyIT {
  static DynamoDbClient dynamo;
  static String table;
  static String numbers;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    table = "mak-" + UUID.randomUUID().toString().substring(0, 8);
    List<AttributeDefinition> defs = new ArrayList<>();
    for (String n : List.of("pk", "h", "a", "b", "c", "d")) {
      defs.add(AttributeDefinition.builder().attributeName(n).attributeType(ScalarAttributeType.S).build());
    }
    dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(defs)
        .keySchema(key("pk", KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi")
            .keySchema(key("h", KeyType.HASH), key("a", KeyType.RANGE), key("b", KeyType.RANGE),
                key("c", KeyType.RANGE), key("d", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    String[][] rows = {
        {"p1", "T", "live", "b", "r1"},
        {"p2", "T", "live", "a", "r2"},
        {"p3", "T", "live", "a", "r1"},
        {"p4", "T", "draft", "c", "r1"},
        {"p5", "F", "live", "a", "r0"},
        {"p6", "T", "live", null, "r1"}, // no c: not in the index
    };
    for (String[] r : rows) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("h", s("o1"));
      String[] names = {"pk", "a", "b", "c", "d"};
      for (int i = 0; i < names.length; i++) {
        if (r[i] != null) {
          item.put(names[i], s(r[i]));
        }
      }
      dynamo.putItem(b -> b.tableName(table).item(item));
    }

    // Two HASH attributes (S, N) and two RANGE attributes (N, B).
    numbers = "makn-" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(b -> b.tableName(numbers).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("tenant", ScalarAttributeType.S),
            def("lane", ScalarAttributeType.N), def("score", ScalarAttributeType.N),
            def("tag", ScalarAttributeType.B))
        .keySchema(key("id", KeyType.HASH))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byTenant")
            .keySchema(key("tenant", KeyType.HASH), key("lane", KeyType.HASH), key("score", KeyType.RANGE),
                key("tag", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));
    String[] scores = {"-10", "-1.5", "0", "0.25", "3", "3", "3", "100", "1e10"};
    byte[][] tags = {{1}, {2}, {0}, {0, 0}, {0}, {0, 1}, {(byte) 0xFF}, {5}, {5}};
    for (int i = 0; i < scores.length; i++) {
      int n = i;
      dynamo.putItem(b -> b.tableName(numbers).item(Map.of("id", s("i" + n), "tenant", s("t"),
          "lane", AttributeValue.fromN("1"), "score", AttributeValue.fromN(scores[n]),
          "tag", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(tags[n])),
          "other", s("x"))));
    }
    dynamo.putItem(b -> b.tableName(numbers).item(Map.of("id", s("elsewhere"), "tenant", s("t"),
        "lane", AttributeValue.fromN("2"), "score", AttributeValue.fromN("3"),
        "tag", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {0})))));
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

  private static final Map<String, AttributeValue> VALUES = Map.of(":h", s("o1"), ":a", s("T"), ":b", s("live"),
      ":c", s("a"), ":d", s("r"), ":x", s("r1"), ":y", s("r1"));

  private static QueryResponse query(String condition, java.util.function.Consumer<QueryRequest.Builder> extra) {
    Map<String, AttributeValue> used = new HashMap<>();
    VALUES.forEach((k, v) -> {
      if (condition.contains(k)) {
        used.put(k, v);
      }
    });
    QueryRequest.Builder b = QueryRequest.builder().tableName(table).indexName("gsi")
        .keyConditionExpression(condition).expressionAttributeValues(used);
    extra.accept(b);
    return dynamo.query(b.build());
  }

  private static List<String> pks(String condition) {
    return pks(query(condition, b -> { }).items(), "pk");
  }

  private static List<String> pks(List<Map<String, AttributeValue>> items, String key) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get(key).s()));
    return out;
  }

  @Test
  void query_hashOnly_returnsIndexedItemsInKeyOrder_withoutTheItemMissingAKeyAttribute() {
    assertEquals(List.of("p5", "p4", "p3", "p2", "p1"), pks("h = :h"));
  }

  @Test
  void query_equalityPrefixes_narrowLeftToRight() {
    assertEquals(List.of("p4", "p3", "p2", "p1"), pks("h = :h AND a = :a"));
    assertEquals(List.of("p3", "p2", "p1"), pks("h = :h AND a = :a AND b = :b"));
    assertEquals(List.of("p3", "p2"), pks("h = :h AND a = :a AND b = :b AND c = :c"));
    assertEquals(List.of("p3"), pks("h = :h AND a = :a AND b = :b AND c = :c AND d = :x"));
  }

  @Test
  void query_scanIndexForwardFalse_reverses() {
    assertEquals(List.of("p1", "p2", "p3", "p4"),
        pks(query("h = :h AND a = :a", b -> b.scanIndexForward(false)).items(), "pk"));
  }

  @Test
  void query_rangeConditionsOnTheLastAttributeNamed() {
    assertEquals(List.of("p1"), pks("h = :h AND a = :a AND b = :b AND c > :c"));
    assertEquals(List.of("p3", "p2", "p1"), pks("h = :h AND a = :a AND b = :b AND c >= :c"));
    assertEquals(List.of("p3", "p2"), pks("h = :h AND a = :a AND b = :b AND c <= :c"));
    assertEquals(List.of(), pks("h = :h AND a = :a AND b = :b AND c < :c"));
    assertEquals(List.of("p3", "p2"), pks("h = :h AND a = :a AND b = :b AND c = :c AND begins_with(d, :d)"));
    assertEquals(List.of("p3"), pks("h = :h AND a = :a AND b = :b AND c = :c AND d BETWEEN :x AND :y"));
    assertEquals(List.of("p4"), pks("h = :h AND a = :a AND b < :b"));
    assertEquals(List.of("p5", "p4", "p3", "p2", "p1"), pks("h = :h AND a <= :a"));
    assertEquals(List.of("p4", "p3", "p2", "p1"), pks("h = :h AND begins_with(a, :a)"));
  }

  @Test
  void query_clausesInAnyOrder() {
    assertEquals(List.of("p3", "p2", "p1"), pks("b = :b AND h = :h AND a = :a"));
  }

  @Test
  void query_pagesCarryTheTableKeyAndEveryIndexKeyAttribute() {
    QueryResponse first = query("h = :h AND a = :a", b -> b.limit(2));
    assertEquals(List.of("p4", "p3"), pks(first.items(), "pk"));
    assertEquals(Set.of("a", "b", "c", "d", "h", "pk"), new TreeSet<>(first.lastEvaluatedKey().keySet()));
    QueryResponse second = query("h = :h AND a = :a", b -> b.limit(2).exclusiveStartKey(first.lastEvaluatedKey()));
    assertEquals(List.of("p2", "p1"), pks(second.items(), "pk"));
    List<String> all = new ArrayList<>();
    dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName("gsi").limit(1)
        .keyConditionExpression("h = :h AND a = :a AND b = :b").scanIndexForward(false)
        .expressionAttributeValues(Map.of(":h", s("o1"), ":a", s("T"), ":b", s("live"))).build())
        .items().forEach(i -> all.add(i.get("pk").s()));
    assertEquals(List.of("p1", "p2", "p3"), all);
  }

  @Test
  void query_gapOrRangeBeforeALaterAttribute_isRefusedWithTheServiceText() {
    assertDynamoError("ValidationException", "RANGE key attributes b must have equality conditions specified in the"
        + " query because a condition is present on key attribute c", () -> pks("h = :h AND a = :a AND c = :c"));
    assertDynamoError("ValidationException", "RANGE key attributes b must have equality conditions specified in the"
        + " query because a condition is present on key attribute c",
        () -> pks("h = :h AND a = :a AND b > :b AND c = :c"));
    assertDynamoError("ValidationException", "RANGE key attributes a must have equality conditions specified in the"
        + " query because a condition is present on key attribute b", () -> pks("h = :h AND b = :b"));
  }

  @Test
  void query_hashAttributes_needEqualityOnEveryOne() {
    Map<String, AttributeValue> v = Map.of(":t", s("t"), ":r", AttributeValue.fromN("1"));
    assertDynamoError("ValidationException", "Query condition missed key schema element: lane",
        () -> dynamo.query(b -> b.tableName(numbers).indexName("byTenant").keyConditionExpression("tenant = :t")
            .expressionAttributeValues(Map.of(":t", s("t")))));
    assertDynamoError("ValidationException", "Query key condition not supported",
        () -> dynamo.query(b -> b.tableName(numbers).indexName("byTenant")
            .keyConditionExpression("tenant = :t AND lane > :r").expressionAttributeValues(v)));
    assertDynamoError("ValidationException",
        "One or more parameter values were invalid: Condition parameter type does not match schema type",
        () -> dynamo.query(b -> b.tableName(numbers).indexName("byTenant")
            .keyConditionExpression("tenant = :t AND lane = :t").expressionAttributeValues(Map.of(":t", s("t")))));
  }

  private static List<String> ids(String condition, Map<String, AttributeValue> extra, boolean forward) {
    Map<String, AttributeValue> v = new HashMap<>(extra);
    v.put(":t", s("t"));
    v.put(":r", AttributeValue.fromN("1"));
    List<String> out = new ArrayList<>();
    dynamo.queryPaginator(QueryRequest.builder().tableName(numbers).indexName("byTenant").limit(2)
        .scanIndexForward(forward).keyConditionExpression(condition).expressionAttributeValues(v).build())
        .items().forEach(i -> out.add(i.get("id").s()));
    return out;
  }

  @Test
  void query_numberAndBinaryRangeAttributes_sortByValueThenBytes() {
    // score by value; within score 3, tag by unsigned bytes: 00 < 00 01 < FF.
    assertEquals(List.of("i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8"),
        ids("tenant = :t AND lane = :r", Map.of(), true));
    assertEquals(List.of("i8", "i7", "i6", "i5", "i4", "i3", "i2", "i1", "i0"),
        ids("tenant = :t AND lane = :r", Map.of(), false));
    assertEquals(List.of("i4", "i5", "i6"),
        ids("tenant = :t AND lane = :r AND score = :s", Map.of(":s", AttributeValue.fromN("3")), true));
    assertEquals(List.of("i0", "i1"),
        ids("tenant = :t AND lane = :r AND score < :s", Map.of(":s", AttributeValue.fromN("0")), true));
    assertEquals(List.of("i7", "i8"),
        ids("tenant = :t AND lane = :r AND score > :s", Map.of(":s", AttributeValue.fromN("3")), true));
    assertEquals(List.of("i2", "i3", "i4", "i5", "i6"), ids("tenant = :t AND lane = :r AND score BETWEEN :lo AND"
        + " :hi", Map.of(":lo", AttributeValue.fromN("0"), ":hi", AttributeValue.fromN("3")), true));
    AttributeValue zero = AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {0}));
    assertEquals(List.of("i4", "i5"), ids("tenant = :t AND lane = :r AND score = :s AND begins_with(tag, :z)",
        Map.of(":s", AttributeValue.fromN("3"), ":z", zero), true));
    assertEquals(List.of("i5", "i6"), ids("tenant = :t AND lane = :r AND score = :s AND tag > :z",
        Map.of(":s", AttributeValue.fromN("3"), ":z", zero), true));
    assertEquals(List.of("i4"), ids("tenant = :t AND lane = :r AND score = :s AND tag <= :z",
        Map.of(":s", AttributeValue.fromN("3"), ":z", zero), true));
  }

  @Test
  void scan_ofTheIndex_pagesThroughEveryIndexedItemWithAllKeyAttributes() {
    List<String> seen = new ArrayList<>();
    dynamo.scanPaginator(b -> b.tableName(numbers).indexName("byTenant").limit(3)).items().forEach(i -> {
      assertEquals(Set.of("id", "tenant", "lane", "score", "tag"), i.keySet());
      seen.add(i.get("id").s());
    });
    assertEquals(10, seen.size());
    assertEquals(10, new TreeSet<>(seen).size());
    assertEquals(5, dynamo.scan(b -> b.tableName(table).indexName("gsi")).count());
  }

  private static software.amazon.awssdk.services.dynamodb.model.Condition eq(AttributeValue v) {
    return software.amazon.awssdk.services.dynamodb.model.Condition.builder().comparisonOperator("EQ")
        .attributeValueList(v).build();
  }

  @Test
  void query_legacyKeyConditions_followTheSameRules() {
    QueryResponse r = dynamo.query(b -> b.tableName(table).indexName("gsi").keyConditions(Map.of("h", eq(s("o1")),
        "a", eq(s("T")), "b", eq(s("live")), "c",
        software.amazon.awssdk.services.dynamodb.model.Condition.builder().comparisonOperator("GT")
            .attributeValueList(s("a")).build())));
    assertEquals(List.of("p1"), pks(r.items(), "pk"));
    assertDynamoError("ValidationException", "RANGE key attributes b must have equality conditions specified in the"
        + " query because a condition is present on key attribute c", () -> dynamo.query(b -> b.tableName(table)
            .indexName("gsi").keyConditions(Map.of("h", eq(s("o1")), "a", eq(s("T")), "c", eq(s("a"))))));
  }

  @Test
  void updateTable_addingAMultiAttributeGsi_backfillsIt() throws Exception {
    String t = "makb-" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH)));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(t));
    for (int i = 0; i < 30; i++) {
      int n = i;
      dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("i" + n), "x", s("x" + (n % 3)),
          "y", AttributeValue.fromN(Integer.toString(n % 4)), "z", AttributeValue.fromN(Integer.toString(n)))));
    }
    dynamo.updateTable(b -> b.tableName(t)
        .attributeDefinitions(def("x", ScalarAttributeType.S), def("y", ScalarAttributeType.N),
            def("z", ScalarAttributeType.N))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("xyz")
            .keySchema(key("x", KeyType.HASH), key("y", KeyType.HASH), key("z", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()))));
    long deadline = System.currentTimeMillis() + 60_000;
    while (dynamo.describeTable(b -> b.tableName(t)).table().globalSecondaryIndexes().get(0).indexStatus()
        != software.amazon.awssdk.services.dynamodb.model.IndexStatus.ACTIVE && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    // x = "x1" and y = 1: n % 3 == 1 and n % 4 == 1, so n = 1, 13, 25; sorted by z.
    QueryResponse r = dynamo.query(b -> b.tableName(t).indexName("xyz").keyConditionExpression("x = :x AND y = :y")
        .expressionAttributeValues(Map.of(":x", s("x1"), ":y", AttributeValue.fromN("1"))));
    assertEquals(List.of("i1", "i13", "i25"), pks(r.items(), "id"));
  }

  @Test
  void describeTable_reportsEveryKeyAttribute() {
    var gsi = dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().get(0);
    assertEquals(5, gsi.keySchema().size());
    assertEquals(List.of("h", "a", "b", "c", "d"), gsi.keySchema().stream().map(KeySchemaElement::attributeName)
        .toList());
  }
}
