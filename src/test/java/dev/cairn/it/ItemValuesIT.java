package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every attribute value type round-trips exactly through PutItem and GetItem, numbers come back normalized, and
 * malformed values, sets, nesting and item sizes are refused with the service's texts. Sources: Developer Guide
 * "Supported data types and naming rules", "Item sizes"; texts as captured from the service (PutItem reports them
 * inside the {@code 1 validation error detected: } envelope, GetItem bare).
 */
class ItemValuesIT {
  static final String ONE = "1 validation error detected: ";
  static final int MAX_ITEM = 400 * 1024;
  static DynamoDbClient dynamo;
  static String table;

  @BeforeAll
  static void setUp() {
    dynamo = CairnFixture.get().dynamo();
    table = ItemTables.create(dynamo, ItemTables.uniqueName("item-values"), "pk", ScalarAttributeType.S, null, null);
  }

  private static Map<String, AttributeValue> roundTrip(Map<String, AttributeValue> it) {
    dynamo.putItem(b -> b.tableName(table).item(it));
    return dynamo.getItem(b -> b.tableName(table).key(item("pk", it.get("pk"))).consistentRead(true)).item();
  }

  private static AttributeValue stored(String key, AttributeValue v) {
    return roundTrip(item("pk", s(key), "v", v)).get("v");
  }

