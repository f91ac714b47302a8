package dev.cairn.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cli.ManagementClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The TTL sweeper (Developer Guide, "Time to Live (TTL)"): items whose TTL attribute is a Number of epoch seconds
 * less than now are deleted (with their index entries), unless more than five years in the past; other types and
 * missing attributes never expire; items that existed before TTL was enabled are swept too; a concurrent update
 * that extends the TTL wins over the sweeper. The service deletes within days, so on the service these checks
 * would need far longer waits; Cairn sweeps every {@code ttl_sweep_interval_ms}, set to 1 s here.
 */
class TimeToLiveSweepIT {
  static CairnFixture fixture;
  static DynamoDbClient dynamo;
  static ManagementClient admin;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
    admin = fixture.management();
    assertTrue(admin.call("PUT", "/settings/ttl_sweep_interval_ms", "{\"value\":\"1000\"}").ok());
  }

  @AfterAll
  static void tearDown() throws Exception {
    admin.call("PUT", "/settings/ttl_sweep_interval_ms", "{\"value\":\"60000\"}");
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static String tableWithGsi(String prefix) {
    String t = Tables.name(prefix);
    Tables.create(dynamo, Tables.onDemand(t).attributeDefinitions(Tables.s("id"), Tables.s("g"))
        .keySchema(Tables.hash("id"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG").keySchema(Tables.hash("g"))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
        .build());
    return t;
  }

  private static void enableTtl(String table) {
    dynamo.updateTimeToLive(b -> b.tableName(table)
        .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires at")));
  }

  private static boolean exists(String table, String id) {
    return dynamo.getItem(b -> b.tableName(table).key(Map.of("id", s(id))).consistentRead(true)).hasItem();
  }

  private static int indexed(String table, String g) {
    return dynamo.query(b -> b.tableName(table).indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s(g)))).count();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!condition.getAsBoolean()) {
      assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
      Thread.sleep(200);
    }
  }

  @Test
  void sweep_deletesExpiredItemsAndTheirIndexEntries_andLeavesTheRest() throws Exception {
    String t = tableWithGsi("ttl-sweep");
    enableTtl(t);
    long now = now();
    dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("expired"), "g", s("x"), "expires at", n(now - 60))));
    dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("fraction"), "g", s("x"),
        "expires at", AttributeValue.fromN((now - 10) + ".75"))));
    dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("future"), "g", s("x"), "expires at", n(now + 3600))));
    dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("ancient"), "g", s("x"),
        "expires at", n(now - 6L * 365 * 24 * 3600))));
    dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("string"), "g", s("x"), "expires at", s("1"))));
    dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s("none"), "g", s("x"))));

    await(() -> !exists(t, "expired") && !exists(t, "fraction"), "the expired items to be deleted");
    Thread.sleep(2500); // two more sweeps
    for (String kept : List.of("future", "ancient", "string", "none")) {
      assertTrue(exists(t, kept), kept + " must not be deleted");
    }
    assertEquals(4, indexed(t, "x"), "the deleted items' index entries are gone too");
  }

  @Test
  void sweep_itemsWrittenBeforeTtlWasEnabled_areSweptToo() throws Exception {
    String t = tableWithGsi("ttl-before");
    long now = now();
    for (int i = 0; i < 30; i++) {
      String id = "old" + i;
      long exp = i % 2 == 0 ? now - 100 : now + 3600;
      dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s(id), "g", s("y"), "expires at", n(exp))));
    }
    enableTtl(t);
    await(() -> indexed(t, "y") == 15, "the 15 expired items to be deleted");
    for (int i = 0; i < 30; i++) {
      assertEquals(i % 2 != 0, exists(t, "old" + i), "old" + i);
    }
  }

  @Test
  void sweep_racingUpdatesThatExtendTheTtl_neverDeletesAnExtendedItem() throws Exception {
    String t = tableWithGsi("ttl-race");
    int n = 200;
    long expiry = now() - 5; // expired, but TTL is enabled only while the updates below run
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Set<String> extended = ConcurrentHashMap.newKeySet();
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int first = w;
        puts.add(pool.submit(() -> {
          for (int i = first; i < n; i += 4) {
            String id = "r" + i;
            dynamo.putItem(b -> b.tableName(t).item(Map.of("id", s(id), "g", s("z"), "expires at", n(expiry))));
          }
          return null;
        }));
      }
      for (Future<?> f : puts) {
        f.get();
      }
      // Even items are extended one by one, spread over about 4.5 s, and TTL is enabled after about 1 s, so the
      // expiry back-fill and the sweeps run while updates go on: an update that commits first must make the
      // sweeper's delete of the version it read fail.
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int first = 2 * w;
        work.add(pool.submit(() -> {
          for (int i = first; i < n; i += 4) {
            String id = "r" + i;
            try {
              dynamo.updateItem(b -> b.tableName(t).key(Map.of("id", s(id)))
                  .conditionExpression("attribute_exists(id)")
                  .updateExpression("SET #e = :e").expressionAttributeNames(Map.of("#e", "expires at"))
                  .expressionAttributeValues(Map.of(":e", n(expiry + 3600))));
              extended.add(id);
            } catch (ConditionalCheckFailedException sweptFirst) {
              // the sweeper won this one: the item is gone, which is also correct
            }
            Thread.sleep(80);
          }
          return null;
        }));
      }
      Thread.sleep(1000);
      enableTtl(t);
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    await(() -> {
      for (int i = 1; i < n; i += 2) {
        if (exists(t, "r" + i)) {
          return false;
        }
      }
      return true;
    }, "the items that were not extended to be deleted");
    Thread.sleep(2500);
    for (int i = 0; i < n; i += 2) {
      String id = "r" + i;
      assertEquals(extended.contains(id), exists(t, id), id + ": extended items survive, swept ones are gone");
    }
    assertEquals(extended.size(), indexed(t, "z"));
    assertFalse(extended.isEmpty(), "some updates came before the sweep");
    assertTrue(extended.size() < n / 2, "some updates came after the sweep");
  }
}
