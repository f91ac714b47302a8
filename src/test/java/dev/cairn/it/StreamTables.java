package dev.cairn.it;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Tables with streams and stream readers for the streams tests (default account's clients from the fixture). */
final class StreamTables {
  static final DynamoDbClient dynamo = CairnFixture.get().dynamo();
  static final DynamoDbStreamsClient streams = CairnFixture.get().streams();

  private StreamTables() {
  }

  /** Creates an on-demand table with {@code pk} (S) and optionally {@code sk} (N), with a stream of that view. */
  static String createWithStream(String prefix, StreamViewType view, boolean sortKey) {
    String name = ItemTables.uniqueName(prefix);
    dynamo.createTable(b -> {
      b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
          .streamSpecification(x -> x.streamEnabled(true).streamViewType(view));
      if (sortKey) {
        b.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                    .attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build());
      } else {
        b.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                .attributeType(ScalarAttributeType.S).build());
      }
    });
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    return name;
  }

  static String streamArn(String table) {
    return dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
  }

  /** Every shard of the stream, parents before children. */
  static List<Shard> shards(String arn) {
    List<Shard> all = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      StreamDescription d = streams.describeStream(b -> b.streamArn(arn).exclusiveStartShardId(from))
          .streamDescription();
      all.addAll(d.shards());
      start = d.lastEvaluatedShardId();
    } while (start != null);
    return all;
  }

  /**
   * Reads every shard from TRIM_HORIZON, polling for up to 20 s until at least {@code atLeast} records are readable
   * (a record becomes readable once every older writing transaction has finished, so right after a write it may
   * take a moment, more when other transactions run long on the same PostgreSQL).
   */
  static List<Record> readAll(String arn, int atLeast) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    List<Record> out = readAll(arn);
    while (out.size() < atLeast && System.nanoTime() < deadline) {
      sleep(50);
      out = readAll(arn);
    }
    return out;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads every shard from TRIM_HORIZON until it is drained (closed) or returns nothing (open). */
  static List<Record> readAll(String arn) {
    List<Record> out = new ArrayList<>();
    for (Shard shard : shards(arn)) {
      String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      while (it != null) {
        String current = it;
        GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(current));
        out.addAll(r.records());
        if (r.records().isEmpty()) {
          break;
        }
        it = r.nextShardIterator();
      }
    }
    out.sort((a, b) -> a.dynamodb().sequenceNumber().compareTo(b.dynamodb().sequenceNumber()));
    return out;
  }

  /** The shard holding records of partition key {@code pk} (the only shard with records after one put). */
  static String shardWithRecords(String arn) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (true) {
      for (Shard shard : shards(arn)) {
        String it = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        if (!streams.getRecords(b -> b.shardIterator(it)).records().isEmpty()) {
          return shard.shardId();
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no shard has records");
      }
      sleep(50);
    }
  }

  static String iterator(String arn, String shard, ShardIteratorType type, String seq) {
    return streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(type).sequenceNumber(seq))
        .shardIterator();
  }

}
