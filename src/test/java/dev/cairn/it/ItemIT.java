package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.b;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.names;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * PutItem, GetItem and DeleteItem as DynamoDB specifies them (API Reference "PutItem", "GetItem", "DeleteItem";
 * Developer Guide "Projection expressions", "Read and write capacity units"): the round trip, ReturnValues,
 * projections, consumed capacity, key validation and missing tables. Tables are created through CreateTable.
 */
class ItemIT {
  static CairnFixture fixture;
  static DynamoDbClient dynamo;
  /** Partition key {@code pk} (S). */
  static String hash;
  /** Partition key {@code pk} (S), sort key {@code sk} (S). */
  static String composite;
  /** Partition key {@code id} (B). */
  static String binary;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
    hash = ItemTables.create(dynamo, ItemTables.uniqueName("item-hash"), "pk", ScalarAttributeType.S, null, null);
    composite = ItemTables.create(dynamo, ItemTables.uniqueName("item-composite"), "pk", ScalarAttributeType.S, "sk",
        ScalarAttributeType.S);
    binary = ItemTables.create(dynamo, ItemTables.uniqueName("item-binary"), "id", ScalarAttributeType.B, null, null);
  }

  private static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    return dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
  }

  // ---- round trip, replace, delete ----

  @Test
  void putItem_thenGetItem_returnsTheItem() {
    Map<String, AttributeValue> it = item("pk", s("rt-1"), "name", s("Ada"), "age", n("36"));
    dynamo.putItem(b -> b.tableName(hash).item(it));
    GetItemResponse r = dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("rt-1"))));
    assertTrue(r.hasItem());
    assertEquals(it, r.item());
    assertNull(r.consumedCapacity());
  }

  @Test
  void getItem_absentItem_returnsNoItemMember() {
    GetItemResponse r = dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("never-written"))));
    assertFalse(r.hasItem());
  }

  @Test
  void putItem_existingKey_replacesTheWholeItem() {
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("replace"), "a", s("1"), "b", s("2"))));
    PutItemResponse r = dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("replace"), "c", s("3"))));
    assertFalse(r.hasAttributes());
    assertEquals(item("pk", s("replace"), "c", s("3")), get(hash, item("pk", s("replace"))));
  }

  @Test
  void putItem_compositeKey_itemsDifferingBySortKeyAreDistinct() {
    dynamo.putItem(b -> b.tableName(composite).item(item("pk", s("c"), "sk", s("1"), "v", s("one"))));
    dynamo.putItem(b -> b.tableName(composite).item(item("pk", s("c"), "sk", s("2"), "v", s("two"))));
    assertEquals(s("one"), get(composite, item("pk", s("c"), "sk", s("1"))).get("v"));
    assertEquals(s("two"), get(composite, item("pk", s("c"), "sk", s("2"))).get("v"));
  }

  @Test
  void putItem_binaryKey_roundTrips() {
    Map<String, AttributeValue> it = item("id", b((byte) 0, (byte) 0xff, (byte) 7), "v", s("x"));
    dynamo.putItem(b -> b.tableName(binary).item(it));
    assertEquals(it, get(binary, item("id", b((byte) 0, (byte) 0xff, (byte) 7))));
    assertNull(get(binary, item("id", b((byte) 0, (byte) 0xff))).get("v"));
  }

  @Test
  void deleteItem_existing_removesIt() {
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("del-1"), "a", s("x"))));
    var r = dynamo.deleteItem(b -> b.tableName(hash).key(item("pk", s("del-1"))));
    assertFalse(r.hasAttributes());
    assertFalse(dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("del-1")))).hasItem());
  }

  @Test
  void deleteItem_absent_succeeds() {
    var r = dynamo.deleteItem(b -> b.tableName(hash).key(item("pk", s("del-absent"))).returnValues(ReturnValue.ALL_OLD));
    assertFalse(r.hasAttributes());
  }

  // ---- ReturnValues ----

  @Test
  void putItem_returnValuesAllOld_returnsTheReplacedItem() {
    Map<String, AttributeValue> first = item("pk", s("rv-put"), "v", s("first"));
    PutItemResponse created = dynamo.putItem(b -> b.tableName(hash).item(first).returnValues(ReturnValue.ALL_OLD));
    assertFalse(created.hasAttributes());
    PutItemResponse replaced = dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("rv-put"), "v", s("second")))
        .returnValues(ReturnValue.ALL_OLD));
    assertEquals(first, replaced.attributes());
  }

  @Test
  void putItem_returnValuesNone_returnsNothing() {
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("rv-none"))));
    assertFalse(dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("rv-none"), "x", s("y")))
        .returnValues(ReturnValue.NONE)).hasAttributes());
  }

  @Test
  void deleteItem_returnValuesAllOld_returnsTheDeletedItem() {
    Map<String, AttributeValue> it = item("pk", s("rv-del"), "v", n("5"));
    dynamo.putItem(b -> b.tableName(hash).item(it));
    assertEquals(it, dynamo.deleteItem(b -> b.tableName(hash).key(item("pk", s("rv-del")))
        .returnValues(ReturnValue.ALL_OLD)).attributes());
  }

  @Test
  void putItem_returnValuesOtherThanAllOldOrNone_throwsValidation() {
    for (ReturnValue rv : List.of(ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW)) {
      assertDynamoError("ValidationException", "1 validation error detected: ReturnValues can only be ALL_OLD or NONE",
          () -> dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("rv-bad"))).returnValues(rv)));
    }
    assertFalse(dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("rv-bad")))).hasItem());
  }

  @Test
  void deleteItem_returnValuesOtherThanAllOldOrNone_throwsValidation() {
    for (ReturnValue rv : List.of(ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW)) {
      assertDynamoError("ValidationException", "1 validation error detected: ReturnValues can only be ALL_OLD or NONE",
          () -> dynamo.deleteItem(b -> b.tableName(hash).key(item("pk", s("rv-bad"))).returnValues(rv)));
    }
  }

  @Test
  void putItem_conditionFails_returnsOldImageWhenAllOld() {
    Map<String, AttributeValue> it = item("pk", s("ccf-old"), "v", s("kept"));
    dynamo.putItem(b -> b.tableName(hash).item(it));
    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("ccf-old"), "v", s("new")))
            .conditionExpression("attribute_not_exists(pk)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertEquals("The conditional request failed", e.awsErrorDetails().errorMessage());
    assertEquals(it, e.item());
    assertEquals(it, get(hash, item("pk", s("ccf-old"))));
  }

  @Test
  void putItem_conditionFails_returnsNoItemWithoutAllOld() {
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("ccf-none"))));
    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("ccf-none")))
            .conditionExpression("attribute_not_exists(pk)")));
    assertFalse(e.hasItem());
  }

  @Test
  void deleteItem_conditionFails_returnsOldImageWhenAllOld() {
    Map<String, AttributeValue> it = item("pk", s("ccf-del"), "v", n("1"));
    dynamo.putItem(b -> b.tableName(hash).item(it));
    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> dynamo.deleteItem(b -> b.tableName(hash).key(item("pk", s("ccf-del")))
            .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n("2")))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertEquals(it, e.item());
    assertEquals(it, get(hash, item("pk", s("ccf-del"))));
  }

  @Test
  void deleteItem_conditionOnAbsentItem_failsWithoutItem() {
    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> dynamo.deleteItem(b -> b.tableName(hash).key(item("pk", s("ccf-del-absent")))
            .conditionExpression("attribute_exists(pk)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertFalse(e.hasItem());
  }

  @Test
  void putItem_returnItemCollectionMetricsOnTableWithoutLocalIndexes_returnsNone() {
    PutItemResponse r = dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("icm")))
        .returnItemCollectionMetrics(software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics.SIZE));
    assertNull(r.itemCollectionMetrics());
  }

  // ---- projections ----

  private static final Map<String, AttributeValue> DOC = item("pk", s("doc"),
      "a", AttributeValue.fromM(Map.of("b", AttributeValue.fromL(List.of(n("1"), n("2"), n("3"))), "c", s("see"))),
      "d", AttributeValue.fromL(List.of(s("x"), s("y"), s("z"))),
      "name", s("reserved word as an attribute"),
      "e", s("plain"));

  private static void putDoc() {
    dynamo.putItem(b -> b.tableName(hash).item(DOC));
  }

  @Test
  void getItem_projectionExpression_returnsNestedPathsAndListElements() {
    putDoc();
    Map<String, AttributeValue> got = dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc")))
        .projectionExpression("a.b[1], d[2], d[0], #n, zzz").expressionAttributeNames(names("#n", "name"))).item();
    assertEquals(item(
        "a", AttributeValue.fromM(Map.of("b", AttributeValue.fromL(List.of(n("2"))))),
        "d", AttributeValue.fromL(List.of(s("x"), s("z"))),
        "name", s("reserved word as an attribute")), got);
  }

  @Test
  void getItem_projectionOfMapMember_keepsOnlyThatMember() {
    putDoc();
    assertEquals(item("a", AttributeValue.fromM(Map.of("c", s("see")))),
        dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("a.c")).item());
  }

  @Test
  void getItem_projectionMatchingNothing_returnsEmptyItem() {
    putDoc();
    GetItemResponse r = dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("nope"));
    assertTrue(r.hasItem());
    assertEquals(Map.of(), r.item());
  }

  @Test
  void getItem_projectionThroughWrongTypesOrPastTheEnd_returnsEmptyItem() {
    putDoc();
    for (String path : List.of("a.b[3]", "a.zz", "a.zz.y", "a.b.x", "a[0]", "a.b[0].x", "a.b[0][0]", "e.x", "d[9]")) {
      assertEquals(Map.of(), dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression(path))
          .item(), path);
    }
    assertEquals(item("a", AttributeValue.fromM(Map.of("b", AttributeValue.fromL(List.of(n("1"), n("2"))), "c", s("see")))),
        dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("a.b[0], a.b[1], a.c, a.b[7]"))
            .item());
  }

  @Test
  void getItem_projectionConflictingPaths_throwsValidation() {
    assertDynamoError("ValidationException",
        "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of"
            + " these paths; path one: [a, b], path two: [a, [1]]",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("a.b, a[1]")));
  }

  @Test
  void getItem_attributesToGet_returnsTopLevelAttributes() {
    putDoc();
    assertEquals(item("pk", s("doc"), "e", s("plain")),
        dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).attributesToGet("pk", "e", "nope")).item());
  }

  @Test
  void getItem_attributesToGetDuplicate_throwsValidation() {
    assertDynamoError("ValidationException",
        "One or more parameter values were invalid: Duplicate value in attribute name: a",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).attributesToGet("a", "e", "a")));
  }

  @Test
  void getItem_emptyAttributesToGet_throwsValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value '[]' at 'attributesToGet' failed to"
        + " satisfy constraint: Member must have length greater than or equal to 1",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).attributesToGet(List.of())));
  }

  @Test
  void getItem_badExpressionAttributeNames_throwValidation() {
    assertDynamoError("ValidationException", "ExpressionAttributeNames contains invalid value: Empty attribute name for"
        + " key #a", () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("#a")
            .expressionAttributeNames(names("#a", ""))));
    assertDynamoError("ValidationException", "ExpressionAttributeNames must not be empty",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("a")
            .expressionAttributeNames(Map.of())));
  }

  @Test
  void getItem_projectionWithReservedWord_throwsValidation() {
    assertDynamoError("ValidationException",
        "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("pk, name")));
  }

  @Test
  void getItem_projectionUnusedName_throwsValidation() {
    assertDynamoError("ValidationException",
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("pk")
            .expressionAttributeNames(names("#x", "x"))));
  }

  @Test
  void getItem_projectionUndefinedName_throwsValidation() {
    assertDynamoError("ValidationException",
        "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined;"
            + " attribute name: #x",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("#x")));
  }

  @Test
  void getItem_projectionOverlappingPaths_throwsValidation() {
    assertDynamoError("ValidationException",
        "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of"
            + " these paths; path one: [a, b], path two: [a]",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("a.b, a")));
  }

  @Test
  void getItem_projectionSyntaxError_throwsValidation() {
    assertDynamoError("ValidationException",
        "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("a,")));
  }

  @Test
  void getItem_attributesToGetWithProjectionExpression_throwsValidation() {
    assertDynamoError("ValidationException",
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters:"
            + " {AttributesToGet} Expression parameters: {ProjectionExpression}",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("a")
            .attributesToGet("a")));
  }

  @Test
  void getItem_namesWithoutProjection_throwsValidation() {
    assertDynamoError("ValidationException", "ExpressionAttributeNames can only be specified when using expressions",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).expressionAttributeNames(names("#a", "a"))));
  }

  @Test
  void getItem_emptyProjection_throwsValidation() {
    assertDynamoError("ValidationException", "Invalid ProjectionExpression: The expression can not be empty;",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("doc"))).projectionExpression("")));
  }

  @Test
  void names_withDots_referToTopLevelAttributes() {
    Map<String, AttributeValue> it = item("pk", s("dotted"), "a.b", s("top-level"),
        "a", AttributeValue.fromM(Map.of("b", s("nested"))));
    dynamo.putItem(b -> b.tableName(hash).item(it));
    assertEquals(item("a.b", s("top-level")), dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("dotted")))
        .projectionExpression("#ab").expressionAttributeNames(names("#ab", "a.b"))).item());
    assertEquals(item("a", AttributeValue.fromM(Map.of("b", s("nested")))), dynamo.getItem(b -> b.tableName(hash)
        .key(item("pk", s("dotted"))).projectionExpression("#a.#b").expressionAttributeNames(names("#a", "a", "#b", "b"))).item());
    dynamo.putItem(b -> b.tableName(hash).item(it).conditionExpression("#ab = :v")
        .expressionAttributeNames(names("#ab", "a.b")).expressionAttributeValues(Map.of(":v", s("top-level"))));
    // The legacy parameters take names, never paths.
    assertEquals(item("a.b", s("top-level")), dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("dotted")))
        .attributesToGet("a.b")).item());
    dynamo.putItem(b -> b.tableName(hash).item(it).expected(Map.of("a.b",
        software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder().value(s("top-level")).build())));
    assertThrows(ConditionalCheckFailedException.class, () -> dynamo.putItem(b -> b.tableName(hash).item(it)
        .expected(Map.of("a.b", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder()
            .value(s("nested")).build()))));
  }

  @Test
  void itemActions_badTableName_throwValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value 'bad table!' at 'tableName' failed to"
        + " satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        () -> dynamo.getItem(b -> b.tableName("bad table!").key(item("pk", s("a")))));
    assertDynamoError("ValidationException", "1 validation error detected: Value '' at 'tableName' failed to"
        + " satisfy constraint: Member must have length greater than or equal to 1",
        () -> dynamo.putItem(b -> b.tableName("").item(item("pk", s("a")))));
    assertDynamoError("ValidationException", "1 validation error detected: Value '" + "t".repeat(256) + "' at"
        + " 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255",
        () -> dynamo.putItem(b -> b.tableName("t".repeat(256)).item(item("pk", s("a")))));
    // TableName may hold an ARN, so its minimum length is 1: a two-character name is looked up, and not found.
    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> dynamo.getItem(b -> b.tableName("ab").key(item("pk", s("a")))));
  }

  @Test
  void updateItem_severalMemberErrors_areListedInTheServiceOrder() {
    String emptyName = "Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or"
        + " equal to 1";
    String noKey = "Value null at 'key' failed to satisfy constraint: Member must not be null";
    Map<String, AttributeValue> values = Map.of(":a", s("x"));
    assertDynamoError("ValidationException", "2 validation errors detected: " + emptyName + "; " + noKey,
        () -> dynamo.updateItem(b -> b.tableName("").updateExpression("SET a = :a").expressionAttributeValues(values)));
    assertDynamoError("ValidationException", "4 validation errors detected: Value 'INVALID' at 'returnConsumedCapacity'"
        + " failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; " + emptyName
        + "; Value 'INVALID' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set:"
        + " [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; " + noKey,
        () -> dynamo.updateItem(b -> b.tableName("").updateExpression("SET a = :a").expressionAttributeValues(values)
            .returnConsumedCapacity("INVALID").returnValues("INVALID")));
    assertDynamoError("ValidationException", "2 validation errors detected: Value 'XOR' at 'conditionalOperator' failed"
        + " to satisfy constraint: Member must satisfy enum value set: [OR, AND]; " + noKey,
        () -> dynamo.updateItem(b -> b.tableName(ItemTables.uniqueName("absent"))
            .attributeUpdates(Map.of("x", software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate.builder()
                .action("PUT").value(s("1")).build()))
            .expected(Map.of("a", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder()
                .exists(false).build(), "b", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue
                .builder().exists(false).build()))
            .conditionalOperator("XOR")));
  }

  @Test
  void itemActions_badReturnValues_throwValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value 'EVERYTHING' at 'returnValues' failed to"
        + " satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
        () -> dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("a"))).returnValues("EVERYTHING")));
    assertDynamoError("ValidationException", "1 validation error detected: Value 'ALL' at 'returnConsumedCapacity' failed"
        + " to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("a"))).returnConsumedCapacity("ALL")));
  }

  // ---- consumed capacity ----

  /** An item of exactly {@code size} bytes: "pk" (2) + key value + "data" (4) + the data string. */
  private static Map<String, AttributeValue> sized(String key, int size) {
    return item("pk", s(key), "data", s("x".repeat(size - 2 - key.length() - 4)));
  }

  private static ConsumedCapacity putCapacity(Map<String, AttributeValue> it, ReturnConsumedCapacity mode) {
    return dynamo.putItem(b -> b.tableName(hash).item(it).returnConsumedCapacity(mode)).consumedCapacity();
  }

  private static ConsumedCapacity getCapacity(String key, boolean consistent, ReturnConsumedCapacity mode) {
    return dynamo.getItem(b -> b.tableName(hash).key(item("pk", s(key))).consistentRead(consistent)
        .returnConsumedCapacity(mode)).consumedCapacity();
  }

  @Test
  void putItem_returnConsumedCapacityTotal_countsOneUnitPerKilobyte() {
    ConsumedCapacity c = putCapacity(sized("cap-w1", 1024), ReturnConsumedCapacity.TOTAL);
    assertEquals(hash, c.tableName());
    assertEquals(1.0, c.capacityUnits());
    assertNull(c.table());
    assertEquals(2.0, putCapacity(sized("cap-w2", 1025), ReturnConsumedCapacity.TOTAL).capacityUnits());
    assertEquals(1.0, putCapacity(item("pk", s("cap-w3")), ReturnConsumedCapacity.TOTAL).capacityUnits());
  }

  @Test
  void putItem_replacingALargerItem_chargesTheLargerSize() {
    putCapacity(sized("cap-big", 3000), ReturnConsumedCapacity.NONE);
    assertEquals(3.0, putCapacity(item("pk", s("cap-big")), ReturnConsumedCapacity.TOTAL).capacityUnits());
  }

  @Test
  void putItem_returnConsumedCapacityNone_returnsNone() {
    assertNull(putCapacity(item("pk", s("cap-none")), ReturnConsumedCapacity.NONE));
  }

  @Test
  void putItem_returnConsumedCapacityIndexes_includesTheTableShare() {
    ConsumedCapacity c = putCapacity(sized("cap-idx", 2048), ReturnConsumedCapacity.INDEXES);
    assertEquals(2.0, c.capacityUnits());
    assertEquals(2.0, c.table().capacityUnits());
    assertFalse(c.hasGlobalSecondaryIndexes());
    assertFalse(c.hasLocalSecondaryIndexes());
  }

  @Test
  void getItem_returnConsumedCapacity_countsFourKilobyteUnitsAndHalvesEventual() {
    putCapacity(sized("cap-r4", 4096), ReturnConsumedCapacity.NONE);
    putCapacity(sized("cap-r5", 4097), ReturnConsumedCapacity.NONE);
    assertEquals(1.0, getCapacity("cap-r4", true, ReturnConsumedCapacity.TOTAL).capacityUnits());
    assertEquals(0.5, getCapacity("cap-r4", false, ReturnConsumedCapacity.TOTAL).capacityUnits());
    assertEquals(2.0, getCapacity("cap-r5", true, ReturnConsumedCapacity.TOTAL).capacityUnits());
    assertEquals(1.0, getCapacity("cap-r5", false, ReturnConsumedCapacity.TOTAL).capacityUnits());
    ConsumedCapacity idx = getCapacity("cap-r5", true, ReturnConsumedCapacity.INDEXES);
    assertEquals(2.0, idx.capacityUnits());
    assertEquals(2.0, idx.table().capacityUnits());
  }

  @Test
  void getItem_absentItem_stillConsumesTheMinimum() {
    assertEquals(0.5, getCapacity("cap-absent", false, ReturnConsumedCapacity.TOTAL).capacityUnits());
    assertEquals(1.0, getCapacity("cap-absent", true, ReturnConsumedCapacity.TOTAL).capacityUnits());
  }

  @Test
  void getItem_projection_chargesTheWholeItem() {
    putCapacity(sized("cap-proj", 5000), ReturnConsumedCapacity.NONE);
    var r = dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("cap-proj"))).projectionExpression("pk")
        .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertEquals(item("pk", s("cap-proj")), r.item());
    assertEquals(2.0, r.consumedCapacity().capacityUnits());
  }

  @Test
  void deleteItem_returnConsumedCapacity_chargesTheDeletedItemSize() {
    putCapacity(sized("cap-del", 2500), ReturnConsumedCapacity.NONE);
    assertEquals(3.0, dynamo.deleteItem(b -> b.tableName(hash).key(item("pk", s("cap-del")))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits());
    assertEquals(1.0, dynamo.deleteItem(b -> b.tableName(hash).key(item("pk", s("cap-del")))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits());
  }

  @Test
  void putItem_conditionalWriteCapacity_isReported() {
    ConsumedCapacity c = dynamo.putItem(b -> b.tableName(hash).item(sized("cap-cond", 1500))
        .conditionExpression("attribute_not_exists(pk)").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity();
    assertEquals(2.0, c.capacityUnits());
  }

  // ---- key validation ----

  @Test
  void putItem_missingPartitionKey_throwsValidation() {
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Missing the key pk in the item",
        () -> dynamo.putItem(b -> b.tableName(hash).item(item("other", s("x")))));
  }

  @Test
  void putItem_missingSortKey_throwsValidation() {
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Missing the key sk in the item",
        () -> dynamo.putItem(b -> b.tableName(composite).item(item("pk", s("x")))));
  }

  @Test
  void putItem_wrongKeyType_throwsValidation() {
    assertDynamoError("ValidationException",
        "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
        () -> dynamo.putItem(b -> b.tableName(hash).item(item("pk", n("1")))));
    assertDynamoError("ValidationException",
        "One or more parameter values were invalid: Type mismatch for key id expected: B actual: S",
        () -> dynamo.putItem(b -> b.tableName(binary).item(item("id", s("1")))));
  }

  @Test
  void putItem_emptyStringKey_throwsValidation() {
    assertDynamoError("ValidationException", "One or more parameter values are not valid. The AttributeValue for a key"
        + " attribute cannot contain an empty string value. Key: pk",
        () -> dynamo.putItem(b -> b.tableName(hash).item(item("pk", s("")))));
    assertDynamoError("ValidationException", "One or more parameter values are not valid. The AttributeValue for a key"
        + " attribute cannot contain an empty string value. Key: sk",
        () -> dynamo.putItem(b -> b.tableName(composite).item(item("pk", s("a"), "sk", s("")))));
  }

  @Test
  void putItem_emptyBinaryKey_throwsValidation() {
    assertDynamoError("ValidationException", "One or more parameter values are not valid. The AttributeValue for a key"
        + " attribute cannot contain an empty binary value. Key: id",
        () -> dynamo.putItem(b -> b.tableName(binary).item(item("id", b()))));
  }

  @Test
  void getItem_emptyStringKey_throwsValidation() {
    assertDynamoError("ValidationException", "One or more parameter values are not valid. The AttributeValue for a key"
        + " attribute cannot contain an empty string value. Key: pk",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("")))));
  }

  @Test
  void putItem_emptyNonKeyStringAndBinary_areAllowed() {
    Map<String, AttributeValue> it = item("pk", s("empty-ok"), "s", s(""), "b", b());
    dynamo.putItem(b -> b.tableName(hash).item(it));
    assertEquals(it, get(hash, item("pk", s("empty-ok"))));
  }

  @Test
  void putItem_partitionKeyAt2048Bytes_passesAndAt2049Fails() {
    String max = "é".repeat(1024); // 2048 UTF-8 bytes
    dynamo.putItem(b -> b.tableName(hash).item(item("pk", s(max))));
    assertTrue(dynamo.getItem(b -> b.tableName(hash).key(item("pk", s(max)))).hasItem());
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Size of hashkey has exceeded"
        + " the maximum size limit of2048 bytes", () -> dynamo.putItem(b -> b.tableName(hash).item(item("pk", s(max + "a")))));
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Size of hashkey has exceeded"
        + " the maximum size limit of2048 bytes", () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s(max + "a")))));
  }

  @Test
  void putItem_sortKeyAt1024Bytes_passesAndAt1025Fails() {
    String max = "s".repeat(1024);
    dynamo.putItem(b -> b.tableName(composite).item(item("pk", s("big-sk"), "sk", s(max))));
    assertTrue(dynamo.getItem(b -> b.tableName(composite).key(item("pk", s("big-sk"), "sk", s(max)))).hasItem());
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Aggregated size of all range"
        + " keys has exceeded the size limit of 1024 bytes",
        () -> dynamo.putItem(b -> b.tableName(composite).item(item("pk", s("big-sk"), "sk", s(max + "s")))));
  }

  @Test
  void getItem_extraKeyAttribute_throwsKeyMismatch() {
    assertDynamoError("ValidationException", "The provided key element does not match the schema",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", s("a"), "other", s("b")))));
  }

  @Test
  void getItem_missingSortKey_throwsKeyMismatch() {
    assertDynamoError("ValidationException", "The provided key element does not match the schema",
        () -> dynamo.getItem(b -> b.tableName(composite).key(item("pk", s("a")))));
  }

  @Test
  void getItem_wrongKeyType_throwsKeyMismatch() {
    assertDynamoError("ValidationException", "The provided key element does not match the schema",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("pk", n("1")))));
  }

  @Test
  void getItem_wrongKeyName_throwsKeyMismatch() {
    assertDynamoError("ValidationException", "The provided key element does not match the schema",
        () -> dynamo.getItem(b -> b.tableName(hash).key(item("id", s("1")))));
  }

  @Test
  void deleteItem_extraKeyAttribute_throwsKeyMismatch() {
    assertDynamoError("ValidationException", "The provided key element does not match the schema",
        () -> dynamo.deleteItem(b -> b.tableName(composite).key(item("pk", s("a"), "sk", s("b"), "x", s("c")))));
  }

  @Test
  void itemActions_missingRequiredMembers_throwValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value null at 'item' failed to satisfy"
        + " constraint: Member must not be null", () -> dynamo.putItem(b -> b.tableName(hash)));
    assertDynamoError("ValidationException", "1 validation error detected: Value null at 'key' failed to satisfy"
        + " constraint: Member must not be null", () -> dynamo.getItem(b -> b.tableName(hash)));
    assertDynamoError("ValidationException", "2 validation errors detected: Value null at 'tableName' failed to satisfy"
        + " constraint: Member must not be null; Value null at 'key' failed to satisfy constraint: Member must not be null",
        () -> dynamo.deleteItem(b -> b.returnValues(ReturnValue.ALL_OLD)));
  }

  // ---- missing table ----

  @Test
  void itemActions_missingTable_throwResourceNotFound() {
    String missing = ItemTables.uniqueName("no-such-table");
    Map<String, AttributeValue> key = item("pk", s("a"));
    for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
        () -> dynamo.putItem(b -> b.tableName(missing).item(key)),
        () -> dynamo.getItem(b -> b.tableName(missing).key(key)),
        () -> dynamo.deleteItem(b -> b.tableName(missing).key(key)),
        () -> dynamo.updateItem(b -> b.tableName(missing).key(key).updateExpression("SET a = :a")
            .expressionAttributeValues(Map.of(":a", s("x")))))) {
      var e = assertDynamoError("ResourceNotFoundException", "Requested resource not found", call);
      assertInstanceOf(ResourceNotFoundException.class, e);
    }
  }

  // ---- two accounts ----

  @Test
  void items_sameTableNameInTwoAccounts_areKeptApart() {
    CairnFixture.Keys alice = fixture.newAccount("alice");
    CairnFixture.Keys bob = fixture.newAccount("bob");
    DynamoDbClient a = fixture.dynamo(alice.accessKeyId(), alice.secretAccessKey());
    DynamoDbClient b = fixture.dynamo(bob.accessKeyId(), bob.secretAccessKey());
    String name = "Orders";
    ItemTables.create(a, name, "pk", ScalarAttributeType.S, null, null);
    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> b.putItem(r -> r.tableName(name).item(item("pk", s("1")))));
    ItemTables.create(b, name, "id", ScalarAttributeType.N, null, null);
    a.putItem(r -> r.tableName(name).item(item("pk", s("1"), "owner", s("alice"))));
    b.putItem(r -> r.tableName(name).item(item("id", n("1"), "owner", s("bob"))));
    assertEquals(s("alice"), a.getItem(r -> r.tableName(name).key(item("pk", s("1")))).item().get("owner"));
    assertEquals(s("bob"), b.getItem(r -> r.tableName(name).key(item("id", n("1")))).item().get("owner"));
    // Each account's table has its own key schema: Bob's key does not fit Alice's table.
    assertDynamoError("ValidationException", "The provided key element does not match the schema",
        () -> a.getItem(r -> r.tableName(name).key(item("id", n("1")))));
    b.deleteItem(r -> r.tableName(name).key(item("id", n("1"))));
    assertTrue(a.getItem(r -> r.tableName(name).key(item("pk", s("1")))).hasItem());
  }
}
