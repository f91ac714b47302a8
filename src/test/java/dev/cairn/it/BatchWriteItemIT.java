package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPageIterable;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem as the service answers it: puts and deletes over several tables with an empty UnprocessedItems,
 * the whole request validated before anything is written (a late invalid write leaves every table untouched),
 * duplicate keys per table, the 25-write limit, index entries written and removed exactly as by PutItem and
 * DeleteItem, ConsumedCapacity per table; and the Enhanced Client's batch calls.
 */
class BatchWriteItemIT {
  static DynamoDbClient dynamo;
  static String users;
  static String events;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    users = ItemTables.create(dynamo, ItemTables.uniqueName("bw-users"), "id", ScalarAttributeType.S, null, null);
    events = ItemTables.create(dynamo, ItemTables.uniqueName("bw-events"), "pk", ScalarAttributeType.S, "n",
        ScalarAttributeType.N);
  }

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private static WriteRequest delete(Map<String, AttributeValue> key) {
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
  }

  private static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    var r = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true));
    return r.hasItem() ? r.item() : null;
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void batchWrite_putsAndDeletesOverTwoTables_answersAnEmptyUnprocessedItems() {
    String a = unique();
    dynamo.putItem(b -> b.tableName(users).item(item("id", s(a + "-old"), "v", s("x"))));
    BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(Map.of(
        users, List.of(put(item("id", s(a + "-1"), "v", s("one"))), delete(item("id", s(a + "-old"))),
            delete(item("id", s(a + "-never")))),
        events, List.of(put(item("pk", s(a), "n", n("1"), "what", s("login"))),
            put(item("pk", s(a), "n", n("2"), "what", s("logout")))))));
    assertTrue(r.hasUnprocessedItems(), "UnprocessedItems is sent even when empty");
    assertEquals(Map.of(), r.unprocessedItems());
    assertFalse(r.hasConsumedCapacity());
    assertFalse(r.hasItemCollectionMetrics());
    assertEquals(item("id", s(a + "-1"), "v", s("one")), get(users, item("id", s(a + "-1"))));
    assertNull(get(users, item("id", s(a + "-old"))));
    assertEquals(item("pk", s(a), "n", n("2"), "what", s("logout")), get(events, item("pk", s(a), "n", n("2"))));
  }

  @Test
  void batchWrite_putOverAnExistingItem_replacesIt() {
    String a = unique();
    dynamo.putItem(b -> b.tableName(users).item(item("id", s(a), "old", s("gone"))));
    dynamo.batchWriteItem(b -> b.requestItems(Map.of(users, List.of(put(item("id", s(a), "new", s("here")))))));
    assertEquals(item("id", s(a), "new", s("here")), get(users, item("id", s(a))));
  }

  @Test
  void batchWrite_sameKeyInTwoTables_isNotADuplicate() {
    String t2 = ItemTables.create(dynamo, ItemTables.uniqueName("bw-twin"), "id", ScalarAttributeType.S, null, null);
    String a = unique();
    dynamo.batchWriteItem(b -> b.requestItems(Map.of(users, List.of(put(item("id", s(a)))),
        t2, List.of(put(item("id", s(a)))))));
    assertEquals(item("id", s(a)), get(t2, item("id", s(a))));
    assertEquals(item("id", s(a)), get(users, item("id", s(a))));
  }

  // ------------------------------------------------------------------ nothing written when any write is invalid

  /** A valid put in each table, then {@code late} last: the call must fail and write neither valid item. */
  private void assertLateInvalidWritesNothing(String code, String message, String table, WriteRequest late) {
    String a = unique();
    Map<String, AttributeValue> u = item("id", s(a), "v", s("valid"));
    Map<String, AttributeValue> e = item("pk", s(a), "n", n("1"));
    List<WriteRequest> lateTableWrites = new ArrayList<>();
    if (table.equals(users)) {
      lateTableWrites.add(put(u));
    } else if (table.equals(events)) {
      lateTableWrites.add(put(e));
    }
    lateTableWrites.add(late);
    Map<String, List<WriteRequest>> request = new java.util.LinkedHashMap<>();
    if (!table.equals(users)) {
      request.put(users, List.of(put(u)));
    }
    if (!table.equals(events)) {
      request.put(events, List.of(put(e)));
    }
    request.put(table, lateTableWrites);
    assertDynamoError(code, message, () -> dynamo.batchWriteItem(b -> b.requestItems(request)));
    assertNull(get(users, item("id", s(a))), "nothing is written");
    assertNull(get(events, item("pk", s(a), "n", n("1"))), "nothing is written");
  }

  @Test
  void batchWrite_lateKeyTypeMismatch_writesNothing() {
    assertLateInvalidWritesNothing("ValidationException", "The provided key element does not match the schema",
        users, put(item("id", n("1"))));
  }

  @Test
  void batchWrite_lateMissingSortKey_writesNothing() {
    assertLateInvalidWritesNothing("ValidationException", "The provided key element does not match the schema",
        events, put(item("pk", s("x"))));
  }

  @Test
  void batchWrite_lateDeleteWithAnExtraKeyAttribute_writesNothing() {
    assertLateInvalidWritesNothing("ValidationException", "The provided key element does not match the schema",
        users, delete(item("id", s("x"), "v", s("y"))));
  }

  @Test
  void batchWrite_lateOversizedItem_writesNothing() {
    assertLateInvalidWritesNothing("ValidationException", "Item size has exceeded the maximum allowed size",
        users, put(item("id", s("x"), "big", s("b".repeat(409_600)))));
  }

  @Test
  void batchWrite_lateEmptyStringSet_writesNothing() {
    assertLateInvalidWritesNothing("ValidationException",
        "One or more parameter values were invalid: An string set  may not be empty",
        users, put(item("id", s("x"), "tags", AttributeValue.fromSs(List.of()))));
  }

  @Test
  void batchWrite_lateEmptyKeyString_writesNothing() {
    assertLateInvalidWritesNothing("ValidationException", "One or more parameter values are not valid. The "
        + "AttributeValue for a key attribute cannot contain an empty string value. Key: id",
        users, put(item("id", s(""))));
  }

  @Test
  void batchWrite_lateMissingTable_writesNothing() {
    assertLateInvalidWritesNothing("ResourceNotFoundException", "Requested resource not found",
        "nosuch-" + unique(), put(item("id", s("x"))));
  }

  @Test
  void batchWrite_lateIndexKeyTypeMismatch_writesNothing() {
    String t = createWithGsi();
    String a = unique();
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Type mismatch for Index Key"
        + " color Expected: S Actual: N IndexName: byColor",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(users, List.of(put(item("id", s(a)))),
            t, List.of(put(item("id", s(a), "color", s("red"), "n", n("1"))),
                put(item("id", s(a + "-2"), "color", n("5"))))))));
    assertNull(get(users, item("id", s(a))));
    assertNull(get(t, item("id", s(a))));
  }

  // ------------------------------------------------------------------ validation

  @Test
  void batchWrite_putAndDeleteOfOneKey_areDuplicates_inEitherOrder() {
    String a = unique();
    assertDynamoError("ValidationException", "Provided list of item keys contains duplicates",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(users,
            List.of(put(item("id", s(a), "c", s("c"))), delete(item("id", s(a))))))));
    assertDynamoError("ValidationException", "Provided list of item keys contains duplicates",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(events,
            List.of(delete(item("pk", s(a), "n", n("1"))), put(item("pk", s(a), "n", n("1.0"))))))));
    assertNull(get(users, item("id", s(a))));
  }

  @Test
  void batchWrite_tableExistenceIsCheckedBeforeDuplicates() {
    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of("nosuch-" + unique(),
            List.of(put(item("a", s("x"))), delete(item("a", s("x"))))))));
  }

  @Test
  void batchWrite_26WritesOverTwoTables_isTooMany() {
    List<WriteRequest> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add(put(item("id", s("t" + i))));
    }
    List<WriteRequest> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(put(item("pk", s("t" + i), "n", n("1"))));
    }
    assertDynamoError("ValidationException", "Too many items requested for the BatchWriteItem call",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(users, twenty, events, six))));
    assertNull(get(users, item("id", s("t0"))));
  }

  @Test
  void batchWrite_26WritesInOneTable_failsTheMapValueConstraint() {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      writes.add(i % 2 == 0 ? put(item("a", s("k" + i))) : delete(item("a", s("k" + i))));
    }
    var e = assertDynamoError("ValidationException", null,
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of("abc", writes))));
    String m = e.awsErrorDetails().errorMessage();
    assertTrue(m.startsWith("1 validation error detected: Value '{"), m);
    assertTrue(m.endsWith("' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
        + "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"), m);
  }

  @Test
  void batchWrite_exactly25WritesOnAMissingTable_isResourceNotFound() {
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      writes.add(i % 2 == 0 ? put(item("a", s("k" + i))) : delete(item("a", s("k" + i))));
    }
    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of("nosuch-" + unique(), writes))));
  }

  @Test
  void batchWrite_emptyRequestItems_failsTheLengthConstraint() {
    assertDynamoError("ValidationException", "1 validation error detected: Value '{}' at 'requestItems' failed to "
        + "satisfy constraint: Member must have length greater than or equal to 1",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of())));
  }

  @Test
  void batchWrite_writeRequestWithNeitherOrBothRequests_isRejected() {
    String text = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the "
        + "supported datatypes";
    assertDynamoError("ValidationException", text,
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(users, List.of(WriteRequest.builder().build())))));
    assertDynamoError("ValidationException", text,
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(users, List.of(WriteRequest.builder()
            .putRequest(PutRequest.builder().item(item("id", s("a"))).build())
            .deleteRequest(DeleteRequest.builder().key(item("id", s("a"))).build()).build())))));
  }

  @Test
  void batchWrite_putRequestWithoutItem_failsTheNotNullConstraint() {
    assertDynamoError("ValidationException", "1 validation error detected: Value null at 'requestItems." + users
        + ".member.1.member.putRequest.item' failed to satisfy constraint: Member must not be null",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(users,
            List.of(WriteRequest.builder().putRequest(PutRequest.builder().build()).build())))));
  }

  @Test
  void batchWrite_duplicateSetMembers_areWordedByTheOlderValueChecker() {
    // BatchWriteItem checks values with the service's older checker: members as sent, unquoted
    // (docs/value-model.md, "Two wordings").
    assertDynamoError("ValidationException",
        "One or more parameter values were invalid: Input collection [b, a, b] contains duplicates.",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(users,
            List.of(put(item("id", s("x"), "tags", AttributeValue.fromSs(List.of("b", "a", "b")))))))));
  }

  @Test
  void batchWrite_badEnums_areListedTogether() {
    assertDynamoError("ValidationException", "2 validation errors detected: Value 'LOTS' at 'returnConsumedCapacity' "
        + "failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'ALL' at "
        + "'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]",
        () -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(users, List.of(put(item("id", s("a"))))))
            .returnConsumedCapacity("LOTS").returnItemCollectionMetrics("ALL")));
  }

  // ------------------------------------------------------------------ indexes and capacity

  private static String createWithGsi() {
    String name = "bw-gsi-" + unique();
    dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("color").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byColor")
            .keySchema(KeySchemaElement.builder().attributeName("color").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    return name;
  }

  private static List<String> byColor(String table, String color) {
    return dynamo.query(b -> b.tableName(table).indexName("byColor").keyConditionExpression("color = :c")
        .expressionAttributeValues(Map.of(":c", s(color)))).items().stream().map(i -> i.get("id").s())
        .collect(Collectors.toList());
  }

  @Test
  void batchWrite_indexEntries_areWrittenByPutsAndRemovedByDeletes() {
    String t = createWithGsi();
    dynamo.batchWriteItem(b -> b.requestItems(Map.of(t, List.of(
        put(item("id", s("a"), "color", s("red"), "n", n("1"))),
        put(item("id", s("b"), "color", s("red"), "n", n("2"))),
        put(item("id", s("c"), "color", s("blue"), "n", n("3"))),
        put(item("id", s("d"), "n", n("4")))))));
    assertEquals(List.of("a", "b"), byColor(t, "red"));
    assertEquals(List.of("c"), byColor(t, "blue"));
    assertEquals(3, dynamo.scan(b -> b.tableName(t).indexName("byColor")).count());

    dynamo.batchWriteItem(b -> b.requestItems(Map.of(t, List.of(
        delete(item("id", s("a"))),
        put(item("id", s("c"), "color", s("red"), "n", n("0"))),
        put(item("id", s("b"), "n", n("2")))))));
    assertEquals(List.of("c"), byColor(t, "red"));
    assertEquals(List.of(), byColor(t, "blue"));
    assertEquals(1, dynamo.scan(b -> b.tableName(t).indexName("byColor")).count());
    assertEquals(3, dynamo.scan(b -> b.tableName(t)).count());
  }

  @Test
  void batchWrite_consumedCapacity_perTable_fromTheLargerOfOldAndNewItems() {
    String t2 = ItemTables.create(dynamo, ItemTables.uniqueName("bw-cap"), "id", ScalarAttributeType.S, null, null);
    String a = unique();
    // 1500 bytes: two 1 KB units; a small item or a delete of an absent item: one.
    Map<String, AttributeValue> big = item("id", s(a + "-big"), "b", s("x".repeat(1500)));
    Map<String, List<WriteRequest>> puts = Map.of(users, List.of(put(big), put(item("id", s(a + "-small")))),
        t2, List.of(put(item("id", s(a)))));
    BatchWriteItemResponse total = dynamo.batchWriteItem(b -> b.requestItems(puts)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    Map<String, ConsumedCapacity> byTable = new HashMap<>();
    total.consumedCapacity().forEach(c -> byTable.put(c.tableName(), c));
    assertEquals(Set.of(users, t2), byTable.keySet());
    assertEquals(3.0, byTable.get(users).capacityUnits());
    assertEquals(1.0, byTable.get(t2).capacityUnits());
    assertNull(byTable.get(users).table());

    // A small put over the big item costs what the big item did; so does deleting it.
    BatchWriteItemResponse indexes = dynamo.batchWriteItem(b -> b.requestItems(Map.of(users,
        List.of(put(item("id", s(a + "-big"))), delete(item("id", s(a + "-small"))), delete(item("id", s(a + "-none"))))))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
    ConsumedCapacity c = indexes.consumedCapacity().get(0);
    assertEquals(1, indexes.consumedCapacity().size());
    assertEquals(users, c.tableName());
    assertEquals(4.0, c.capacityUnits());
    assertEquals(4.0, c.table().capacityUnits());
    assertEquals(item("id", s(a + "-big")), get(users, item("id", s(a + "-big"))));
    assertNull(get(users, item("id", s(a + "-small"))));

    BatchWriteItemResponse deletes = dynamo.batchWriteItem(b -> b.requestItems(Map.of(users,
        List.of(delete(item("id", s(a + "-big")))))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertEquals(1.0, deletes.consumedCapacity().get(0).capacityUnits());
  }

  @Test
  void batchWrite_returnItemCollectionMetrics_onATableWithoutLocalIndexes_reportsNone() {
    BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(Map.of(users,
        List.of(put(item("id", s(unique())))))).returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
    assertFalse(r.hasItemCollectionMetrics());
    assertEquals(Map.of(), r.unprocessedItems());
  }

  // ------------------------------------------------------------------ the Enhanced Client

  /** A note mapped by the Enhanced Client. */
  @DynamoDbBean
  public static class Note {
    private String id;
    private String text;

    @DynamoDbPartitionKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }
  }

  private static Note note(String id, String text) {
    Note n = new Note();
    n.setId(id);
    n.setText(text);
    return n;
  }

  @Test
  void enhancedClient_batchWriteThenBatchGet() {
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    DynamoDbTable<Note> notes = enhanced.table(ItemTables.uniqueName("bw-notes"), TableSchema.fromBean(Note.class));
    notes.createTable();
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(notes.tableName()));
    notes.putItem(note("old", "to delete"));

    BatchWriteResult written = enhanced.batchWriteItem(b -> b.addWriteBatch(WriteBatch.builder(Note.class)
        .mappedTableResource(notes).addPutItem(note("n1", "first")).addPutItem(note("n2", "second"))
        .addDeleteItem(Key.builder().partitionValue("old").build()).build()));
    assertEquals(List.of(), written.unprocessedPutItemsForTable(notes));
    assertEquals(List.of(), written.unprocessedDeleteItemsForTable(notes));

    BatchGetResultPageIterable pages = enhanced.batchGetItem(b -> b.addReadBatch(ReadBatch.builder(Note.class)
        .mappedTableResource(notes).addGetItem(Key.builder().partitionValue("n1").build())
        .addGetItem(Key.builder().partitionValue("n2").build())
        .addGetItem(Key.builder().partitionValue("old").build()).build()));
    Map<String, String> found = new HashMap<>();
    pages.resultsForTable(notes).forEach(n -> found.put(n.getId(), n.getText()));
    assertEquals(Map.of("n1", "first", "n2", "second"), found);
  }
}
