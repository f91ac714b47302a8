package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * TransactWriteItems through the AWS SDK: validation in the service's order and wording (captured texts from the
 * conformance suite, tests/tier3/error-messages/transactWriteItems.test.ts and validation-ordering/transactions),
 * all-or-nothing writes over two tables, cancellation reasons in request order with the old item on ALL_OLD,
 * idempotent retries with ClientRequestToken, consumed capacity and GSI maintenance.
 */
class TransactWriteItemsIT {
  static DynamoDbClient dynamo;
  static String hash;
  static String sorted;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    hash = ItemTables.create(dynamo, ItemTables.uniqueName("tx-hash"), "pk", ScalarAttributeType.S, null, null);
    sorted = ItemTables.create(dynamo, ItemTables.uniqueName("tx-sorted"), "pk", ScalarAttributeType.S, "sk",
        ScalarAttributeType.N);
  }

  static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
  }

  static TransactWriteItem putIfAbsent(String table, Map<String, AttributeValue> item, boolean allOld) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
        .conditionExpression("attribute_not_exists(pk)")
        .returnValuesOnConditionCheckFailure(allOld ? ReturnValuesOnConditionCheckFailure.ALL_OLD
            : ReturnValuesOnConditionCheckFailure.NONE).build()).build();
  }

  static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item;
  }

  static String key(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  // ---- validation ----

  @Test
  void transactWriteItems_empty_throwsValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value '[]' at 'transactItems' failed to"
        + " satisfy constraint: Member must have length greater than or equal to 1",
        () -> dynamo.transactWriteItems(b -> b.transactItems(List.of())));
  }

  @Test
  void transactWriteItems_moreThan100_throwsValidation() {
    List<TransactWriteItem> items = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      items.add(put(hash, item("pk", s("many-" + i))));
    }
    AwsServiceException e = assertDynamoError("ValidationException", null,
        () -> dynamo.transactWriteItems(b -> b.transactItems(items)));
    String m = e.awsErrorDetails().errorMessage();
    assertTrue(m.startsWith("1 validation error detected: Value '[") && m.endsWith("]' at 'transactItems' failed to"
        + " satisfy constraint: Member must have length less than or equal to 100"), m);
    assertNull(get(hash, item("pk", s("many-0"))));
  }

  @Test
  void transactWriteItems_exactly100_succeeds() {
    String p = key("hundred");
    List<TransactWriteItem> items = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      items.add(put(hash, item("pk", s(p + "-" + i))));
    }
    dynamo.transactWriteItems(b -> b.transactItems(items));
    assertTrue(get(hash, item("pk", s(p + "-99"))) != null);
  }

  @Test
  void transactWriteItems_memberErrors_reportedTogetherTokenFirst() {
    String token = "x".repeat(37);
    assertDynamoError("ValidationException", "2 validation errors detected: Value '" + token
        + "' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36;"
        + " Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set:"
        + " [INDEXES, TOTAL, NONE]",
        () -> dynamo.transactWriteItems(b -> b.transactItems(put(hash, item("pk", s("tok"))))
            .clientRequestToken(token).returnConsumedCapacity("BOGUS")));
  }

  @Test
  void transactWriteItems_actionWithNoOperation_throwsValidation() {
    assertDynamoError("ValidationException", "TransactItems can only contain one of Check, Put, Update or Delete",
        () -> dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().build())));
  }

  @Test
  void transactWriteItems_actionWithTwoOperations_throwsValidation() {
    TransactWriteItem both = TransactWriteItem.builder()
        .put(Put.builder().tableName(hash).item(item("pk", s("two"))).build())
        .delete(Delete.builder().tableName(hash).key(item("pk", s("two"))).build()).build();
    assertDynamoError("ValidationException", "TransactItems can only contain one of Check, Put, Update or Delete",
        () -> dynamo.transactWriteItems(b -> b.transactItems(both)));
  }

  @Test
  void transactWriteItems_malformedConditionOnLaterAction_reportedBeforeMissingTable() {
    TransactWriteItem check = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(hash)
        .key(item("pk", s("cc"))).conditionExpression("attribute_not_exists(").build()).build();
    assertDynamoError("ValidationException", "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"",
        () -> dynamo.transactWriteItems(b -> b.transactItems(put("no-such-table-tx", item("pk", s("a"))), check)));
  }

  @Test
  void transactWriteItems_unusedValue_reportedBeforeDuplicateTarget() {
    TransactWriteItem check = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(hash)
        .key(item("pk", s("dup-unused"))).conditionExpression("attribute_not_exists(pk)")
        .expressionAttributeValues(Map.of(":v", s("x"))).build()).build();
    assertDynamoError("ValidationException",
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}",
        () -> dynamo.transactWriteItems(b -> b.transactItems(put(hash, item("pk", s("dup-unused"))), check)));
    assertNull(get(hash, item("pk", s("dup-unused"))));
  }

  @Test
  void transactWriteItems_missingTable_throwsResourceNotFound() {
    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> dynamo.transactWriteItems(b -> b.transactItems(put(hash, item("pk", s("rnf"))),
            put("no-such-table-tx", item("pk", s("x"))))));
    assertNull(get(hash, item("pk", s("rnf"))));
  }

  @Test
  void transactWriteItems_twoActionsOnOneItem_throwsValidation() {
    TransactWriteItem delete = TransactWriteItem.builder().delete(Delete.builder().tableName(hash)
        .key(item("pk", s("dup"))).build()).build();
    assertDynamoError("ValidationException", "Transaction request cannot include multiple operations on one item",
        () -> dynamo.transactWriteItems(b -> b.transactItems(put(hash, item("pk", s("dup"))), delete)));
  }

  @Test
  void transactWriteItems_wrongKeyType_cancelsWithValidationErrorReason() {
    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(put(hash, item("pk", n("5"))))));
    assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]",
        e.awsErrorDetails().errorMessage());
    assertEquals("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
        e.cancellationReasons().get(0).message());
    TransactWriteItem delete = TransactWriteItem.builder().delete(Delete.builder().tableName(hash)
        .key(item("pk", n("5"))).build()).build();
    e = assertThrows(TransactionCanceledException.class, () -> dynamo.transactWriteItems(b -> b.transactItems(delete)));
    assertEquals("The provided key element does not match the schema", e.cancellationReasons().get(0).message());
  }

  @Test
  void transactWriteItems_emptyStringKey_throwsTopLevelValidation() {
    assertDynamoError("ValidationException", "One or more parameter values are not valid. The AttributeValue for a"
        + " key attribute cannot contain an empty string value. Key: pk",
        () -> dynamo.transactWriteItems(b -> b.transactItems(put(hash, item("pk", s(""))))));
  }

  @Test
  void transactWriteItems_itemTooLarge_throwsValidation() {
    String big = "x".repeat(400 * 1024);
    assertDynamoError("ValidationException", "Item size has exceeded the maximum allowed size",
        () -> dynamo.transactWriteItems(b -> b.transactItems(put(hash, item("pk", s("big"), "v", s(big))))));
  }

  @Test
  void transactWriteItems_aggregateOver4MB_throwsValidation() {
    String big = "x".repeat(390 * 1024);
    List<TransactWriteItem> items = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      items.add(put(hash, item("pk", s("agg-" + i), "v", s(big))));
    }
    assertDynamoError("ValidationException", null, () -> dynamo.transactWriteItems(b -> b.transactItems(items)));
    assertNull(get(hash, item("pk", s("agg-0"))));
  }

  // ---- function ----

  @Test
  void transactWriteItems_allActionKinds_acrossTwoTables_applyTogether() {
    String k = key("all");
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s(k + "-upd"), "count", n("1"))));
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s(k + "-del"))));
    dynamo.putItem(b -> b.tableName(sorted).item(item("pk", s(k), "sk", n("1"), "state", s("open"))));
    TransactWriteItemsResponse r = dynamo.transactWriteItems(b -> b.transactItems(
        put(hash, item("pk", s(k + "-new"), "v", s("fresh"))),
        TransactWriteItem.builder().update(Update.builder().tableName(hash).key(item("pk", s(k + "-upd")))
            .updateExpression("SET #c = #c + :one").expressionAttributeNames(Map.of("#c", "count"))
            .expressionAttributeValues(Map.of(":one", n("1"))).build()).build(),
        TransactWriteItem.builder().delete(Delete.builder().tableName(hash).key(item("pk", s(k + "-del")))
            .conditionExpression("attribute_exists(pk)").build()).build(),
        TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(sorted)
            .key(item("pk", s(k), "sk", n("1"))).conditionExpression("#s = :open")
            .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":open", s("open")))
            .build()).build()));
    assertFalse(r.hasConsumedCapacity());
    assertEquals(s("fresh"), get(hash, item("pk", s(k + "-new"))).get("v"));
    assertEquals(n("2"), get(hash, item("pk", s(k + "-upd"))).get("count"));
    assertNull(get(hash, item("pk", s(k + "-del"))));
  }

  @Test
  void transactWriteItems_conditionFails_reasonsInOrderWithItemOnAllOld_andNothingWritten() {
    String k = key("ccf");
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s(k + "-a"), "v", s("old-a"))));
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s(k + "-b"), "v", s("old-b"))));
    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(
            put(hash, item("pk", s(k + "-new"))),
            putIfAbsent(hash, item("pk", s(k + "-a"), "v", s("over")), true),
            putIfAbsent(hash, item("pk", s(k + "-b"), "v", s("over")), false))));
    assertEquals(400, e.statusCode());
    assertEquals("TransactionCanceledException", e.awsErrorDetails().errorCode());
    assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons"
        + " [None, ConditionalCheckFailed, ConditionalCheckFailed]", e.awsErrorDetails().errorMessage());
    List<CancellationReason> reasons = e.cancellationReasons();
    assertEquals(3, reasons.size());
    assertEquals("None", reasons.get(0).code());
    assertNull(reasons.get(0).message());
    assertFalse(reasons.get(0).hasItem());
    assertEquals("ConditionalCheckFailed", reasons.get(1).code());
    assertEquals("The conditional request failed", reasons.get(1).message());
    assertEquals(item("pk", s(k + "-a"), "v", s("old-a")), reasons.get(1).item());
    assertFalse(reasons.get(2).hasItem());
    assertNull(get(hash, item("pk", s(k + "-new"))));
    assertEquals(s("old-a"), get(hash, item("pk", s(k + "-a"))).get("v"));
  }

  @Test
  void transactWriteItems_updateMakesItemTooLarge_cancelsWithValidationError() {
    String k = key("grow");
    String chunk = "y".repeat(300 * 1024);
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s(k), "a", s(chunk))));
    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(b -> b.transactItems(put(hash, item("pk", s(k + "-other"))),
            TransactWriteItem.builder().update(Update.builder().tableName(hash).key(item("pk", s(k)))
                .updateExpression("SET b = :v").expressionAttributeValues(Map.of(":v", s(chunk))).build()).build())));
    assertEquals(List.of("None", "ValidationError"), e.cancellationReasons().stream().map(CancellationReason::code)
        .toList());
    assertEquals("Item size to update has exceeded the maximum allowed size", e.cancellationReasons().get(1).message());
    assertNull(get(hash, item("pk", s(k + "-other"))));
  }

  @Test
  void transactWriteItems_consumedCapacity_twiceTheWriteUnitsPerTable() {
    String k = key("cap");
    String twoKb = "z".repeat(1500);
    TransactWriteItemsResponse r = dynamo.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .transactItems(put(hash, item("pk", s(k + "-1"), "v", s(twoKb))), put(hash, item("pk", s(k + "-2"))),
            put(sorted, item("pk", s(k), "sk", n("1")))));
    List<ConsumedCapacity> c = r.consumedCapacity();
    assertEquals(2, c.size());
    assertEquals(hash, c.get(0).tableName());
    assertEquals(6.0, c.get(0).capacityUnits());
    assertEquals(6.0, c.get(0).writeCapacityUnits());
    assertEquals(sorted, c.get(1).tableName());
    assertEquals(2.0, c.get(1).capacityUnits());
  }

  @Test
  void transactWriteItems_sameTokenSameRequest_succeedsAndWritesOnce() {
    String k = key("idem");
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s(k), "n", n("0"))));
    String token = UUID.randomUUID().toString();
    TransactWriteItem increment = TransactWriteItem.builder().update(Update.builder().tableName(hash)
        .key(item("pk", s(k))).updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1")))
        .build()).build();
    dynamo.transactWriteItems(b -> b.clientRequestToken(token).transactItems(increment));
    TransactWriteItemsResponse again = dynamo.transactWriteItems(b -> b.clientRequestToken(token)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(increment));
    assertEquals(n("1"), get(hash, item("pk", s(k))).get("n"));
    // A retry reports the read units of reading the item, not write units.
    assertEquals(1.0, again.consumedCapacity().get(0).readCapacityUnits());
    assertNull(again.consumedCapacity().get(0).writeCapacityUnits());
    // Another token runs again.
    dynamo.transactWriteItems(b -> b.clientRequestToken(UUID.randomUUID().toString()).transactItems(increment));
    assertEquals(n("2"), get(hash, item("pk", s(k))).get("n"));
  }

  @Test
  void transactWriteItems_sameTokenOtherRequest_throwsIdempotentParameterMismatch() {
    String k = key("mismatch");
    String token = UUID.randomUUID().toString();
    dynamo.transactWriteItems(b -> b.clientRequestToken(token).transactItems(put(hash, item("pk", s(k)))));
    AwsServiceException e = assertThrows(IdempotentParameterMismatchException.class,
        () -> dynamo.transactWriteItems(b -> b.clientRequestToken(token)
            .transactItems(put(hash, item("pk", s(k), "v", s("changed"))))));
    assertEquals(400, e.statusCode());
    assertNull(get(hash, item("pk", s(k))).get("v"));
  }

  @Test
  void transactWriteItems_cancelledWithToken_retryRunsAgain() {
    String k = key("cancel-token");
    String token = UUID.randomUUID().toString();
    TransactWriteItem check = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(hash)
        .key(item("pk", s(k + "-gate"))).conditionExpression("attribute_exists(pk)").build()).build();
    assertThrows(TransactionCanceledException.class, () -> dynamo.transactWriteItems(b -> b.clientRequestToken(token)
        .transactItems(check, put(hash, item("pk", s(k))))));
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s(k + "-gate"))));
    dynamo.transactWriteItems(b -> b.clientRequestToken(token).transactItems(check, put(hash, item("pk", s(k)))));
    assertTrue(get(hash, item("pk", s(k))) != null);
  }

  @Test
  void transactWriteItems_otherAccountsToken_isIndependent() {
    CairnFixture.Keys other = CairnFixture.get().newAccount("txother");
    DynamoDbClient otherClient = CairnFixture.get().dynamo(other.accessKeyId(), other.secretAccessKey());
    String otherTable = ItemTables.create(otherClient, ItemTables.uniqueName("tx-other"), "pk", ScalarAttributeType.S,
        null, null);
    String token = UUID.randomUUID().toString();
    dynamo.transactWriteItems(b -> b.clientRequestToken(token).transactItems(put(hash, item("pk", s(token)))));
    otherClient.transactWriteItems(b -> b.clientRequestToken(token)
        .transactItems(put(otherTable, item("pk", s(token), "v", s("other")))));
    assertEquals(s("other"), otherClient.getItem(b -> b.tableName(otherTable).key(item("pk", s(token)))).item()
        .get("v"));
  }

  @Test
  void transactWriteItems_putWithGsi_writesIndexEntries() {
    String t = "tx-gsi-" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S)
                .build(),
            AttributeDefinition.builder().attributeName("color").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byColor")
            .keySchema(KeySchemaElement.builder().attributeName("color").keyType(KeyType.HASH).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(t));
    dynamo.putItem(b -> b.tableName(t).item(item("pk", s("gone"), "color", s("red"))));
    dynamo.transactWriteItems(b -> b.transactItems(put(t, item("pk", s("a"), "color", s("red"))),
        put(t, item("pk", s("b"), "color", s("blue"))),
        TransactWriteItem.builder().delete(Delete.builder().tableName(t).key(item("pk", s("gone"))).build()).build()));
    List<Map<String, AttributeValue>> red = dynamo.query(b -> b.tableName(t).indexName("byColor")
        .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", s("red")))).items();
    assertEquals(List.of(item("pk", s("a"), "color", s("red"))), red);
    dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(Update.builder().tableName(t)
        .key(item("pk", s("b"))).updateExpression("SET color = :c").expressionAttributeValues(Map.of(":c", s("red")))
        .build()).build()));
    assertEquals(2, dynamo.query(b -> b.tableName(t).indexName("byColor")
        .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", s("red")))).count());
    assertEquals(0, dynamo.query(b -> b.tableName(t).indexName("byColor")
        .keyConditionExpression("color = :c").expressionAttributeValues(Map.of(":c", s("blue")))).count());
  }

  @Test
  void transactWriteItems_missingTableAmongTables_throwsResourceNotFoundClass() {
    assertThrows(ResourceNotFoundException.class, () -> dynamo.transactWriteItems(b -> b.transactItems(
        put("no-such-table-tx-2", item("pk", s("x"))))));
  }

  @Test
  void transactWriteItems_itemCollectionMetrics_forTablesWithLocalIndexes() {
    String t = "tx-lsi-" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("lsk").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
        .localSecondaryIndexes(software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex.builder()
            .indexName("byLsk").keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("lsk").keyType(KeyType.RANGE).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(t));
    TransactWriteItemsResponse r = dynamo.transactWriteItems(b -> b
        .returnItemCollectionMetrics(software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics.SIZE)
        .transactItems(put(t, item("pk", s("c1"), "sk", s("a"), "lsk", s("x"))),
            put(t, item("pk", s("c1"), "sk", s("b"))), put(t, item("pk", s("c2"), "sk", s("a"))),
            put(hash, item("pk", s(key("no-lsi"))))));
    var metrics = r.itemCollectionMetrics();
    assertEquals(List.of(t), List.copyOf(metrics.keySet()));
    assertEquals(2, metrics.get(t).size());
    assertEquals(Map.of("pk", s("c1")), metrics.get(t).get(0).itemCollectionKey());
    assertEquals(List.of(0.0, 1.0), metrics.get(t).get(0).sizeEstimateRangeGB());
    TransactWriteItemsResponse none = dynamo.transactWriteItems(b -> b.transactItems(put(t, item("pk", s("c3"),
        "sk", s("a")))));
    assertFalse(none.hasItemCollectionMetrics());
  }

  @Test
  void transactWriteItems_tooDeepItemOnFirstAction_reportedBeforeMalformedConditionOnSecond() {
    AttributeValue deep = s("leaf");
    for (int i = 0; i < 32; i++) {
      deep = AttributeValue.fromM(Map.of("n", deep));
    }
    AttributeValue data = deep;
    TransactWriteItem check = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(hash)
        .key(item("pk", s("cc"))).conditionExpression("attribute_not_exists(").build()).build();
    assertDynamoError("ValidationException", "Nesting Levels have exceeded supported limits: Attributes in the item"
        + " have nested levels beyond supported limit",
        () -> dynamo.transactWriteItems(b -> b.transactItems(put(hash, item("pk", s("deep"), "data", data)), check)));
  }
}
