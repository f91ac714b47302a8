package dev.cairn.it;

import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Single-item writes under contention (design.md §3: compare-and-set on the row version): conditional creates
 * on one key admit exactly one writer, unconditional puts never fail, and concurrent increments lose no update.
 * Threads start together on a barrier; rounds are bounded so the class runs in a few seconds.
 */
class ItemConcurrencyIT {
  static final int THREADS = 16;
  /** Races on fresh keys (each round 16 writers on one key). */
  static final int KEY_ROUNDS = 10;
  /** Writes per thread on one shared item. */
  static final int WRITES = 25;
  static DynamoDbClient dynamo;
  static String table;
  static ExecutorService pool;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    table = ItemTables.create(dynamo, ItemTables.uniqueName("concurrency"), "pk", ScalarAttributeType.S, null, null);
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void tearDown() {
    pool.shutdownNow();
  }

  /** Runs {@code task} on every thread at once (released together by a barrier) and returns their results. */
  private static <T> List<T> race(java.util.function.IntFunction<Callable<T>> task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Future<T>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Callable<T> c = task.apply(t);
      futures.add(pool.submit(() -> {
        start.await(30, TimeUnit.SECONDS);
        return c.call();
      }));
    }
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get(120, TimeUnit.SECONDS));
    }
    return out;
  }

  @Test
  void putItem_attributeNotExistsRaceOnANewKey_exactlyOneWins() throws Exception {
    for (int round = 0; round < KEY_ROUNDS; round++) {
      String key = "create-once-" + round;
      List<String> outcomes = race(t -> () -> {
        try {
          dynamo.putItem(b -> b.tableName(table).item(item("pk", s(key), "writer", n(Integer.toString(t))))
              .conditionExpression("attribute_not_exists(pk)"));
          return "won:" + t;
        } catch (ConditionalCheckFailedException e) {
          return "failed";
        }
      });
      List<String> winners = outcomes.stream().filter(o -> o.startsWith("won:")).toList();
      assertEquals(1, winners.size(), "round " + round + ": " + outcomes);
      assertEquals(THREADS - 1, outcomes.stream().filter("failed"::equals).count(), outcomes.toString());
      String winner = winners.get(0).substring(4);
      assertEquals(n(winner), dynamo.getItem(b -> b.tableName(table).key(item("pk", s(key))).consistentRead(true))
          .item().get("writer"), "the stored item is the winner's");
    }
  }

  @Test
  void putItem_unconditionalRaceOnANewKey_neverFails() throws Exception {
    for (int round = 0; round < KEY_ROUNDS; round++) {
      String key = "upsert-" + round;
      List<String> outcomes = race(t -> () -> {
        try {
          dynamo.putItem(b -> b.tableName(table).item(item("pk", s(key), "writer", n(Integer.toString(t)))));
          return "ok";
        } catch (AwsServiceException e) {
          return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
      });
      assertTrue(outcomes.stream().allMatch("ok"::equals), "round " + round + ": " + outcomes);
      int writer = Integer.parseInt(dynamo.getItem(b -> b.tableName(table).key(item("pk", s(key))).consistentRead(true))
          .item().get("writer").n());
      assertTrue(writer >= 0 && writer < THREADS);
    }
  }

  @Test
  void putItem_returnAllOldRaceOnANewKey_neverFailsAndEachSeesAPredecessor() throws Exception {
    // Old images chain the writers: exactly one put saw no item, every other saw a distinct earlier writer.
    String key = "chain";
    List<String> olds = race(t -> () -> {
      var r = dynamo.putItem(b -> b.tableName(table).item(item("pk", s(key), "writer", n(Integer.toString(t))))
          .returnValues(ReturnValue.ALL_OLD));
      return r.hasAttributes() ? r.attributes().get("writer").n() : "none";
    });
    assertEquals(1, olds.stream().filter("none"::equals).count(), olds.toString());
    assertEquals(THREADS - 1, olds.stream().filter(o -> !o.equals("none")).distinct().count(), olds.toString());
  }

  @Test
  void updateItem_concurrentIncrements_loseNoUpdate() throws Exception {
    String key = "counter";
    AtomicInteger succeeded = new AtomicInteger();
    List<String> errors = race(t -> () -> {
      StringBuilder failures = new StringBuilder();
      for (int i = 0; i < WRITES; i++) {
        try {
          dynamo.updateItem(b -> b.tableName(table).key(item("pk", s(key)))
              .updateExpression("SET n = if_not_exists(n, :zero) + :one")
              .expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1"))));
          succeeded.incrementAndGet();
        } catch (AwsServiceException e) {
          failures.append(e.awsErrorDetails().errorCode()).append(' ');
        }
      }
      return failures.toString();
    });
    Map<String, AttributeValue> got = dynamo.getItem(b -> b.tableName(table).key(item("pk", s(key))).consistentRead(true)).item();
    assertEquals(n(Integer.toString(succeeded.get())), got.get("n"), "failures: " + errors);
    // Contention on one item may be refused (the service answers such conflicts with an error too), but not often.
    assertTrue(succeeded.get() >= THREADS * WRITES * 9 / 10, "only " + succeeded.get() + " succeeded: " + errors);
  }

  @Test
  void updateItem_conditionalIncrements_eachVersionIsTakenOnce() throws Exception {
    // Optimistic locking as applications do it: read-free "version = :v" updates; each version is won once.
    String key = "versioned";
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s(key), "version", n("0"))));
    AtomicInteger wins = new AtomicInteger();
    race(t -> () -> {
      for (int v = 0; v < WRITES; v++) {
        String expected = Integer.toString(v);
        try {
          dynamo.updateItem(b -> b.tableName(table).key(item("pk", s(key))).updateExpression("SET version = version + :one")
              .conditionExpression("version = :v").expressionAttributeValues(Map.of(":one", n("1"), ":v", n(expected))));
          wins.incrementAndGet();
        } catch (ConditionalCheckFailedException e) {
          // another thread took this version
        }
      }
      return null;
    });
    assertEquals(WRITES, wins.get());
    assertEquals(n(Integer.toString(WRITES)), dynamo.getItem(b -> b.tableName(table).key(item("pk", s(key)))
        .consistentRead(true)).item().get("version"));
  }
}
