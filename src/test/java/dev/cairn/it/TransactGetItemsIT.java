package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactGetItems through the AWS SDK: validation (texts captured from the service, conformance suite
 * tests/tier3/error-messages/transactGetItems.test.ts), responses in request order over two tables with an empty
 * entry for an absent item, per-Get projections, and transactional read capacity. Snapshot consistency under
 * concurrent writers is in {@link TransactConcurrencyIT}.
 */
class TransactGetItemsIT {
  static DynamoDbClient dynamo;
  static String hash;
  static String sorted;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    hash = ItemTables.create(dynamo, ItemTables.uniqueName("tg-hash"), "pk", ScalarAttributeType.S, null, null);
    sorted = ItemTables.create(dynamo, ItemTables.uniqueName("tg-sorted"), "pk", ScalarAttributeType.S, "sk",
        ScalarAttributeType.N);
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("a"), "x", s("1"), "y", s("2"))));
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("b"), "x", s("5"), "y", s("6"))));
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("big"), "data", s("d".repeat(5000)))));
    dynamo.putItem(b -> b.tableName(sorted).item(item("pk", s("a"), "sk", n("1"), "z", s("3"))));
  }

  static TransactGetItem get(String table, Map<String, AttributeValue> key) {
    return TransactGetItem.builder().get(Get.builder().tableName(table).key(key).build()).build();
  }

  @Test
  void transactGetItems_empty_throwsValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value '[]' at 'transactItems' failed to"
        + " satisfy constraint: Member must have length greater than or equal to 1",
        () -> dynamo.transactGetItems(b -> b.transactItems(List.of())));
  }

  @Test
  void transactGetItems_moreThan100_throwsValidation() {
    List<TransactGetItem> gets = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      gets.add(get(hash, item("pk", s("k" + i))));
    }
    AwsServiceException e = assertDynamoError("ValidationException", null,
        () -> dynamo.transactGetItems(b -> b.transactItems(gets)));
    assertTrue(e.awsErrorDetails().errorMessage().endsWith(
        "at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100"));
  }

  @Test
  void transactGetItems_badReturnConsumedCapacity_reportedBeforeMissingTable() {
    assertDynamoError("ValidationException", "1 validation error detected: Value 'BOGUS' at 'returnConsumedCapacity'"
        + " failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
        () -> dynamo.transactGetItems(b -> b.returnConsumedCapacity("BOGUS")
            .transactItems(get("no-such-table-tg", item("pk", s("a"))))));
  }

  @Test
  void transactGetItems_invalidProjection_throwsBareParserError() {
    assertDynamoError("ValidationException", "Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"",
        () -> dynamo.transactGetItems(b -> b.transactItems(TransactGetItem.builder().get(Get.builder()
            .tableName(hash).key(item("pk", s("a"))).projectionExpression("!!!").build()).build())));
  }

  @Test
  void transactGetItems_missingTable_throwsResourceNotFound() {
    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> dynamo.transactGetItems(b -> b.transactItems(get("no-such-table-tg", item("pk", s("a"))))));
  }

  @Test
  void transactGetItems_keyNotMatchingSchema_cancelsWithValidationError() {
    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> dynamo.transactGetItems(b -> b.transactItems(get(hash, item("pk", s("a"))), get(hash, Map.of()))));
    assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]",
        e.awsErrorDetails().errorMessage());
    assertEquals("The provided key element does not match the schema", e.cancellationReasons().get(1).message());
  }

  @Test
  void transactGetItems_responsesInRequestOrder_absentItemEmpty_projectionPerGet() {
    TransactGetItemsResponse r = dynamo.transactGetItems(b -> b.transactItems(
        get(sorted, item("pk", s("a"), "sk", n("1"))),
        get(hash, item("pk", s("missing"))),
        TransactGetItem.builder().get(Get.builder().tableName(hash).key(item("pk", s("b")))
            .projectionExpression("#x").expressionAttributeNames(Map.of("#x", "x")).build()).build(),
        get(hash, item("pk", s("a")))));
    List<ItemResponse> responses = r.responses();
    assertEquals(4, responses.size());
    assertEquals(item("pk", s("a"), "sk", n("1"), "z", s("3")), responses.get(0).item());
    assertFalse(responses.get(1).hasItem());
    assertEquals(item("x", s("5")), responses.get(2).item());
    assertEquals(item("pk", s("a"), "x", s("1"), "y", s("2")), responses.get(3).item());
    assertFalse(r.hasConsumedCapacity());
  }

  @Test
  void transactGetItems_consumedCapacity_twoUnitsPer4KbPerItem() {
    TransactGetItemsResponse r = dynamo.transactGetItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .transactItems(get(hash, item("pk", s("a"))), get(hash, item("pk", s("big"))),
            get(sorted, item("pk", s("a"), "sk", n("1")))));
    List<ConsumedCapacity> c = r.consumedCapacity();
    assertEquals(2, c.size());
    assertEquals(hash, c.get(0).tableName());
    assertEquals(6.0, c.get(0).capacityUnits());
    assertEquals(6.0, c.get(0).readCapacityUnits());
    assertEquals(sorted, c.get(1).tableName());
    assertEquals(2.0, c.get(1).capacityUnits());
  }

  @Test
  void transactGetItems_twoGetsOfOneItem_throwsValidation() {
    assertDynamoError("ValidationException", "Transaction request cannot include multiple operations on one item",
        () -> dynamo.transactGetItems(b -> b.transactItems(get(hash, item("pk", s("a"))), get(hash, item("pk", s("a"))))));
  }
}