  private static void assertPutRefused(String message, AttributeValue v) {
    assertDynamoError("ValidationException", message,
        () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("refused"), "v", v))));
  }

  /**
   * For refusals whose envelope no capture pins (it is rolling out region by region): the text, bare or inside
   * {@code 1 validation error detected: }. The clause itself must match exactly.
   */
  private static void assertPutRefusedAnyEnvelope(String message, AttributeValue v) {
    var e = org.junit.jupiter.api.Assertions.assertThrows(
        software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
        () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("refused"), "v", v))));
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    String got = e.awsErrorDetails().errorMessage();
    org.junit.jupiter.api.Assertions.assertTrue(got.equals(message) || got.equals(ONE + message), got);
  }

  @Test
  void strings_roundTripExactly() {
    for (String v : List.of("a", "nul\u0000inside", "\u0000", "emoji \uD83D\uDE00 and \u00e9\u4e2d", "line\nbreak\ttab\"quote\\",
        "\u007f\u0001\u001f", "")) {
      assertEquals(s(v), stored("s", v.isEmpty() ? s("") : s(v)), v);
    }
  }

  @Test
  void nulInKeyAndAttribute_roundTrips() {
    Map<String, AttributeValue> it = item("pk", s("k\u0000ey"), "v", s("\u0000"));
    assertEquals(it, roundTrip(it));
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("k")))).hasItem());
  }

  @Test
  void numbers_roundTripNormalized() {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("1.50", "1.5"), Map.entry("0001.23", "1.23"), Map.entry("1E2", "100"), Map.entry("-12.3400", "-12.34"),
        Map.entry("+7", "7"), Map.entry(".5", "0.5"), Map.entry("0.0", "0"), Map.entry("-0", "0"), Map.entry("1e+5", "100000"),
        Map.entry("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
        Map.entry("-1234567890.1234567890123456789012345678", "-1234567890.1234567890123456789012345678"));
    for (Map.Entry<String, String> c : cases.entrySet()) {
      assertEquals(n(c.getValue()), stored("n", n(c.getKey())), c.getKey());
    }
  }

  @Test
  void numbers_extremesOfTheRange_roundTripByValue() {
    for (String v : List.of("1E-130", "-1E-130", "9.9999999999999999999999999999999999999E+125",
        "-9.9999999999999999999999999999999999999E+125")) {
      String back = stored("n-extreme", n(v)).n();
      assertEquals(0, new BigDecimal(v).compareTo(new BigDecimal(back)), v + " came back as " + back);
    }
  }

  @Test
  void binary_roundTripsEveryByte() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    assertEquals(AttributeValue.fromB(SdkBytes.fromByteArray(all)), stored("b", AttributeValue.fromB(SdkBytes.fromByteArray(all))));
  }

  @Test
  void boolAndNull_roundTrip() {
    Map<String, AttributeValue> it = item("pk", s("bool"), "t", AttributeValue.fromBool(true),
        "f", AttributeValue.fromBool(false), "z", AttributeValue.fromNul(true));
    assertEquals(it, roundTrip(it));
  }

  @Test
  void sets_roundTripAsSets() {
    Map<String, AttributeValue> got = roundTrip(item("pk", s("sets"),
        "ss", AttributeValue.fromSs(List.of("b", "a", "", "\uD83D\uDE00")),
        "ns", AttributeValue.fromNs(List.of("3", "1.50", "-2", "1E2")),
        "bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[0]),
            SdkBytes.fromByteArray(new byte[] {(byte) 0xff})))));
    assertEquals(new HashSet<>(List.of("b", "a", "", "\uD83D\uDE00")), new HashSet<>(got.get("ss").ss()));
    assertEquals(new HashSet<>(List.of("3", "1.5", "-2", "100")), new HashSet<>(got.get("ns").ns()));
    assertEquals(new HashSet<>(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[0]),
        SdkBytes.fromByteArray(new byte[] {(byte) 0xff}))), new HashSet<>(got.get("bs").bs()));
  }

  @Test
  void sets_comeBackInTheServiceOrder() {
    // GetItem returns members in DynamoDB's own order, not as written: strings and binaries bytewise (UTF-8 /
    // unsigned bytes), numbers by value (conformance suite, tier1/updateItem/basic.test.ts, eu-west-2 2026-10).
    Map<String, AttributeValue> got = roundTrip(item("pk", s("set-order"),
        "ss", AttributeValue.fromSs(List.of("b", "\u00e9", "a", "", "B", "\uD83D\uDE00", "\uFF5E")),
        "ns", AttributeValue.fromNs(List.of("3", "1.5", "-2", "100", "-10", "0")),
        "bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {(byte) 0xff}),
            SdkBytes.fromByteArray(new byte[] {1, 2}), SdkBytes.fromByteArray(new byte[] {1}),
            SdkBytes.fromByteArray(new byte[0]), SdkBytes.fromByteArray(new byte[] {(byte) 0x80})))));
    assertEquals(List.of("", "B", "a", "b", "\u00e9", "\uFF5E", "\uD83D\uDE00"), got.get("ss").ss());
    assertEquals(List.of("-10", "-2", "0", "1.5", "3", "100"), got.get("ns").ns());
    assertEquals(List.of(SdkBytes.fromByteArray(new byte[0]), SdkBytes.fromByteArray(new byte[] {1}),
        SdkBytes.fromByteArray(new byte[] {1, 2}), SdkBytes.fromByteArray(new byte[] {(byte) 0x80}),
        SdkBytes.fromByteArray(new byte[] {(byte) 0xff})), got.get("bs").bs());
  }

  @Test
  void listsAndMaps_roundTripWithOrderAndEmptiness() {
    AttributeValue v = AttributeValue.fromL(List.of(s("x"), n("1"), AttributeValue.fromL(List.of()),
        AttributeValue.fromM(Map.of()), AttributeValue.fromM(Map.of("k", AttributeValue.fromSs(List.of("q")),
            "nul", AttributeValue.fromNul(true))), s("x")));
    assertEquals(v, stored("l", v));
  }

  /** {@code depth} nested maps around a string: the attribute itself is level 1. */
  private static AttributeValue nested(int depth) {
    AttributeValue v = s("leaf");
    for (int i = 0; i < depth; i++) {
      v = AttributeValue.fromM(Map.of("n", v));
    }
    return v;
  }

  @Test
  void maps_nested32LevelsDeep_roundTrip() {
    // The attribute counts as level 1, so 31 wrapping maps put the leaf at level 32, the deepest allowed.
    assertEquals(nested(31), stored("deep", nested(31)));
  }

  @Test
  void maps_nested33LevelsDeep_areRefused() {
    assertPutRefusedAnyEnvelope("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels"
        + " beyond supported limit", nested(32));
  }

  @Test
  void items_ofExactly400KB_passAndOneByteMoreFails() {
    // "pk" (2) + "max" (3) + "v" (1) + the string.
    String fill = "x".repeat(MAX_ITEM - 6);
    var capacity = dynamo.putItem(b -> b.tableName(table).item(item("pk", s("max"), "v", s(fill)))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertEquals(400.0, capacity.capacityUnits());
    assertEquals(fill, dynamo.getItem(b -> b.tableName(table).key(item("pk", s("max"))).consistentRead(true))
        .item().get("v").s());
    assertDynamoError("ValidationException", "Item size has exceeded the maximum allowed size",
        () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("max"), "v", s(fill + "x")))));
  }

  @Test
  void items_attributeNamesCountTowardsTheSize() {
    String fill = "x".repeat(MAX_ITEM - 6);
    assertDynamoError("ValidationException", "Item size has exceeded the maximum allowed size",
        () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("max"), "vv", s(fill)))));
  }

  @Test
  void items_multibyteStringsAreSizedInUtf8() {
    // 4 bytes per emoji in UTF-8 (2 Java chars): 400 KB - 6 bytes is not a multiple of 4, so pad with ASCII.
    int emojis = (MAX_ITEM - 6) / 4;
    String fill = "\uD83D\uDE00".repeat(emojis) + "x".repeat((MAX_ITEM - 6) % 4);
    assertEquals(s(fill), roundTrip(item("pk", s("max"), "v", s(fill))).get("v"));
    assertDynamoError("ValidationException", "Item size has exceeded the maximum allowed size",
        () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("max"), "v", s(fill + "\u00e9")))));
  }

  @Test
  void sets_empty_areRefused() {
    assertPutRefusedAnyEnvelope("One or more parameter values were invalid: An string set  may not be empty",
        AttributeValue.fromSs(List.of()));
    assertPutRefusedAnyEnvelope("One or more parameter values were invalid: An number set  may not be empty",
        AttributeValue.fromNs(List.of()));
    assertPutRefusedAnyEnvelope("One or more parameter values were invalid: Binary sets should not be empty",
        AttributeValue.fromBs(List.of()));
  }

  @Test
  void sets_duplicateMembers_areRefused() {
    assertPutRefused(ONE + "One or more parameter values were invalid: Input collection [\"a\", \"b\", \"b\"] contains"
        + " duplicates.", AttributeValue.fromSs(List.of("b", "a", "b")));
    assertPutRefused(ONE + "One or more parameter values were invalid: Input collection contains duplicates.",
        AttributeValue.fromNs(List.of("2", "1", "2.0")));
    assertPutRefused(ONE + "One or more parameter values were invalid: Input collection [\"AA==\",\"/w==\",\"AA==\"]of"
        + " type BS contains duplicates.", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {(byte) 0xff}),
            SdkBytes.fromByteArray(new byte[] {0}), SdkBytes.fromByteArray(new byte[] {0}))));
  }

  @Test
  void numbers_malformed_areRefused() {
    String notNumeric = "The parameter cannot be converted to a numeric value";
    assertPutRefused(ONE + notNumeric + ": abc", n("abc"));
    assertPutRefused(ONE + notNumeric + ": ", n(""));
    assertPutRefused(ONE + notNumeric + ": 1.2.3", n("1.2.3"));
    assertPutRefused(ONE + notNumeric + ": NaN", n("NaN"));
    assertPutRefused(ONE + "Attempting to store more than 38 significant digits in a Number",
        n("1234567890123456789012345678901234567890"));
    assertPutRefused(ONE + "Number overflow. Attempting to store a number with magnitude larger than supported range",
        n("1E126"));
    assertPutRefused(ONE + "Number underflow. Attempting to store a number with magnitude smaller than supported range",
        n("1E-131"));
    assertPutRefused(ONE + notNumeric + ": x", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("y", n("x"))))));
    assertPutRefused(ONE + notNumeric + ": x", AttributeValue.fromNs(List.of("1", "x")));
  }

  @Test
  void numbers_malformedInGetItemKey_areRefusedBare() {
    DynamoDbClient d = dynamo;
    String numeric = ItemTables.create(d, ItemTables.uniqueName("item-values-n"), "id", ScalarAttributeType.N, null, null);
    assertDynamoError("ValidationException", "The parameter cannot be converted to a numeric value: abc",
        () -> d.getItem(b -> b.tableName(numeric).key(item("id", n("abc")))));
    // Numeric keys are compared by value: 1.50 finds the item written as 1.5.
    d.putItem(b -> b.tableName(numeric).item(item("id", n("1.5"), "v", s("found"))));
    assertEquals(item("id", n("1.5"), "v", s("found")), d.getItem(b -> b.tableName(numeric).key(item("id", n("1.50")))
        .consistentRead(true)).item());
  }

  @Test
  void emptyAttributeName_isRefused() {
    // "Empty attribute name": the service's text (captured for TransactWriteItems; DynamoDB Local's EMPTY_ATTRIBUTE_NAME).
    var e = org.junit.jupiter.api.Assertions.assertThrows(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class,
        () -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("empty-name"), "", s("x")))));
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    String got = e.awsErrorDetails().errorMessage();
    org.junit.jupiter.api.Assertions.assertTrue(got.equals("Empty attribute name") || got.equals(ONE + "Empty attribute name"), got);
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("empty-name"))).consistentRead(true)).hasItem());
  }

  @Test
  void null_false_isRefused() {
    assertPutRefusedAnyEnvelope("One or more parameter values were invalid: Null attribute value types must have the value"
        + " of true", AttributeValue.fromNul(false));
  }
}
