package dev.cairn.it;

import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Throughput of a 4-item TransactWriteItems (two conditional puts of new items, two updates of existing ones) from
 * one single-threaded SDK client, printed as transactions per second. Off by default; run with
 * {@code ./mvnw -B -o -q test -Dtest=TransactThroughputIT -Dcairn.bench=true}. Seconds: {@code -Dcairn.bench.seconds}.
 */
@EnabledIfSystemProperty(named = "cairn.bench", matches = "true")
class TransactThroughputIT {
  @Test
  void fourItemTransactions_singleClientLoop() {
    DynamoDbClient dynamo = CairnFixture.get().dynamo();
    String table = ItemTables.create(dynamo, ItemTables.uniqueName("tx-bench"), "pk", ScalarAttributeType.S, null,
        null);
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("counter-a"), "n", n("0"))));
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("counter-b"), "n", n("0"))));
    long seconds = Long.getLong("cairn.bench.seconds", 10);
    for (int i = 0; i < 200; i++) {
      run(dynamo, table, "warm-" + i);
    }
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    int count = 0;
    while (System.nanoTime() < end) {
      run(dynamo, table, "t-" + count);
      count++;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("TransactWriteItems (4 items, 1 client thread): %d in %.1f s = %.0f tx/s, %.2f ms each%n",
        count, elapsed, count / elapsed, elapsed * 1000 / count);
    // For scale on the same machine and moment: one conditional PutItem per call.
    start = System.nanoTime();
    end = start + seconds * 1_000_000_000L;
    int puts = 0;
    while (System.nanoTime() < end) {
      String id = "p-" + puts++;
      dynamo.putItem(b -> b.tableName(table).item(item("pk", s(id))).conditionExpression("attribute_not_exists(pk)"));
    }
    elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("PutItem (conditional, 1 client thread): %d in %.1f s = %.0f ops/s, %.2f ms each%n",
        puts, elapsed, puts / elapsed, elapsed * 1000 / puts);
    // And the request overhead without storage: GetItem of an absent key is one indexed read.
    start = System.nanoTime();
    end = start + seconds * 1_000_000_000L;
    int gets = 0;
    while (System.nanoTime() < end) {
      gets++;
      dynamo.getItem(b -> b.tableName(table).key(item("pk", s("absent"))));
    }
    elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf("GetItem (absent, 1 client thread): %d in %.1f s = %.0f ops/s, %.2f ms each%n",
        gets, elapsed, gets / elapsed, elapsed * 1000 / gets);
  }

  private static void run(DynamoDbClient dynamo, String table, String id) {
    List<TransactWriteItem> items = new ArrayList<>(4);
    for (String suffix : List.of("-1", "-2")) {
      items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
          .item(item("pk", s(id + suffix), "v", s("payload-" + id))).conditionExpression("attribute_not_exists(pk)")
          .build()).build());
    }
    for (String counter : List.of("counter-a", "counter-b")) {
      items.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(item("pk", s(counter)))
          .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1"))).build()).build());
    }
    dynamo.transactWriteItems(b -> b.transactItems(items));
  }
}
