package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Global secondary indexes: maintained in the same write as the item (strongly consistent here, a superset of
 * the service's eventual GSIs), sparse, projected, paged exactly when many items share an index key, and
 * back-filled online when added to a table that holds data, while writers keep writing.
 */
class SecondaryIndexIT {
  static CairnFixture fixture;
  static DynamoDbClient dynamo;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static String createWithGsi(ProjectionType projection) {
    String name = "gsi-" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("color").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byColor")
            .keySchema(KeySchemaElement.builder().attributeName("color").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build())
            .projection(Projection.builder().projectionType(projection).build()).build()));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    return name;
  }

  private static List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    dynamo.queryPaginator(request).items().forEach(out::add);
    return out;
  }

  @Test
  void gsi_followsPutsUpdatesAndDeletes_andIsSparse() {
    String t = createWithGsi(ProjectionType.ALL);
    dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "color", s("red"), "n", AttributeValue.fromN("1"))));
    dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("b"), "color", s("red"), "n", AttributeValue.fromN("2"))));
    dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("c"), "n", AttributeValue.fromN("3")))); // not in index
    QueryRequest red = QueryRequest.builder().tableName(t).indexName("byColor")
        .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", s("red"))).build();
    assertEquals(List.of("a", "b"), ids(queryAll(red)));
    dynamo.updateItem(b -> b.tableName(t).key(Map.of("id", s("a"))).updateExpression("SET color = :b")
        .expressionAttributeValues(Map.of(":b", s("blue"))));
    assertEquals(List.of("b"), ids(queryAll(red)));
    dynamo.deleteItem(b -> b.tableName(t).key(Map.of("id", s("b"))));
    assertEquals(List.of(), ids(queryAll(red)));
    dynamo.updateItem(b -> b.tableName(t).key(Map.of("id", s("a"))).updateExpression("REMOVE color"));
    assertEquals(0, dynamo.scan(b -> b.tableName(t).indexName("byColor")).count());
    assertEquals(2, dynamo.scan(b -> b.tableName(t)).count());
  }

  @Test
  void gsi_keysOnly_returnsProjectedAttributesOnly() {
    String t = createWithGsi(ProjectionType.KEYS_ONLY);
    dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "color", s("red"), "n", AttributeValue.fromN("1"),
        "extra", s("x"))));
    List<Map<String, AttributeValue>> items = queryAll(QueryRequest.builder().tableName(t).indexName("byColor")
        .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", s("red"))).build());
    assertEquals(Set.of("id", "color", "n"), items.get(0).keySet());
  }

  @Test
  void gsi_wrongKeyType_isRejectedWithTheServiceText() {
    String t = createWithGsi(ProjectionType.ALL);
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Type mismatch for Index Key"
            + " color Expected: S Actual: N IndexName: byColor",
        () -> dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "color", AttributeValue.fromN("5")))));
  }

  @Test
  void gsi_manyItemsShareAnIndexKey_pagesExactly() {
    String t = createWithGsi(ProjectionType.ALL);
    for (int i = 0; i < 35; i++) {
      String id = "item" + i;
      dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s(id), "color", s("same"), "n", AttributeValue.fromN("7"))));
    }
    QueryRequest q = QueryRequest.builder().tableName(t).indexName("byColor").limit(4)
        .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", s("same"))).build();
    List<String> seen = ids(queryAll(q));
    assertEquals(35, seen.size());
    assertEquals(35, new HashSet<>(seen).size());
  }

  @Test
  void gsi_addedToATableWithData_backfillsWhileWritersWrite() throws Exception {
    String t = "bf-" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(t));
    for (int i = 0; i < 1200; i++) {
      String id = "k" + i;
      dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s(id), "g", s("g" + (Integer.parseInt(id.substring(1)) % 7)))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      dynamo.updateTable(b -> b.tableName(t)
          .attributeDefinitions(AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
          .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG")
              .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build()))));
      List<Future<?>> writers = new ArrayList<>();
      long until = System.currentTimeMillis() + 3000;
      for (int w = 0; w < 4; w++) {
        writers.add(pool.submit(() -> {
          ThreadLocalRandom r = ThreadLocalRandom.current();
          while (System.currentTimeMillis() < until) {
            String id = "k" + r.nextInt(1400);
            int op = r.nextInt(3);
            if (op == 0) {
              dynamo.deleteItem(b -> b.tableName(t).key(Map.of("id", s(id))));
            } else if (op == 1) {
              dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s(id), "g", s("g" + r.nextInt(7)))));
            } else {
              dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s(id)))); // leaves the index
            }
          }
          return null;
        }));
      }
      for (Future<?> f : writers) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long deadline = System.currentTimeMillis() + Duration.ofSeconds(60).toMillis();
    GlobalSecondaryIndexDescription gsi;
    do {
      Thread.sleep(200);
      gsi = dynamo.describeTable(b -> b.tableName(t)).table().globalSecondaryIndexes().get(0);
    } while (gsi.indexStatus() != IndexStatus.ACTIVE && System.currentTimeMillis() < deadline);
    assertEquals(IndexStatus.ACTIVE, gsi.indexStatus());
    // The index now equals the table: every item with g is in it exactly once, under its current g.
    Map<String, String> expected = new HashMap<>();
    dynamo.scanPaginator(b -> b.tableName(t)).items().forEach(i -> {
      if (i.containsKey("g")) {
        expected.put(i.get("id").s(), i.get("g").s());
      }
    });
    Map<String, String> indexed = new HashMap<>();
    dynamo.scanPaginator(b -> b.tableName(t).indexName("byG")).items().forEach(i -> {
      assertTrue(indexed.put(i.get("id").s(), i.get("g").s()) == null, "duplicate index entry " + i);
    });
    assertEquals(expected, indexed);
  }

  private static List<String> ids(List<Map<String, AttributeValue>> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("id").s()));
    return out;
  }
}
