package dev.cairn.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.Bytes;
import dev.cairn.core.model.RandomItems;
import dev.cairn.core.model.ValidationWording;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire codec: every type decoded and re-encoded exactly; every error with its type and text. */
class AttributeValueJsonTest {
  private static final ValidationWording CURRENT = ValidationWording.CURRENT;
  private static final ValidationWording LEGACY = ValidationWording.LEGACY;
  private static final String INVALID = "One or more parameter values were invalid: ";

  private static JsonNode json(String text) {
    try {
      return ResponseEncoder.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AttributeValue decode(String text) {
    return AttributeValueJson.decode(json(text), CURRENT);
  }

  private static String encode(AttributeValue v) {
    return generate(g -> AttributeValueJson.write(g, v));
  }

  private static String encodeItem(Map<String, AttributeValue> item) {
    return generate(g -> AttributeValueJson.writeItem(g, item));
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String generate(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = ResponseEncoder.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void assertSerialization(String message, String valueJson) {
    DynamoException e = assertThrows(DynamoException.class, () -> decode(valueJson), valueJson);
    assertEquals(ErrorCode.SERIALIZATION, e.code(), valueJson + " -> " + e.getMessage());
    assertEquals(message, e.getMessage(), valueJson);
  }

  private static void assertValidation(String message, String valueJson) {
    assertValidation(message, valueJson, CURRENT);
  }

  private static void assertValidation(String message, String valueJson, ValidationWording wording) {
    DynamoException e = assertThrows(DynamoException.class,
        () -> AttributeValueJson.decode(json(valueJson), wording), valueJson);
    assertEquals(ErrorCode.VALIDATION, e.code(), valueJson + " -> " + e.getMessage());
    assertEquals(message, e.getMessage(), valueJson);
  }

  /** Decodes {@code wire} and asserts the value and that encoding gives {@code wire} back exactly. */
  private static void assertRoundTrip(String wire, AttributeValue expected) {
    AttributeValue v = decode(wire);
    assertEquals(expected, v);
    assertEquals(wire, encode(v));
  }

  // ---------------------------------------------------------------------------------- every type

  @Test
  void decode_everyType_decodesAndEncodesExactly() {
    assertRoundTrip("{\"S\":\"x\\n\\\"y\\u0000\"}", new AttributeValue.S("x\n\"y\0"));
    assertRoundTrip("{\"S\":\"\"}", new AttributeValue.S(""));
    assertRoundTrip("{\"N\":\"-12.5\"}", new AttributeValue.N(new BigDecimal("-12.5")));
    assertRoundTrip("{\"B\":\"AAH/\"}", new AttributeValue.B(Bytes.wrap(new byte[] {0, 1, -1})));
    assertRoundTrip("{\"B\":\"\"}", new AttributeValue.B(Bytes.EMPTY));
    assertRoundTrip("{\"BOOL\":true}", AttributeValue.Bool.TRUE);
    assertRoundTrip("{\"BOOL\":false}", AttributeValue.Bool.FALSE);
    assertRoundTrip("{\"NULL\":true}", AttributeValue.Null.INSTANCE);
    // Sets come back in DynamoDB's member order (bytewise, numeric), whatever order they were sent in.
    assertRoundTrip("{\"SS\":[\"\",\"a\",\"b\"]}", new AttributeValue.SS(new LinkedHashSet<>(List.of("b", "a", ""))));
    assertRoundTrip("{\"NS\":[\"-1.5\",\"3\"]}",
        new AttributeValue.NS(new LinkedHashSet<>(List.of(new BigDecimal(3), new BigDecimal("-1.5")))));
    assertRoundTrip("{\"BS\":[\"\",\"AQ==\"]}",
        new AttributeValue.BS(new LinkedHashSet<>(List.of(Bytes.wrap(new byte[] {1}), Bytes.EMPTY))));
    assertRoundTrip("{\"L\":[{\"S\":\"a\"},{\"L\":[]},{\"NULL\":true}]}", new AttributeValue.L(List.of(
        new AttributeValue.S("a"), new AttributeValue.L(List.of()), AttributeValue.Null.INSTANCE)));
    Map<String, AttributeValue> inner = new LinkedHashMap<>();
    inner.put("z", new AttributeValue.N(BigDecimal.ONE));
    inner.put("a", new AttributeValue.M(Map.of()));
    assertRoundTrip("{\"M\":{\"z\":{\"N\":\"1\"},\"a\":{\"M\":{}}}}", new AttributeValue.M(inner));
  }

  @Test
  void decode_numbers_comeBackNormalized() {
    assertEquals("{\"N\":\"100\"}", encode(decode("{\"N\":\"1E2\"}")));
    assertEquals("{\"N\":\"1.5\"}", encode(decode("{\"N\":\"+01.500\"}")));
    assertEquals("{\"N\":\"0\"}", encode(decode("{\"N\":\"-0.0e5\"}")));
    assertEquals("{\"NS\":[\"0.001\",\"12\"]}", encode(decode("{\"NS\":[\"1e-3\",\"12.0\"]}")));
  }

  @Test
  void decode_nullAndUnknownMembersBesideTheType_areIgnored() {
    assertEquals(new AttributeValue.S("x"), decode("{\"S\":\"x\",\"N\":null}"));
    assertEquals(new AttributeValue.S("x"), decode("{\"Q\":5,\"S\":\"x\",\"s\":[1]}"));
  }

  @Test
  void decode_booleanWords_areAccepted() {
    assertEquals(AttributeValue.Bool.TRUE, decode("{\"BOOL\":\"true\"}"));
    assertEquals(AttributeValue.Bool.FALSE, decode("{\"BOOL\":\"FALSE\"}"));
    assertEquals(AttributeValue.Null.INSTANCE, decode("{\"NULL\":\"True\"}"));
  }

  @Test
  void decodeItem_nestedItem_roundTripsThroughWriteItem() {
    String wire = "{\"pk\":{\"S\":\"k\"},\"n\":{\"N\":\"7\"},\"m\":{\"M\":{\"l\":{\"L\":[{\"BS\":[\"AA==\"]},"
        + "{\"SS\":[\"x\"]},{\"BOOL\":false}]}}},\"é😀\":{\"NULL\":true}}";
    Map<String, AttributeValue> item = AttributeValueJson.decodeItem(json(wire), CURRENT);
    assertEquals(List.of("pk", "n", "m", "é😀"), List.copyOf(item.keySet()));
    // The shared generator escapes characters outside the BMP as surrogate-pair escapes: the same JSON value.
    assertEquals(json(wire), json(encodeItem(item)));
    assertEquals(wire.replace("😀", "\\uD83D\\uDE00"), encodeItem(item));
    assertEquals(item, AttributeValueJson.decodeMap(json(wire), LEGACY));
  }

  @Test
  void randomItems_encodeThenDecode_giveEqualItemsInBothWordings() {
    Random rnd = new Random(20261123L);
    for (int i = 0; i < 1_000; i++) {
      Map<String, AttributeValue> item = RandomItems.item(rnd, 4);
      String wire = encodeItem(item);
      Map<String, AttributeValue> back = AttributeValueJson.decodeItem(json(wire), i % 2 == 0 ? CURRENT : LEGACY);
      assertEquals(item, back, wire);
      assertEquals(wire, encodeItem(back));
    }
  }

  @Test
  void checkValue_typesOnly_leavesValueErrorsToDecode() {
    AttributeValueJson.checkValue(json("{}"));
    AttributeValueJson.checkValue(json("{\"N\":\"x\",\"S\":\"a\"}"));
    AttributeValueJson.checkValue(json("{\"NULL\":false}"));
    AttributeValueJson.checkMap(json("{\"a\":{\"SS\":[]},\"b\":null}"));
    AttributeValueJson.checkValue(null);
    AttributeValueJson.checkMap(null);
  }

  @Test
  void decode_nullNode_isEmpty() {
    assertValidation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes", "null");
    DynamoException e = assertThrows(DynamoException.class, () -> AttributeValueJson.decode(null, CURRENT));
    assertEquals(ErrorCode.VALIDATION, e.code());
  }

  @Test
  void decodeMap_jsonNull_isEmpty() {
    assertEquals(Map.of(), AttributeValueJson.decodeMap(json("null"), CURRENT));
    assertEquals(Map.of(), AttributeValueJson.decodeMap(null, CURRENT));
  }

  @Test
  void write_unpairedSurrogate_isWrittenAsAnEscapeAndReadBack() {
    AttributeValue v = new AttributeValue.S("a\uD800b");
    String text = encode(v);
    assertEquals(v, decode(text), text);
  }

  @Test
  void write_controlCharactersAndNonAscii_areValidJson() {
    String s = "\u0001\t\u001f\u007f\u2028é😀";
    String text = encode(new AttributeValue.S(s));
    assertEquals(new AttributeValue.S(s), decode(text));
  }

  // ---------------------------------------------------------------------------------- validation errors

  @Test
  void decode_emptyOrUnknownOnly_isEmpty() {
    String empty = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    assertValidation(empty, "{}");
    assertValidation(empty, "{\"X\":\"1\"}");
    assertValidation(empty, "{\"s\":\"lower-case is not a type\"}");
    assertValidation(empty, "{\"S\":null}");
    assertValidation(empty, "{\"M\":{\"a\":{}}}");
    assertValidation(empty, "{\"L\":[{}]}");
    assertValidation(empty, "{\"L\":[{\"a\":{}}]}");
    assertValidation(empty, "{\"L\":[null]}");
    assertValidation(empty, "{\"M\":{\"a\":null}}");
  }

  @Test
  void decode_twoTypes_isMoreThanOne() {
    String more = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the "
        + "supported datatypes";
    assertValidation(more, "{\"S\":\"a\",\"N\":\"1\"}");
    assertValidation(more, "{\"NULL\":true,\"BOOL\":false}");
    assertValidation(more, "{\"L\":[],\"M\":{}}");
  }

  @Test
  void decode_twoTypes_eachTypeIsCheckedFirst() {
    // dynalite putItem.js: {S: 'a', N: 'b'} answers the number's error, not the two-types one.
    assertValidation("The parameter cannot be converted to a numeric value: b", "{\"S\":\"a\",\"N\":\"b\"}");
    assertValidation("The parameter cannot be converted to a numeric value", "{\"S\":\"\",\"N\":\"\"}", LEGACY);
    assertValidation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
        "{\"S\":\"a\",\"L\":[{}]}");
  }

  @Test
  void decode_nullFalse_isRefused() {
    assertValidation(INVALID + "Null attribute value types must have the value of true", "{\"NULL\":false}");
    assertValidation(INVALID + "Null attribute value types must have the value of true", "{\"NULL\":\"false\"}");
  }

  @Test
  void decode_numbers_useTheNumberChecks() {
    assertValidation("The parameter cannot be converted to a numeric value: x", "{\"N\":\"x\"}");
    assertValidation("The parameter cannot be converted to a numeric value: ", "{\"N\":\"\"}");
    assertValidation("The parameter cannot be converted to a numeric value", "{\"N\":\"\"}", LEGACY);
    assertValidation("Attempting to store more than 38 significant digits in a Number",
        "{\"N\":\"123456789012345678901234567890123456789\"}");
    assertValidation("Number overflow. Attempting to store a number with magnitude larger than supported range",
        "{\"N\":\"1e126\"}");
    assertValidation("Number underflow. Attempting to store a number with magnitude smaller than supported range",
        "{\"N\":\"-1e-131\"}");
    assertValidation("The parameter cannot be converted to a numeric value: b", "{\"NS\":[\"1\",\"b\"]}");
    assertValidation("The parameter cannot be converted to a numeric value: ", "{\"NS\":[\"1\",null]}");
  }

  @Test
  void decode_sets_useTheSetChecks() {
    assertValidation(INVALID + "An string set  may not be empty", "{\"SS\":[]}");
    assertValidation(INVALID + "An number set  may not be empty", "{\"NS\":[]}");
    assertValidation(INVALID + "Binary sets should not be empty", "{\"BS\":[]}");
    assertValidation(INVALID + "Input collection [\"a\", \"b\", \"b\"] contains duplicates.", "{\"SS\":[\"b\",\"a\",\"b\"]}");
    assertValidation(INVALID + "Input collection [b, a, b] contains duplicates.", "{\"SS\":[\"b\",\"a\",\"b\"]}", LEGACY);
    assertValidation(INVALID + "Input collection contains duplicates.", "{\"NS\":[\"1\",\"1.0\"]}");
    assertValidation("Input collection contains duplicates", "{\"NS\":[\"1\",\"1.0\"]}", LEGACY);
    assertValidation(INVALID + "Input collection [\"Yg==\",\"Yg==\"]of type BS contains duplicates.",
        "{\"BS\":[\"Yg==\",\"Yg==\"]}");
    assertValidation(INVALID + "Input collection [Yg==, Yg==]of type BS contains duplicates.",
        "{\"BS\":[\"Yg==\",\"Yg==\"]}", LEGACY);
    assertValidation(INVALID + "An string set may not have a empty string as a member", "{\"SS\":[\"a\",null]}");
    assertValidation(INVALID + "Binary sets may not contain null or empty values", "{\"BS\":[null]}");
  }

  @Test
  void decode_nestedErrors_areFoundAtAnyDepth() {
    assertValidation(INVALID + "An string set  may not be empty", "{\"M\":{\"a\":{\"L\":[{\"SS\":[]}]}}}");
    assertValidation(INVALID + "Null attribute value types must have the value of true",
        "{\"L\":[{\"S\":\"ok\"},{\"M\":{\"n\":{\"NULL\":false}}}]}");
  }

  @Test
  void decodeMap_firstBadMemberInBodyOrder() {
    assertEquals("The parameter cannot be converted to a numeric value: x", assertThrows(DynamoException.class,
        () -> AttributeValueJson.decodeMap(json("{\"a\":{\"N\":\"x\"},\"b\":{}}"), CURRENT)).getMessage());
  }

  // ---------------------------------------------------------------------------------- serialization errors

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // an attribute value that is not an object
      "\"x\"                 | Unexpected value type in payload",
      "5                     | Unexpected value type in payload",
      "34.56                 | Unexpected value type in payload",
      "true                  | Unexpected value type in payload",
      "[]                    | Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue",
      // string members
      "{\"S\":1}             | NUMBER_VALUE cannot be converted to String",
      "{\"S\":34.56}         | DECIMAL_VALUE cannot be converted to String",
      "{\"S\":1e3}           | DECIMAL_VALUE cannot be converted to String",
      "{\"S\":true}          | TRUE_VALUE cannot be converted to String",
      "{\"S\":false}         | FALSE_VALUE cannot be converted to String",
      "{\"S\":{}}            | Start of structure or map found where not expected",
      "{\"S\":[]}            | Unrecognized collection type class java.lang.String",
      "{\"N\":5}             | NUMBER_VALUE cannot be converted to String",
      "{\"N\":2147483648}    | NUMBER_VALUE cannot be converted to String",
      "{\"SS\":[\"a\",1]}    | NUMBER_VALUE cannot be converted to String",
      "{\"NS\":[1]}          | NUMBER_VALUE cannot be converted to String",
      // boolean members
      "{\"BOOL\":\"23\"}     | Unexpected token received from parser",
      "{\"BOOL\":\"yes\"}    | Unexpected token received from parser",
      "{\"BOOL\":1}          | NUMBER_VALUE cannot be converted to Boolean",
      "{\"BOOL\":34.56}      | DECIMAL_VALUE cannot be converted to Boolean",
      "{\"BOOL\":[]}         | Unrecognized collection type class java.lang.Boolean",
      "{\"BOOL\":{}}         | Start of structure or map found where not expected",
      "{\"NULL\":0}          | NUMBER_VALUE cannot be converted to Boolean",
      "{\"NULL\":\"no\"}     | Unexpected token received from parser",
      // binary members
      "{\"B\":5}             | only base-64-encoded strings are convertible to bytes",
      "{\"B\":true}          | only base-64-encoded strings are convertible to bytes",
      "{\"B\":34.56}         | only base-64-encoded strings are convertible to bytes",
      "{\"B\":[]}            | Unrecognized collection type class java.nio.ByteBuffer",
      "{\"B\":{}}            | Start of structure or map found where not expected",
      "{\"B\":\"23456\"}     | Base64 encoded length is expected a multiple of 4 bytes but found: 5",
      "{\"B\":\"abc\"}       | Base64 encoded length is expected a multiple of 4 bytes but found: 3",
      "{\"B\":\"=+/=\"}      | Invalid last non-pad Base64 character dectected",
      "{\"B\":\"+/+=\"}      | Invalid last non-pad Base64 character dectected",
      "{\"B\":\"AB==\"}      | Invalid last non-pad Base64 character dectected",
      "{\"B\":\"====\"}      | Invalid last non-pad Base64 character dectected",
      "{\"B\":\"ab!d\"}      | Invalid Base64 character: '!'",
      "{\"B\":\"ab-_\"}      | Invalid Base64 character: '-'",
      "{\"BS\":[true]}       | only base-64-encoded strings are convertible to bytes",
      "{\"BS\":[\"AAA\"]}    | Base64 encoded length is expected a multiple of 4 bytes but found: 3",
      // list-shaped members
      "{\"SS\":\"a\"}        | Unexpected field type",
      "{\"NS\":1}            | Unexpected field type",
      "{\"BS\":true}         | Unexpected field type",
      "{\"L\":\"23\"}        | Unexpected field type",
      "{\"L\":{}}            | Start of structure or map found where not expected",
      "{\"SS\":{}}           | Start of structure or map found where not expected",
      "{\"L\":[5]}           | Unexpected value type in payload",
      "{\"L\":[[]]}          | Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue",
      // map members
      "{\"M\":\"23\"}        | Unexpected field type",
      "{\"M\":true}          | Unexpected field type",
      "{\"M\":[]}            | Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>",
      "{\"M\":{\"a\":5}}     | Unexpected value type in payload",
      "{\"M\":{\"a\":{\"BS\":[1]}}} | only base-64-encoded strings are convertible to bytes",
  })
  void decode_wrongJsonType_isSerializationException(String valueJson, String message) {
    assertSerialization(message, valueJson);
  }

  @Test
  void decode_serializationErrors_winOverValidationErrors() {
    // The whole value is type-checked before any value check: the later bad B beats the earlier bad number.
    assertSerialization("only base-64-encoded strings are convertible to bytes",
        "{\"L\":[{\"N\":\"not a number\"},{\"B\":5}]}");
    DynamoException e = assertThrows(DynamoException.class, () -> AttributeValueJson.decodeItem(
        json("{\"a\":{},\"b\":{\"S\":5}}"), CURRENT));
    assertEquals(ErrorCode.SERIALIZATION, e.code());
    assertEquals("NUMBER_VALUE cannot be converted to String", e.getMessage());
  }

  @Test
  void decode_serializationErrors_firstInBodyOrderWins() {
    assertSerialization("NUMBER_VALUE cannot be converted to String", "{\"S\":1,\"B\":5}");
    assertSerialization("only base-64-encoded strings are convertible to bytes", "{\"B\":5,\"S\":1}");
  }

  @Test
  void decodeMap_notAnObject_isSerializationException() {
    DynamoException scalar = assertThrows(DynamoException.class,
        () -> AttributeValueJson.decodeMap(json("\"23\""), CURRENT));
    assertEquals(ErrorCode.SERIALIZATION, scalar.code());
    assertEquals("Unexpected field type", scalar.getMessage());
    DynamoException array = assertThrows(DynamoException.class,
        () -> AttributeValueJson.decodeItem(json("[]"), CURRENT));
    assertEquals("Unrecognized collection type java.util.Map<java.lang.String, "
        + "com.amazonaws.dynamodb.v20120810.AttributeValue>", array.getMessage());
  }

  @Test
  void checkBase64_acceptsCanonicalPaddedBase64() {
    for (String ok : List.of("", "AA==", "AAE=", "AAEC", "+/+/", "////", "Yg==", "YWJjZA==")) {
      AttributeValueJson.checkBase64(ok);
    }
    assertEquals(Set.of(Bytes.wrap("abcd".getBytes(StandardCharsets.US_ASCII))),
        ((AttributeValue.BS) decode("{\"BS\":[\"YWJjZA==\"]}")).value());
    assertTrue(decode("{\"B\":\"+/+/\"}") instanceof AttributeValue.B);
  }
}
