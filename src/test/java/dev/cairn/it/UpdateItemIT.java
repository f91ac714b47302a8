package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.names;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * UpdateItem as the API Reference ("UpdateItem") and the Developer Guide ("Update expressions") specify it: SET,
 * REMOVE, ADD and DELETE on top-level and nested paths, the functions, every ReturnValues option, legacy
 * AttributeUpdates, and the errors with the service's texts (request-level ones inside the
 * {@code 1 validation error detected: } envelope; key and item errors bare).
 */
class UpdateItemIT {
  static final String ONE = "1 validation error detected: ";
  static DynamoDbClient dynamo;
  static String table;
  static String composite;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    table = ItemTables.create(dynamo, ItemTables.uniqueName("update"), "pk", ScalarAttributeType.S, null, null);
    composite = ItemTables.create(dynamo, ItemTables.uniqueName("update-c"), "pk", ScalarAttributeType.S, "sk",
        ScalarAttributeType.N);
  }

  private static Map<String, AttributeValue> key(String k) {
    return item("pk", s(k));
  }

  private static Map<String, AttributeValue> get(String k) {
    return dynamo.getItem(b -> b.tableName(table).key(key(k)).consistentRead(true)).item();
  }

  private static UpdateItemResponse update(String k, String expression, Map<String, String> names,
      Map<String, AttributeValue> values, ReturnValue rv) {
    return dynamo.updateItem(b -> b.tableName(table).key(key(k)).updateExpression(expression)
        .expressionAttributeNames(names).expressionAttributeValues(values).returnValues(rv));
  }

  @Test
  void updateItem_absentItem_createsItFromTheKey() {
    UpdateItemResponse r = update("new", "SET a = :a, b = :b", null, item(":a", s("x"), ":b", n("1")), ReturnValue.ALL_NEW);
    Map<String, AttributeValue> expected = item("pk", s("new"), "a", s("x"), "b", n("1"));
    assertEquals(expected, r.attributes());
    assertEquals(expected, get("new"));
  }

  @Test
  void updateItem_compositeKey_createsItemWithBothKeys() {
    Map<String, AttributeValue> k = item("pk", s("c"), "sk", n("1.50"));
    dynamo.updateItem(b -> b.tableName(composite).key(k).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", s("x"))));
    assertEquals(item("pk", s("c"), "sk", n("1.5"), "v", s("x")),
        dynamo.getItem(b -> b.tableName(composite).key(item("pk", s("c"), "sk", n("1.5"))).consistentRead(true)).item());
  }

  @Test
  void updateItem_allClauses_applyToTopLevelAndNestedPaths() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("clauses"), "n", n("5"), "gone", s("bye"),
        "tags", AttributeValue.fromSs(List.of("a", "b")), "nums", AttributeValue.fromNs(List.of("1", "2")),
        "l", AttributeValue.fromL(List.of(s("l0"), s("l1"), s("l2"))),
        "m", AttributeValue.fromM(Map.of("x", n("1"), "y", s("old"))))));
    update("clauses", "SET n = n + :two, m.y = :new, m.z = :z, l[1] = :l1, l[9] = :tail, created = if_not_exists(created, :now),"
        + " n2 = if_not_exists(n, :zero), lst = list_append(:head, l) REMOVE gone, l[0] ADD tags :c, hits :one, more :three"
        + " DELETE nums :oneset",
        null, item(":two", n("2"), ":new", s("new"), ":z", AttributeValue.fromBool(false), ":l1", s("L1"), ":tail", s("end"),
            ":now", s("t0"), ":zero", n("0"), ":head", AttributeValue.fromL(List.of(s("h"))), ":c", AttributeValue.fromSs(List.of("c")),
            ":three", AttributeValue.fromNs(List.of("3")), ":one", n("1"), ":oneset", AttributeValue.fromNs(List.of("1", "9"))),
        null);
    Map<String, AttributeValue> got = get("clauses");
    assertEquals(n("7"), got.get("n"));
    assertEquals(AttributeValue.fromM(Map.of("x", n("1"), "y", s("new"), "z", AttributeValue.fromBool(false))), got.get("m"));
    // Positions refer to the list as it was: l[1] is set, l[0] removed, l[9] appended at the end.
    assertEquals(AttributeValue.fromL(List.of(s("L1"), s("l2"), s("end"))), got.get("l"));
    assertEquals(s("t0"), got.get("created"));
    assertEquals(n("5"), got.get("n2"));
    assertEquals(AttributeValue.fromL(List.of(s("h"), s("l0"), s("l1"), s("l2"))), got.get("lst"));
    assertFalse(got.containsKey("gone"));
    assertEquals(new HashSet<>(List.of("a", "b", "c")), new HashSet<>(got.get("tags").ss()));
    assertEquals(n("1"), got.get("hits"));
    assertEquals(AttributeValue.fromNs(List.of("3")), got.get("more"));
    assertEquals(AttributeValue.fromNs(List.of("2")), got.get("nums"));
  }

  @Test
  void updateItem_deleteLastSetMember_removesTheAttribute() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("set-empty"), "s", AttributeValue.fromSs(List.of("only")))));
    update("set-empty", "DELETE s :s", null, item(":s", AttributeValue.fromSs(List.of("only", "other"))), null);
    assertFalse(get("set-empty").containsKey("s"));
  }

  @Test
  void updateItem_arithmetic_isExactTo38Digits() {
    update("arith", "SET n = :a", null, item(":a", n("99999999999999999999999999999999999998")), null);
    update("arith", "SET n = n + :one", null, item(":one", n("1")), null);
    assertEquals(n("99999999999999999999999999999999999999"), get("arith").get("n"));
    update("arith", "SET f = :x - :y", null, item(":x", n("0.3"), ":y", n("0.1")), null);
    assertEquals(n("0.2"), get("arith").get("f"));
  }

  @Test
  void updateItem_nulCharacter_movesInAndOutOfTheItem() {
    update("nul", "SET a = :a, b = :b", null, item(":a", s("plain"), ":b", s("x")), null);
    update("nul", "SET a = :a", null, item(":a", s("with\u0000nul")), null);
    assertEquals(item("pk", s("nul"), "a", s("with\u0000nul"), "b", s("x")), get("nul"));
    update("nul", "SET b = :b", null, item(":b", s("y")), null);
    assertEquals(item("pk", s("nul"), "a", s("with\u0000nul"), "b", s("y")), get("nul"));
    update("nul", "REMOVE a", null, null, null);
    assertEquals(item("pk", s("nul"), "b", s("y")), get("nul"));
  }

  @Test
  void updateItem_unchangedItem_returnsAllNew() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("same"), "a", s("x"))));
    assertEquals(item("pk", s("same"), "a", s("x")),
        update("same", "SET a = :a", null, item(":a", s("x")), ReturnValue.ALL_NEW).attributes());
    assertEquals(item("a", s("x")), update("same", "SET a = :a", null, item(":a", s("x")), ReturnValue.UPDATED_OLD).attributes());
  }

  @Test
  void updateItem_removeAbsentAttribute_returnsNoUpdatedOld() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("rm-absent"), "a", s("x"))));
    assertFalse(update("rm-absent", "REMOVE nothere", null, null, ReturnValue.UPDATED_OLD).hasAttributes());
    assertEquals(item("pk", s("rm-absent"), "a", s("x")), get("rm-absent"));
  }

  @Test
  void updateItem_keyAttributeThroughAName_throwsValidation() {
    assertUpdateError("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of"
        + " the key", "SET #k = :v", names("#k", "pk"), item(":v", s("other")));
  }

  @Test
  void updateItem_valueNested33Levels_isRefused() {
    AttributeValue v = s("leaf");
    for (int i = 0; i < 32; i++) {
      v = AttributeValue.fromM(Map.of("n", v));
    }
    AttributeValue deep = v;
    // The clause is fixed; whether the service checks the value up front (most regions) or the finished item,
    // and whether it adds the envelope, varies by region.
    var e = org.junit.jupiter.api.Assertions.assertThrows(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
        () -> update("too-deep", "SET a = :v", null, item(":v", deep), null));
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    String message = e.awsErrorDetails().errorMessage();
    String clause = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond"
        + " supported limit";
    org.junit.jupiter.api.Assertions.assertTrue(message.equals(clause) || message.equals(ONE + clause), message);
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(key("too-deep")).consistentRead(true)).hasItem());
  }

  @Test
  void attributeUpdates_deleteWithValueOnAString_throwsValidation() {
    assertDynamoError("ValidationException", ONE + "One or more parameter values were invalid: DELETE action with value is"
        + " not supported for the type S", () -> dynamo.updateItem(b -> b.tableName(table).key(key("x"))
            .attributeUpdates(Map.of("a", au(AttributeAction.DELETE, s("v"))))));
  }

  @Test
  void updateItem_evaluationSemantics_matchTheService() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("semantics"), "a", s("OLD"), "c", n("10"), "v", n("10"),
        "vals", AttributeValue.fromL(List.of(s("b"), s("c"))))));
    // Every operand reads the item as it was; a parenthesised value and arithmetic around functions are allowed
    // (conformance suite, tier1/updateItem/basic.test.ts, captured against the service).
    Map<String, AttributeValue> got = update("semantics", "SET a = :new, b = a, c = (c - :three),"
        + " v = if_not_exists(v, :zero) - :three, vals = list_append(:head, vals),"
        + " fresh = list_append(if_not_exists(fresh, :empty), :more)", null,
        item(":new", s("NEW"), ":three", n("3"), ":zero", n("0"), ":head", AttributeValue.fromL(List.of(s("a"))),
            ":empty", AttributeValue.fromL(List.of()), ":more", AttributeValue.fromL(List.of(s("x")))),
        ReturnValue.ALL_NEW).attributes();
    assertEquals(s("NEW"), got.get("a"));
    assertEquals(s("OLD"), got.get("b"));
    assertEquals(n("7"), got.get("c"));
    assertEquals(n("7"), got.get("v"));
    assertEquals(AttributeValue.fromL(List.of(s("a"), s("b"), s("c"))), got.get("vals"));
    assertEquals(AttributeValue.fromL(List.of(s("x"))), got.get("fresh"));
  }

  @Test
  void updateItem_returnValuesOnCreateAndRemove_followTheService() {
    assertEquals(item("a", s("x")), update("rv-create", "SET a = :a", null, item(":a", s("x")), ReturnValue.UPDATED_NEW)
        .attributes());
    assertFalse(update("rv-create", "REMOVE a", null, null, ReturnValue.UPDATED_NEW).hasAttributes());
    UpdateItemResponse bare = dynamo.updateItem(b -> b.tableName(table).key(key("rv-bare")));
    assertFalse(bare.hasAttributes());
    assertEquals(key("rv-bare"), get("rv-bare"));
  }

  // ---- ReturnValues ----

  private static final Map<String, AttributeValue> BEFORE = item("pk", s("rv"), "a", s("a0"), "b", s("b0"),
      "m", AttributeValue.fromM(Map.of("x", n("1"), "y", n("2"))));

  private static UpdateItemResponse updateRv(ReturnValue rv) {
    dynamo.putItem(b -> b.tableName(table).item(BEFORE));
    return update("rv", "SET a = :a, m.x = :x, c = :c REMOVE b", null, item(":a", s("a1"), ":x", n("10"), ":c", s("c1")), rv);
  }

  @Test
  void updateItem_returnValuesNone_returnsNothing() {
    assertFalse(updateRv(ReturnValue.NONE).hasAttributes());
    assertFalse(updateRv(null).hasAttributes());
  }

  @Test
  void updateItem_returnValuesAllOld_returnsTheWholeOldItem() {
    assertEquals(BEFORE, updateRv(ReturnValue.ALL_OLD).attributes());
  }

  @Test
  void updateItem_returnValuesAllNew_returnsTheWholeNewItem() {
    assertEquals(item("pk", s("rv"), "a", s("a1"), "c", s("c1"), "m", AttributeValue.fromM(Map.of("x", n("10"), "y", n("2")))),
        updateRv(ReturnValue.ALL_NEW).attributes());
  }

  @Test
  void updateItem_returnValuesUpdatedOld_returnsOnlyTheUpdatedPathsAsTheyWere() {
    // c did not exist before; b was removed and is returned as it was.
    assertEquals(item("a", s("a0"), "b", s("b0"), "m", AttributeValue.fromM(Map.of("x", n("1")))),
        updateRv(ReturnValue.UPDATED_OLD).attributes());
  }

  @Test
  void updateItem_returnValuesUpdatedNew_returnsOnlyTheUpdatedPathsAsTheyAre() {
    assertEquals(item("a", s("a1"), "c", s("c1"), "m", AttributeValue.fromM(Map.of("x", n("10")))),
        updateRv(ReturnValue.UPDATED_NEW).attributes());
  }

  @Test
  void updateItem_returnValuesUpdatedOnListElementsAndNestedMaps_returnOnlyThosePaths() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("rv-list"),
        "l", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("b", s("b0"), "c", s("c0"))), s("x"), s("y"))))));
    UpdateItemResponse r = update("rv-list", "SET l[0].b = :b, l[2] = :y", null, item(":b", s("b1"), ":y", s("y1")),
        ReturnValue.UPDATED_NEW);
    assertEquals(item("l", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("b", s("b1"))), s("y1")))), r.attributes());
    assertEquals(item("l", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("b", s("b1"))), s("y1")))),
        dynamo.getItem(b -> b.tableName(table).key(key("rv-list")).projectionExpression("l[0].b, l[2]")).item());
  }

  @Test
  void updateItem_severalChildrenOfOneMap_allComeBackInUpdatedNew() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("multi-sub"),
        "a", AttributeValue.fromM(Map.of("existing", s("e"))), "l", AttributeValue.fromL(List.of()))));
    UpdateItemResponse r = update("multi-sub", "SET a.b = :x, a.c = :y, l[0] = :z", null,
        item(":x", s("x"), ":y", s("y"), ":z", s("first")), ReturnValue.UPDATED_NEW);
    assertEquals(item("a", AttributeValue.fromM(Map.of("b", s("x"), "c", s("y"))), "l", AttributeValue.fromL(List.of(s("first")))),
        r.attributes());
    assertEquals(AttributeValue.fromM(Map.of("existing", s("e"), "b", s("x"), "c", s("y"))), get("multi-sub").get("a"));
  }

  @Test
  void updateItem_returnValuesAllOldOnNewItem_returnsNothing() {
    assertFalse(update("rv-fresh", "SET a = :a", null, item(":a", s("x")), ReturnValue.ALL_OLD).hasAttributes());
    assertFalse(update("rv-fresh2", "SET a = :a", null, item(":a", s("x")), ReturnValue.UPDATED_OLD).hasAttributes());
  }

  @Test
  void updateItem_returnConsumedCapacity_chargesTheLargerOfOldAndNew() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("cap"), "big", s("x".repeat(3000)))));
    var c = dynamo.updateItem(b -> b.tableName(table).key(key("cap")).updateExpression("REMOVE big")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertEquals(3.0, c.capacityUnits());
    assertEquals(table, c.tableName());
    var after = dynamo.updateItem(b -> b.tableName(table).key(key("cap")).updateExpression("SET big = :b")
        .expressionAttributeValues(Map.of(":b", s("y".repeat(1500)))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
        .consumedCapacity();
    assertEquals(2.0, after.capacityUnits());
    assertEquals(2.0, after.table().capacityUnits());
  }

  // ---- legacy AttributeUpdates ----

  private static AttributeValueUpdate au(AttributeAction action, AttributeValue value) {
    return AttributeValueUpdate.builder().action(action).value(value).build();
  }

  @Test
  void attributeUpdates_putAddDelete_apply() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("legacy"), "n", n("1"), "gone", s("x"),
        "s", AttributeValue.fromSs(List.of("a", "b")))));
    UpdateItemResponse r = dynamo.updateItem(b -> b.tableName(table).key(key("legacy")).attributeUpdates(Map.of(
        "put", au(AttributeAction.PUT, s("v")),
        "n", au(AttributeAction.ADD, n("4")),
        "fresh", au(AttributeAction.ADD, n("2")),
        "s", au(AttributeAction.DELETE, AttributeValue.fromSs(List.of("a"))),
        "gone", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build()))
        .returnValues(ReturnValue.UPDATED_NEW));
    Map<String, AttributeValue> got = get("legacy");
    assertEquals(item("pk", s("legacy"), "put", s("v"), "n", n("5"), "fresh", n("2"), "s", AttributeValue.fromSs(List.of("b"))),
        got);
    assertEquals(item("put", s("v"), "n", n("5"), "fresh", n("2"), "s", AttributeValue.fromSs(List.of("b"))), r.attributes());
  }

  @Test
  void attributeUpdates_addToSet_unites() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("legacy-set"), "s", AttributeValue.fromNs(List.of("1")))));
    dynamo.updateItem(b -> b.tableName(table).key(key("legacy-set"))
        .attributeUpdates(Map.of("s", au(AttributeAction.ADD, AttributeValue.fromNs(List.of("2", "1"))))));
    assertEquals(new HashSet<>(List.of("1", "2")), new HashSet<>(get("legacy-set").get("s").ns()));
  }

  @Test
  void updateItem_onAbsentItem_createsItUnlessItOnlyRemoves() {
    // An update that sets nothing still creates the item from its key...
    dynamo.updateItem(b -> b.tableName(table).key(key("absent-empty")).attributeUpdates(Map.of()));
    assertEquals(key("absent-empty"), get("absent-empty"));
    // ...but one that only removes attributes or set members does not (API Reference, UpdateItem: "Edits an existing
    // item's attributes, or adds a new item to the table if it does not already exist").
    update("absent-remove", "REMOVE a", null, null, null);
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(key("absent-remove")).consistentRead(true)).hasItem());
    update("absent-delete", "DELETE s :v", null, item(":v", AttributeValue.fromSs(List.of("x"))), null);
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(key("absent-delete")).consistentRead(true)).hasItem());
    dynamo.updateItem(b -> b.tableName(table).key(key("absent-legacy-delete"))
        .attributeUpdates(Map.of("a", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())));
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(key("absent-legacy-delete")).consistentRead(true)).hasItem());
    dynamo.updateItem(b -> b.tableName(table).key(key("absent-legacy-delete-set"))
        .attributeUpdates(Map.of("a", au(AttributeAction.DELETE, AttributeValue.fromNs(List.of("4"))))));
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(key("absent-legacy-delete-set")).consistentRead(true)).hasItem());
  }

  @Test
  void attributeUpdates_addToList_appends() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("legacy-list"), "a", AttributeValue.fromL(List.of(n("1"), n("2"))))));
    dynamo.updateItem(b -> b.tableName(table).key(key("legacy-list"))
        .attributeUpdates(Map.of("a", au(AttributeAction.ADD, AttributeValue.fromL(List.of(n("3"), n("2")))),
            "b", au(AttributeAction.ADD, AttributeValue.fromL(List.of(s("x")))))));
    assertEquals(item("pk", s("legacy-list"), "a", AttributeValue.fromL(List.of(n("1"), n("2"), n("3"), n("2"))),
        "b", AttributeValue.fromL(List.of(s("x")))), get("legacy-list"));
  }

  @Test
  void attributeUpdates_unknownAction_throwsValidation() {
    // The order in which the service lists the enum's members is not on record; the rest of the text is fixed.
    var e = assertDynamoError("ValidationException", null, () -> dynamo.updateItem(b -> b.tableName(table)
        .key(key("bad-action"))
        .attributeUpdates(Map.of("attribute", AttributeValueUpdate.builder().action("NONEXISTENT").value(s("v")).build()))));
    String message = e.awsErrorDetails().errorMessage();
    org.junit.jupiter.api.Assertions.assertTrue(message.startsWith("1 validation error detected: Value 'NONEXISTENT' at"
        + " 'attributeUpdates.attribute.member.action' failed to satisfy constraint: Member must satisfy enum value set: ["),
        message);
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(key("bad-action")).consistentRead(true)).hasItem());
  }

  @Test
  void attributeUpdates_withUpdateExpression_throwsValidation() {
    assertDynamoError("ValidationException", ONE + "Can not use both expression and non-expression parameters in the same"
        + " request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}",
        () -> dynamo.updateItem(b -> b.tableName(table).key(key("x")).updateExpression("SET a = :v")
            .expressionAttributeValues(Map.of(":v", s("v"))).attributeUpdates(Map.of("a", au(AttributeAction.PUT, s("v"))))));
  }

  @Test
  void attributeUpdates_onKeyAttribute_throwsValidation() {
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Cannot update attribute pk."
        + " This attribute is part of the key",
        () -> dynamo.updateItem(b -> b.tableName(table).key(key("x")).attributeUpdates(Map.of("pk", au(AttributeAction.PUT, s("y"))))));
  }

  // ---- errors ----

  private static void assertUpdateError(String message, String expression, Map<String, String> names,
      Map<String, AttributeValue> values) {
    assertDynamoError("ValidationException", message, () -> update("errors", expression, names, values, null));
  }

  @Test
  void updateItem_keyAttribute_throwsValidation() {
    assertUpdateError("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of"
        + " the key", "SET pk = :v", null, item(":v", s("other")));
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Cannot update attribute sk. This"
        + " attribute is part of the key", () -> dynamo.updateItem(b -> b.tableName(composite)
            .key(item("pk", s("a"), "sk", n("1"))).updateExpression("REMOVE sk")));
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(key("errors"))).hasItem());
  }

  @Test
  void updateItem_syntaxError_throwsValidation() {
    assertUpdateError(ONE + "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"",
        "INVALID SYNTAX HERE", null, item(":v", s("val")));
  }

  @Test
  void updateItem_emptyExpression_throwsValidation() {
    assertUpdateError(ONE + "Invalid UpdateExpression: The expression can not be empty;", "", null, null);
  }

  @Test
  void updateItem_undefinedValue_throwsValidation() {
    assertUpdateError(ONE + "Invalid UpdateExpression: An expression attribute value used in expression is not defined;"
        + " attribute value: :v", "SET a = :v", null, null);
  }

  @Test
  void updateItem_undefinedValueInCondition_throwsValidation() {
    assertDynamoError("ValidationException", ONE + "Invalid ConditionExpression: An expression attribute value used in"
        + " expression is not defined; attribute value: :v", () -> dynamo.updateItem(b -> b.tableName(table).key(key("errors"))
            .updateExpression("SET b = :w").conditionExpression("a = :v").expressionAttributeValues(Map.of(":w", s("x")))));
  }

  @Test
  void updateItem_unusedNameAndValue_throwValidation() {
    assertUpdateError(ONE + "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
        "SET a = :v", names("#unused", "x"), item(":v", s("v")));
    assertUpdateError(ONE + "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
        "SET a = :v", null, item(":v", s("v"), ":unused", s("w")));
  }

  @Test
  void updateItem_reservedWord_throwsValidation() {
    assertUpdateError(ONE + "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: count",
        "SET count = :v", null, item(":v", n("1")));
  }

  @Test
  void updateItem_overlappingPaths_throwValidation() {
    assertUpdateError(ONE + "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite"
        + " one of these paths; path one: [a], path two: [a, b]", "SET a = :v REMOVE a.b", null, item(":v", s("v")));
  }

  @Test
  void updateItem_duplicateClause_throwsValidation() {
    assertUpdateError(ONE + "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
        "SET a = :v SET b = :v", null, item(":v", s("v")));
  }

  @Test
  void updateItem_addOnString_throwsValidation() {
    assertUpdateError(ONE + "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD,"
        + " operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND", "ADD a :v", null, item(":v", s("v")));
  }

  @Test
  void updateItem_arithmeticOnAString_throwsValidation() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("types"), "s", s("text"))));
    assertDynamoError("ValidationException", "An operand in the update expression has an incorrect data type",
        () -> update("types", "SET s = s + :one", null, item(":one", n("1")), null));
    assertEquals(s("text"), get("types").get("s"));
  }

  @Test
  void updateItem_nestedPathUnderAbsentParent_throwsValidation() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("paths"))));
    assertDynamoError("ValidationException", "The document path provided in the update expression is invalid for update",
        () -> update("paths", "SET nothere.b = :v", null, item(":v", s("v")), null));
  }

  @Test
  void updateItem_dataDependentErrors_useTheServiceTexts() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("data-errors"), "str", s("x"),
        "ss", AttributeValue.fromSs(List.of("a")), "l", AttributeValue.fromL(List.of(s("l0"))))));
    Map<String, AttributeValue> before = get("data-errors");
    assertDynamoError("ValidationException", "The document path provided in the update expression is invalid for update",
        () -> update("data-errors", "SET nothere[0] = :v", null, item(":v", s("v")), null));
    assertDynamoError("ValidationException", "The document path provided in the update expression is invalid for update",
        () -> update("data-errors", "SET str.x = :v", null, item(":v", s("v")), null));
    assertDynamoError("ValidationException", "The provided expression refers to an attribute that does not exist in the"
        + " item", () -> update("data-errors", "SET x = nothere + :one", null, item(":one", n("1")), null));
    assertDynamoError("ValidationException", "An operand in the update expression has an incorrect data type",
        () -> update("data-errors", "ADD ss :v", null, item(":v", AttributeValue.fromNs(List.of("1"))), null));
    assertDynamoError("ValidationException", "An operand in the update expression has an incorrect data type",
        () -> update("data-errors", "SET str = list_append(str, :v)", null, item(":v", AttributeValue.fromL(List.of(s("x")))),
            null));
    assertEquals(before, get("data-errors"));
  }

  @Test
  void updateItem_removingOrDeletingWhatIsAbsent_changesNothing() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("noop"), "l", AttributeValue.fromL(List.of(s("l0"))))));
    update("noop", "REMOVE l[10], nothere DELETE absentset :v", null, item(":v", AttributeValue.fromSs(List.of("x"))), null);
    assertEquals(item("pk", s("noop"), "l", AttributeValue.fromL(List.of(s("l0")))), get("noop"));
  }

  @Test
  void updateItem_keyTooLargeOrMismatched_throwsValidation() {
    assertDynamoError("ValidationException", "The provided key element does not match the schema",
        () -> dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("a"), "x", s("b"))).updateExpression("SET a = :v")
            .expressionAttributeValues(Map.of(":v", s("v")))));
  }

  @Test
  void updateItem_resultOver400KB_throwsValidation() {
    dynamo.putItem(b -> b.tableName(table).item(item("pk", s("huge"), "a", s("x".repeat(300 * 1024)))));
    assertDynamoError("ValidationException", "Item size to update has exceeded the maximum allowed size",
        () -> update("huge", "SET b = :b", null, item(":b", s("y".repeat(200 * 1024))), null));
    assertFalse(get("huge").containsKey("b"));
  }

  @Test
  void updateItem_returnValuesOnConditionCheckFailureInvalid_throwsValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value 'ALL_NEW' at"
        + " 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set:"
        + " [ALL_OLD, NONE]", () -> dynamo.updateItem(b -> b.tableName(table).key(key("x")).updateExpression("SET a = :v")
            .expressionAttributeValues(Map.of(":v", s("v"))).returnValuesOnConditionCheckFailure("ALL_NEW")));
  }
}
