package dev.cairn.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Latency of a Query returning a 10-item page, one client, one request at a time, over HTTPS with SigV4 through
 * the SDK: median and tail over {@value #QUERIES} queries after {@value #WARMUP} warm-up queries, on the table and
 * on a GSI. Disabled by default; run with
 * {@code ./mvnw -B -o -q test -Dtest=QueryLatencyIT -Dcairn.latency=true} and read the lines it prints.
 */
@EnabledIfSystemProperty(named = "cairn.latency", matches = "true")
class QueryLatencyIT {
  private static final int WARMUP = 500;
  private static final int QUERIES = 2000;

  @Test
  void query_tenItemPage_latency() {
    DynamoDbClient dynamo = CairnFixture.get().dynamo();
    String t = "lat-" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build(),
            AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
            .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(t));
    for (int i = 0; i < 100; i++) {
      int n = i;
      dynamo.putItem(b -> b.tableName(t).item(Map.of("pk", AttributeValue.fromS("p" + (n % 2)),
          "sk", AttributeValue.fromN(Integer.toString(n)), "g", AttributeValue.fromS("g" + (n % 2)),
          "payload", AttributeValue.fromS("x".repeat(100)))));
    }
    measure(dynamo, "table", QueryRequest.builder().tableName(t).limit(10).keyConditionExpression("pk = :p AND sk > :s")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p1"), ":s", AttributeValue.fromN("20"))).build());
    measure(dynamo, "GSI", QueryRequest.builder().tableName(t).indexName("byG").limit(10)
        .keyConditionExpression("g = :g AND sk > :s")
        .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("g1"), ":s", AttributeValue.fromN("20"))).build());
  }

  private static void measure(DynamoDbClient dynamo, String label, QueryRequest q) {
    for (int i = 0; i < WARMUP; i++) {
      assertEquals(10, dynamo.query(q).count());
    }
    long[] micros = new long[QUERIES];
    long start = System.nanoTime();
    for (int i = 0; i < QUERIES; i++) {
      long t0 = System.nanoTime();
      int count = dynamo.query(q).count();
      micros[i] = (System.nanoTime() - t0) / 1_000;
      assertEquals(10, count);
    }
    long totalMs = (System.nanoTime() - start) / 1_000_000;
    Arrays.sort(micros);
    System.out.printf("LATENCY %s: %d queries of a 10-item page, median %.2f ms, p90 %.2f ms, p99 %.2f ms,"
            + " max %.2f ms, %.0f queries/s%n", label, QUERIES, micros[QUERIES / 2] / 1000.0,
        micros[QUERIES * 9 / 10] / 1000.0, micros[QUERIES * 99 / 100] / 1000.0, micros[QUERIES - 1] / 1000.0,
        QUERIES * 1000.0 / totalMs);
  }
}
