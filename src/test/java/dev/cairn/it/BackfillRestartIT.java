package dev.cairn.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A GSI back-fill survives the server stopping half-way: the position is saved with each batch, so a new server
 * on the same database finishes the index, which then holds exactly the table's items with the index key. The
 * batch is made small through the runtime setting {@code backfill_batch_items} so the back-fill lasts long enough
 * to be interrupted.
 */
class BackfillRestartIT {
  private static final int ITEMS = 1500;

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  @Test
  void backfill_interruptedByARestart_finishesOnTheNewServer() throws Exception {
    try (CairnFixture.Separate cairn = CairnFixture.startSeparate()) {
      cairn.server().admin().putSetting("backfill_batch_items", "1").await(30, TimeUnit.SECONDS);
      DynamoDbClient dynamo = cairn.dynamo();
      String t = "restart";
      dynamo.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S)
              .build())
          .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
      dynamo.waiter().waitUntilTableExists(b -> b.tableName(t));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          int first = w;
          writers.add(pool.submit(() -> {
            for (int i = first; i < ITEMS; i += 4) {
              Map<String, AttributeValue> item = new HashMap<>();
              item.put("id", s("k" + i));
              if (i % 5 != 0) { // every fifth item has no g: not in the index
                item.put("g", s("g" + (i % 7)));
              }
              dynamo.putItem(b -> b.tableName(t).item(item));
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

      dynamo.updateTable(b -> b.tableName(t)
          .attributeDefinitions(AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S)
              .build())
          .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG")
              .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build()))));
      // Wait until the back-fill has made some progress (its first pass begins within 0.5 s), then stop the
      // server in the middle of it.
      long started = System.currentTimeMillis();
      while (dynamo.scan(b -> b.tableName(t).indexName("byG").select("COUNT")).count() < 20
          && System.currentTimeMillis() < started + 30_000) {
        Thread.sleep(20);
      }
      GlobalSecondaryIndexDescription before = describeIndex(dynamo, t);
      // A second index cannot be added (or one deleted) while this one is being created.
      DynamoAssertions.assertDynamoError("LimitExceededException",
          "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table",
          () -> dynamo.updateTable(b -> b.tableName(t)
              .attributeDefinitions(AttributeDefinition.builder().attributeName("h")
                  .attributeType(ScalarAttributeType.S).build())
              .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byH")
                  .keySchema(KeySchemaElement.builder().attributeName("h").keyType(KeyType.HASH).build())
                  .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())))));
      DynamoAssertions.assertDynamoError("ResourceInUseException", "Attempt to change a resource which is still in"
          + " use: Cannot delete table while indexes are being created, updated, or deleted.",
          () -> dynamo.deleteTable(b -> b.tableName(t)));
      assertTrue(before.backfilling(), "still back-filling when the server stops: " + before);
      assertNotEquals(IndexStatus.ACTIVE, before.indexStatus());
      cairn.restart();

      DynamoDbClient again = cairn.dynamo();
      long deadline = System.currentTimeMillis() + 120_000;
      GlobalSecondaryIndexDescription gsi;
      do {
        Thread.sleep(250);
        gsi = describeIndex(again, t);
      } while (gsi.indexStatus() != IndexStatus.ACTIVE && System.currentTimeMillis() < deadline);
      assertEquals(IndexStatus.ACTIVE, gsi.indexStatus());
      assertTrue(gsi.backfilling() == null || !gsi.backfilling());

      Map<String, String> expected = new HashMap<>();
      again.scanPaginator(b -> b.tableName(t)).items().forEach(i -> {
        if (i.containsKey("g")) {
          expected.put(i.get("id").s(), i.get("g").s());
        }
      });
      Map<String, String> indexed = new HashMap<>();
      again.scanPaginator(b -> b.tableName(t).indexName("byG")).items().forEach(i ->
          assertEquals(null, indexed.put(i.get("id").s(), i.get("g").s()), "duplicate index entry " + i));
      assertEquals(ITEMS - ITEMS / 5, expected.size());
      assertEquals(expected, indexed);
    }
  }

  private static GlobalSecondaryIndexDescription describeIndex(DynamoDbClient dynamo, String table) {
    return dynamo.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().get(0);
  }
}
