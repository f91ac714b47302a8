package dev.cairn.it;

import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Transactions under contention, many SDK clients at once: a ledger whose transfers (two updates with a balance
 * condition) conserve the total and account for every successful transfer; creates on one key with
 * {@code attribute_not_exists} (transactional and single-item, racing) admit exactly one writer; and TransactGetItems
 * always sees two items that are only ever written together as equal. Threads start together on a barrier.
 */
class TransactConcurrencyIT {
  static final int THREADS = 8;
  static DynamoDbClient dynamo;
  static String ledger;
  static String other;
  static ExecutorService pool;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    ledger = ItemTables.create(dynamo, ItemTables.uniqueName("ledger"), "pk", ScalarAttributeType.S, null, null);
    other = ItemTables.create(dynamo, ItemTables.uniqueName("tx-other"), "pk", ScalarAttributeType.S, null, null);
    pool = Executors.newFixedThreadPool(THREADS * 2);
  }

  @AfterAll
  static void tearDown() {
    pool.shutdownNow();
  }

  private static <T> List<T> race(int threads, java.util.function.IntFunction<Callable<T>> task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<T>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Callable<T> c = task.apply(t);
      futures.add(pool.submit(() -> {
        start.await(30, TimeUnit.SECONDS);
        return c.call();
      }));
    }
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get(300, TimeUnit.SECONDS));
    }
    return out;
  }

  @Test
  void ledger_concurrentTransfers_conserveTotalAndCountEverySuccess() throws Exception {
    int accounts = 10;
    int transfersPerThread = 40;
    long initial = 100;
    for (int a = 0; a < accounts; a++) {
      String id = "acct-" + a;
      dynamo.putItem(b -> b.tableName(ledger).item(item("pk", s(id), "balance", n(Long.toString(initial)),
          "moves", n("0"))));
    }
    long[] expected = new long[accounts];
    java.util.Arrays.fill(expected, initial);
    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger insufficient = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    race(THREADS, t -> () -> {
      Random random = new Random(t);
      for (int i = 0; i < transfersPerThread; i++) {
        int from = random.nextInt(accounts);
        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
        long amount = 1 + random.nextInt(60);
        String token = UUID.randomUUID().toString();
        try {
          dynamo.transactWriteItems(b -> b.clientRequestToken(token).transactItems(
              TransactWriteItem.builder().update(Update.builder().tableName(ledger).key(item("pk", s("acct-" + from)))
                  .updateExpression("SET balance = balance - :a ADD moves :one")
                  .conditionExpression("balance >= :a")
                  .expressionAttributeValues(Map.of(":a", n(Long.toString(amount)), ":one", n("1"))).build()).build(),
              TransactWriteItem.builder().update(Update.builder().tableName(ledger).key(item("pk", s("acct-" + to)))
                  .updateExpression("SET balance = balance + :a ADD moves :one")
                  .expressionAttributeValues(Map.of(":a", n(Long.toString(amount)), ":one", n("1"))).build())
                  .build()));
          succeeded.incrementAndGet();
          synchronized (expected) {
            expected[from] -= amount;
            expected[to] += amount;
          }
        } catch (TransactionCanceledException e) {
          List<String> codes = e.cancellationReasons().stream().map(CancellationReason::code).toList();
          if (codes.contains("ConditionalCheckFailed")) {
            assertEquals(List.of("ConditionalCheckFailed", "None"), codes);
            insufficient.incrementAndGet();
          } else {
            assertTrue(codes.contains("TransactionConflict"), codes::toString);
            conflicts.incrementAndGet();
          }
        }
      }
      return null;
    });
    long total = 0;
    long moves = 0;
    for (int a = 0; a < accounts; a++) {
      int idx = a;
      Map<String, AttributeValue> row = dynamo.getItem(b -> b.tableName(ledger).key(item("pk", s("acct-" + idx)))
          .consistentRead(true)).item();
      long balance = Long.parseLong(row.get("balance").n());
      assertTrue(balance >= 0, "balance never negative");
      assertEquals(expected[a], balance, "balance of account " + a);
      total += balance;
      moves += Long.parseLong(row.get("moves").n());
    }
    System.out.printf("ledger: %d transfers committed, %d refused (insufficient balance), %d conflicts%n",
        succeeded.get(), insufficient.get(), conflicts.get());
    assertEquals(accounts * initial, total);
    assertEquals(2L * succeeded.get(), moves);
    assertEquals(THREADS * transfersPerThread, succeeded.get() + insufficient.get() + conflicts.get());
    assertTrue(succeeded.get() > 0);
  }

  @Test
  void attributeNotExistsRace_transactionalAndSingleItem_exactlyOneWins() throws Exception {
    for (int round = 0; round < 8; round++) {
      String key = "once-" + round + "-" + UUID.randomUUID().toString().substring(0, 6);
      List<Boolean> wins = race(THREADS, t -> () -> {
        Map<String, AttributeValue> mine = item("pk", s(key), "writer", n(Integer.toString(t)));
        try {
          if (t % 4 == 3) {
            dynamo.putItem(b -> b.tableName(ledger).item(mine).conditionExpression("attribute_not_exists(pk)"));
          } else {
            dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(mine)
                    .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(other)
                    .item(item("pk", s(key + "-" + t), "writer", n(Integer.toString(t)))).build()).build()));
          }
          return true;
        } catch (TransactionCanceledException | ConditionalCheckFailedException e) {
          return false;
        }
      });
      assertEquals(1, wins.stream().filter(w -> w).count(), "winners of round " + round);
      int winner = wins.indexOf(true);
      Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName(ledger).key(item("pk", s(key)))
          .consistentRead(true)).item();
      assertEquals(n(Integer.toString(winner)), stored.get("writer"));
      // The losers' other puts were rolled back with them.
      for (int t = 0; t < THREADS; t++) {
        String k = key + "-" + t;
        boolean present = dynamo.getItem(b -> b.tableName(other).key(item("pk", s(k))).consistentRead(true))
            .hasItem();
        assertEquals(t == winner && winner % 4 != 3, present, "other item of writer " + t);
      }
    }
  }

  @Test
  void transactGetItems_whileWritersUpdateTwoItemsTogether_alwaysSeesThemEqual() throws Exception {
    String k = "pair-" + UUID.randomUUID().toString().substring(0, 6);
    dynamo.putItem(b -> b.tableName(ledger).item(item("pk", s(k), "v", n("0"))));
    dynamo.putItem(b -> b.tableName(other).item(item("pk", s(k), "v", n("0"))));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    AtomicLong written = new AtomicLong();
    race(6, t -> () -> {
      if (t < 3) {
        for (int i = 0; i < 40; i++) {
          String v = Integer.toString(t * 1000 + i);
          try {
            dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().update(Update.builder().tableName(ledger).key(item("pk", s(k)))
                    .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(v))).build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(other).key(item("pk", s(k)))
                    .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n(v))).build()).build()));
            written.incrementAndGet();
          } catch (TransactionCanceledException e) {
            // a conflict: nothing written
          }
        }
        stop.set(true);
      } else {
        while (!stop.get()) {
          List<ItemResponse> r = dynamo.transactGetItems(b -> b.transactItems(
              TransactGetItem.builder().get(Get.builder().tableName(ledger).key(item("pk", s(k))).build()).build(),
              TransactGetItem.builder().get(Get.builder().tableName(other).key(item("pk", s(k))).build()).build()))
              .responses();
          assertEquals(r.get(0).item().get("v"), r.get(1).item().get("v"));
          reads.incrementAndGet();
        }
      }
      return null;
    });
    assertTrue(reads.get() > 0);
    assertTrue(written.get() > 0);
  }

  @Test
  void rowLockedElsewhereBeyondTheLockTimeout_cancelsWithTransactionConflict_not500() throws Exception {
    String k = "held-" + UUID.randomUUID().toString().substring(0, 6);
    dynamo.putItem(b -> b.tableName(other).item(item("pk", s(k))));
    io.vertx.sqlclient.Pool pg = CairnFixture.get().server().storage().pool();
    io.vertx.sqlclient.SqlConnection conn = pg.getConnection().await(30, TimeUnit.SECONDS);
    try {
      long tableId = conn.preparedQuery("SELECT table_id FROM cairn.tables WHERE table_name = $1")
          .execute(io.vertx.sqlclient.Tuple.of(other)).await(30, TimeUnit.SECONDS).iterator().next().getLong(0);
      io.vertx.sqlclient.Transaction tx = conn.begin().await(30, TimeUnit.SECONDS);
      // Another session holds every row of the table (as a long-running writer would).
      conn.query("SELECT 1 FROM cairn_data.\"t_" + tableId + "\" FOR UPDATE").execute().await(30, TimeUnit.SECONDS);
      long started = System.nanoTime();
      TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
          () -> dynamo.transactWriteItems(b -> b.transactItems(
              TransactWriteItem.builder().put(Put.builder().tableName(ledger).item(item("pk", s(k)))
                  .build()).build(),
              TransactWriteItem.builder().update(Update.builder().tableName(other).key(item("pk", s(k)))
                  .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n("1"))).build())
                  .build())));
      assertTrue(System.nanoTime() - started >= 4_000_000_000L, "waited for the lock timeout");
      assertEquals("TransactionCanceledException", e.awsErrorDetails().errorCode());
      assertTrue(e.cancellationReasons().stream().allMatch(r -> r.code().equals("TransactionConflict")),
          e.cancellationReasons()::toString);
      assertEquals("Transaction is ongoing for the item", e.cancellationReasons().get(1).message());
      tx.rollback().await(30, TimeUnit.SECONDS);
    } finally {
      conn.close().await(30, TimeUnit.SECONDS);
    }
    assertTrue(dynamo.getItem(b -> b.tableName(ledger).key(item("pk", s(k))).consistentRead(true)).item().isEmpty());
  }
}
