package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Streams through the AWS SDK v2: the stream lifecycle on CreateTable/UpdateTable/DeleteTable, the records
 * of PutItem, UpdateItem and DeleteItem for each view type, and the Streams API with its errors. Written so the
 * same assertions could run against the service (the stream appears at once here; the service may need seconds).
 */
class StreamsIT {
  static CairnFixture fixture;
  static DynamoDbClient dynamo;
  static DynamoDbStreamsClient streams;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
    streams = fixture.streams();
  }

  @Test
  void createTable_withStream_describesLatestStreamArnAndLabel() {
    String name = ItemTables.uniqueName("stream-life");
    CreateTableResponse created = dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S)
            .build())
        .streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
    TableDescription t = created.tableDescription();
    assertTrue(t.latestStreamLabel().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), t.latestStreamLabel());
    assertEquals("arn:aws:dynamodb:us-east-1:" + fixture.defaultKeys().accountId() + ":table/" + name + "/stream/"
        + t.latestStreamLabel(), t.latestStreamArn());
    assertEquals(StreamViewType.KEYS_ONLY, t.streamSpecification().streamViewType());
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    TableDescription d = dynamo.describeTable(b -> b.tableName(name)).table();
    assertEquals(t.latestStreamArn(), d.latestStreamArn());
    assertEquals(t.latestStreamLabel(), d.latestStreamLabel());

    StreamDescription s = streams.describeStream(b -> b.streamArn(t.latestStreamArn())).streamDescription();
    assertEquals("ENABLED", s.streamStatusAsString());
    assertEquals(name, s.tableName());
    assertEquals(StreamViewType.KEYS_ONLY, s.streamViewType());
    assertEquals(t.latestStreamLabel(), s.streamLabel());
    assertEquals("pk", s.keySchema().get(0).attributeName());
    assertNotNull(s.creationRequestDateTime());
    assertFalse(s.shards().isEmpty());
    for (Shard shard : s.shards()) {
      assertTrue(shard.shardId().matches("shardId-\\d{20}-[0-9a-f]{8}"), shard.shardId());
      assertNotNull(shard.sequenceNumberRange().startingSequenceNumber());
      assertNull(shard.sequenceNumberRange().endingSequenceNumber());
    }
  }

  @Test
  void updateTable_enableDisableReEnable_followsTheServiceRules() {
    String name = ItemTables.create(dynamo, ItemTables.uniqueName("stream-upd"), "pk", ScalarAttributeType.S, null, null);
    assertNull(dynamo.describeTable(b -> b.tableName(name)).table().latestStreamArn());
    assertDynamoError("ValidationException", "Table has no stream to disable: TableName: " + name,
        () -> dynamo.updateTable(b -> b.tableName(name).streamSpecification(x -> x.streamEnabled(false))));

    TableDescription enabled = dynamo.updateTable(b -> b.tableName(name)
        .streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))).tableDescription();
    String first = enabled.latestStreamArn();
    assertNotNull(first);
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    assertDynamoError("ValidationException", "Table already has an enabled stream: TableName: " + name,
        () -> dynamo.updateTable(b -> b.tableName(name)
            .streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))));
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("a"))));

    dynamo.updateTable(b -> b.tableName(name).streamSpecification(x -> x.streamEnabled(false)));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    TableDescription disabled = dynamo.describeTable(b -> b.tableName(name)).table();
    assertNull(disabled.streamSpecification());
    assertEquals(first, disabled.latestStreamArn(), "the latest stream stays named after it is disabled");
    StreamDescription old = streams.describeStream(b -> b.streamArn(first)).streamDescription();
    assertEquals("DISABLED", old.streamStatusAsString());
    for (Shard shard : old.shards()) {
      assertNotNull(shard.sequenceNumberRange().endingSequenceNumber(), "a disabled stream's shards are closed");
    }
    assertEquals(1, StreamTables.readAll(first, 1).size(), "a disabled stream stays readable");
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("b"))));
    assertEquals(1, StreamTables.readAll(first, 1).size(), "no records while disabled");

    dynamo.updateTable(b -> b.tableName(name)
        .streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    String second = StreamTables.streamArn(name);
    assertNotEquals(first, second);
    var listed = streams.listStreams(b -> b.tableName(name)).streams();
    assertEquals(List.of(first, second), listed.stream().map(x -> x.streamArn()).toList());
    assertEquals(0, StreamTables.readAll(second, 0).size());
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("c"))));
    assertEquals(1, StreamTables.readAll(second, 1).size());
  }

  @Test
  void deleteTable_leavesStreamReadable_andNameCanBeReused() {
    String name = StreamTables.createWithStream("stream-del", StreamViewType.NEW_AND_OLD_IMAGES, false);
    String first = StreamTables.streamArn(name);
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("a"), "v", n("1"))));
    dynamo.deleteTable(b -> b.tableName(name));
    dynamo.waiter().waitUntilTableNotExists(b -> b.tableName(name));
    StreamDescription d = streams.describeStream(b -> b.streamArn(first)).streamDescription();
    assertEquals("DISABLED", d.streamStatusAsString());
    List<Record> records = StreamTables.readAll(first, 1);
    assertEquals(1, records.size());
    assertEquals("INSERT", records.get(0).eventNameAsString());

    String again = StreamTables.createWithStream("unused", StreamViewType.KEYS_ONLY, false);
    dynamo.deleteTable(b -> b.tableName(again));
    dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S)
            .build())
        .streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    String second = StreamTables.streamArn(name);
    assertNotEquals(first, second);
    assertEquals(0, StreamTables.readAll(second, 0).size());
    assertEquals(1, StreamTables.readAll(first, 1).size());
  }

  @Test
  void newAndOldImages_putUpdateDelete_recordEveryChangeButNoOps() {
    String name = StreamTables.createWithStream("stream-nao", StreamViewType.NEW_AND_OLD_IMAGES, true);
    Map<String, AttributeValue> key = item("pk", s("k"), "sk", n("1"));
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("k"), "sk", n("1"), "v", s("one"))));
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("k"), "sk", n("1"), "v", s("one"))));
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("k"), "sk", n("1"), "v", s("two"))));
    dynamo.updateItem(b -> b.tableName(name).key(key).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", s("two"))));
    dynamo.updateItem(b -> b.tableName(name).key(key).updateExpression("SET w = :w")
        .expressionAttributeValues(Map.of(":w", n("5"))));
    dynamo.deleteItem(b -> b.tableName(name).key(key));
    dynamo.deleteItem(b -> b.tableName(name).key(key));
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("k"), "sk", n("2"))).conditionExpression(
        "attribute_not_exists(pk)"));
    assertDynamoError("ConditionalCheckFailedException", null, () -> dynamo.putItem(b -> b.tableName(name)
        .item(item("pk", s("k"), "sk", n("2"), "v", s("no"))).conditionExpression("attribute_not_exists(pk)")));
    assertDynamoError("ConditionalCheckFailedException", null, () -> dynamo.deleteItem(b -> b.tableName(name)
        .key(item("pk", s("k"), "sk", n("2"))).conditionExpression("attribute_exists(v)")));
    dynamo.deleteItem(b -> b.tableName(name).key(item("pk", s("k"), "sk", n("2")))
        .conditionExpression("attribute_not_exists(v)"));

    List<Record> r = StreamTables.readAll(StreamTables.streamArn(name), 6);
    assertEquals(List.of("INSERT", "MODIFY", "MODIFY", "REMOVE", "INSERT", "REMOVE"),
        r.stream().map(Record::eventNameAsString).toList());
    for (Record x : r) {
      assertEquals("aws:dynamodb", x.eventSource());
      assertEquals("1.1", x.eventVersion());
      assertEquals("us-east-1", x.awsRegion());
      assertTrue(x.eventID().matches("[0-9a-f]{32}"), x.eventID());
      assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, x.dynamodb().streamViewType());
      assertTrue(x.dynamodb().sizeBytes() > 0);
      assertTrue(Math.abs(x.dynamodb().approximateCreationDateTime().getEpochSecond()
          - java.time.Instant.now().getEpochSecond()) < 120, "ApproximateCreationDateTime is about now");
      assertTrue(x.dynamodb().sequenceNumber().matches("\\d{21,40}"));
    }
    assertEquals(key, r.get(0).dynamodb().keys());
    assertFalse(r.get(0).dynamodb().hasOldImage());
    assertEquals(s("one"), r.get(0).dynamodb().newImage().get("v"));
    assertEquals(s("one"), r.get(1).dynamodb().oldImage().get("v"));
    assertEquals(s("two"), r.get(1).dynamodb().newImage().get("v"));
    assertEquals(n("5"), r.get(2).dynamodb().newImage().get("w"));
    assertNull(r.get(2).dynamodb().oldImage().get("w"));
    assertFalse(r.get(3).dynamodb().hasNewImage());
    assertEquals(n("5"), r.get(3).dynamodb().oldImage().get("w"));
    assertEquals(item("pk", s("k"), "sk", n("2")), r.get(4).dynamodb().keys());
  }

  @Test
  void viewTypes_carryOnlyTheirImages() {
    for (StreamViewType view : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE, StreamViewType.OLD_IMAGE)) {
      String name = StreamTables.createWithStream("stream-view", view, false);
      dynamo.putItem(b -> b.tableName(name).item(item("pk", s("a"), "v", n("1"))));
      dynamo.updateItem(b -> b.tableName(name).key(item("pk", s("a"))).updateExpression("SET v = :v")
          .expressionAttributeValues(Map.of(":v", n("2"))));
      dynamo.deleteItem(b -> b.tableName(name).key(item("pk", s("a"))));
      List<Record> r = StreamTables.readAll(StreamTables.streamArn(name), 3);
      assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), r.stream().map(Record::eventNameAsString).toList(),
          view.toString());
      for (int i = 0; i < 3; i++) {
        var d = r.get(i).dynamodb();
        assertEquals(item("pk", s("a")), d.keys());
        assertEquals(view, d.streamViewType());
        boolean hasNew = i < 2 && view == StreamViewType.NEW_IMAGE;
        boolean hasOld = i > 0 && view == StreamViewType.OLD_IMAGE;
        assertEquals(hasNew, d.hasNewImage(), view + " record " + i);
        assertEquals(hasOld, d.hasOldImage(), view + " record " + i);
      }
      if (view == StreamViewType.NEW_IMAGE) {
        assertEquals(n("2"), r.get(1).dynamodb().newImage().get("v"));
      }
      if (view == StreamViewType.OLD_IMAGE) {
        assertEquals(n("1"), r.get(1).dynamodb().oldImage().get("v"));
        assertEquals(n("2"), r.get(2).dynamodb().oldImage().get("v"));
      }
    }
  }

  @Test
  void tableWithIndex_writesIndexRowsAndRecordsTogether() {
    String name = ItemTables.uniqueName("stream-gsi");
    dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S)
            .build(), AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
        .globalSecondaryIndexes(x -> x.indexName("byG").projection(p -> p.projectionType("ALL"))
            .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build()))
        .streamSpecification(x -> x.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("a"), "g", s("x"))));
    dynamo.updateItem(b -> b.tableName(name).key(item("pk", s("a"))).updateExpression("SET g = :g")
        .expressionAttributeValues(Map.of(":g", s("y"))));
    assertEquals(1, dynamo.query(b -> b.tableName(name).indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("y")))).count());
    dynamo.deleteItem(b -> b.tableName(name).key(item("pk", s("a"))));
    assertEquals(0, dynamo.query(b -> b.tableName(name).indexName("byG").keyConditionExpression("g = :g")
        .expressionAttributeValues(Map.of(":g", s("y")))).count());
    List<Record> r = StreamTables.readAll(StreamTables.streamArn(name), 3);
    assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), r.stream().map(Record::eventNameAsString).toList());
    assertEquals(s("x"), r.get(1).dynamodb().oldImage().get("g"));
    assertEquals(s("y"), r.get(2).dynamodb().oldImage().get("g"));
  }

  /** BatchWriteItem (API Reference) writes through the same statements: one record per changed item. */
  @Test
  void batchWriteItem_recordsEveryPutAndDelete() {
    String name = StreamTables.createWithStream("stream-batch", StreamViewType.NEW_AND_OLD_IMAGES, false);
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("old"), "v", n("1"))));
    dynamo.batchWriteItem(b -> b.requestItems(Map.of(name, List.of(
        WriteRequest.builder().putRequest(p -> p.item(item("pk", s("new"), "v", n("2")))).build(),
        WriteRequest.builder().putRequest(p -> p.item(item("pk", s("old"), "v", n("3")))).build(),
        WriteRequest.builder().deleteRequest(d -> d.key(item("pk", s("absent")))).build()))));
    dynamo.batchWriteItem(b -> b.requestItems(Map.of(name, List.of(
        WriteRequest.builder().deleteRequest(d -> d.key(item("pk", s("new")))).build()))));
    List<Record> r = StreamTables.readAll(StreamTables.streamArn(name), 4);
    Map<String, List<String>> byKey = new java.util.TreeMap<>();
    r.forEach(x -> byKey.computeIfAbsent(x.dynamodb().keys().get("pk").s(), k -> new java.util.ArrayList<>())
        .add(x.eventNameAsString()));
    assertEquals(Map.of("new", List.of("INSERT", "REMOVE"), "old", List.of("INSERT", "MODIFY")), byKey,
        "no record for the delete of an absent item");
  }

  /** TransactWriteItems: one record per item changed, none for a ConditionCheck or a cancelled transaction. */
  @Test
  void transactWriteItems_recordsEachChangedItem_andNothingWhenCancelled() {
    String name = StreamTables.createWithStream("stream-tx", StreamViewType.NEW_AND_OLD_IMAGES, false);
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("a"), "v", n("1"))));
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("c"), "v", n("1"))));
    dynamo.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().update(u -> u.tableName(name).key(item("pk", s("a")))
            .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", n("2")))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(name).item(item("pk", s("b"), "v", n("1")))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName(name).key(item("pk", s("c")))).build(),
        TransactWriteItem.builder().conditionCheck(c -> c.tableName(name).key(item("pk", s("zzz")))
            .conditionExpression("attribute_not_exists(pk)")).build()));
    assertThrows(TransactionCanceledException.class, () -> dynamo.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(name).item(item("pk", s("d"), "v", n("1")))).build(),
        TransactWriteItem.builder().conditionCheck(c -> c.tableName(name).key(item("pk", s("a")))
            .conditionExpression("attribute_not_exists(pk)")).build())));
    List<Record> r = StreamTables.readAll(StreamTables.streamArn(name), 5);
    Map<String, List<String>> byKey = new java.util.TreeMap<>();
    r.forEach(x -> byKey.computeIfAbsent(x.dynamodb().keys().get("pk").s(), k -> new java.util.ArrayList<>())
        .add(x.eventNameAsString()));
    assertEquals(Map.of("a", List.of("INSERT", "MODIFY"), "b", List.of("INSERT"), "c", List.of("INSERT", "REMOVE")),
        byKey);
    Record modify = r.stream().filter(x -> x.eventNameAsString().equals("MODIFY")).findFirst().orElseThrow();
    assertEquals(n("1"), modify.dynamodb().oldImage().get("v"));
    assertEquals(n("2"), modify.dynamodb().newImage().get("v"));
  }

  /**
   * Time to Live deletions (Developer Guide, "DynamoDB Streams and Time to Live"): the sweeper's delete writes a
   * REMOVE record with the old image and userIdentity {"type": "Service", "principalId": "dynamodb.amazonaws.com"};
   * ordinary writes carry none.
   */
  @Test
  void timeToLiveDeletion_removeRecordCarriesTheServiceIdentity() throws Exception {
    String name = StreamTables.createWithStream("stream-ttl", StreamViewType.OLD_IMAGE, false);
    var admin = fixture.management();
    assertTrue(admin.call("PUT", "/settings/ttl_sweep_interval_ms", "{\"value\":\"1000\"}").ok());
    try {
      dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
      long past = System.currentTimeMillis() / 1000 - 100;
      dynamo.putItem(b -> b.tableName(name).item(item("pk", s("gone"), "v", n("1"), "exp", n(Long.toString(past)))));
      List<Record> r = StreamTables.readAll(StreamTables.streamArn(name), 2);
      assertEquals(List.of("INSERT", "REMOVE"), r.stream().map(Record::eventNameAsString).toList());
      assertNull(r.get(0).userIdentity());
      assertEquals("Service", r.get(1).userIdentity().type());
      assertEquals("dynamodb.amazonaws.com", r.get(1).userIdentity().principalId());
      assertEquals(n("1"), r.get(1).dynamodb().oldImage().get("v"));
      assertFalse(dynamo.getItem(b -> b.tableName(name).key(item("pk", s("gone")))).hasItem());
    } finally {
      admin.call("PUT", "/settings/ttl_sweep_interval_ms", "{\"value\":\"60000\"}");
    }
  }
}
