package dev.cairn.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The storage codec: exact round trips, jsonb's re-rendering, escapes, NUL detection, limits. */
class ItemJsonTest {

  private static Map<String, AttributeValue> item(Object... nameValue) {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put((String) nameValue[i], (AttributeValue) nameValue[i + 1]);
    }
    return m;
  }

  private static AttributeValue s(String v) {
    return new AttributeValue.S(v);
  }

  private static AttributeValue n(String v) {
    return new AttributeValue.N(new BigDecimal(v));
  }

  private static AttributeValue b(int... bytes) {
    byte[] a = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      a[i] = (byte) bytes[i];
    }
    return new AttributeValue.B(Bytes.wrap(a));
  }

  /** Asserts that text → item → text is the identity and item → text → item gives an equal item. */
  private static void assertRoundTrip(Map<String, AttributeValue> item) {
    String text = ItemJson.write(item);
    Map<String, AttributeValue> back = ItemJson.read(text);
    assertEquals(item, back);
    // Equality of maps and sets ignores order; the text also pins attribute and member order.
    assertEquals(text, ItemJson.write(back));
  }

  // ---- write: the exact shape ----

  @Test
  void write_everyType_givesDynamoDbJson() {
    Map<String, AttributeValue> it = item(
        "s", s("x"),
        "n", n("1.50"),
        "b", b(0, 1),
        "t", AttributeValue.Bool.TRUE,
        "f", AttributeValue.Bool.FALSE,
        "z", AttributeValue.Null.INSTANCE,
        "m", new AttributeValue.M(item("a", s("y"))),
        "l", new AttributeValue.L(List.of(n("1"), s("2"))),
        "ss", new AttributeValue.SS(new LinkedHashSet<>(List.of("b", "a"))),
        "ns", new AttributeValue.NS(new LinkedHashSet<>(List.of(new BigDecimal("1E+2"), new BigDecimal("-0.5")))),
        "bs", new AttributeValue.BS(new LinkedHashSet<>(List.of(Bytes.wrap(new byte[] {0})))));
    assertEquals("{\"s\":{\"S\":\"x\"},\"n\":{\"N\":\"1.5\"},\"b\":{\"B\":\"AAE=\"},\"t\":{\"BOOL\":true},"
        + "\"f\":{\"BOOL\":false},\"z\":{\"NULL\":true},\"m\":{\"M\":{\"a\":{\"S\":\"y\"}}},"
        + "\"l\":{\"L\":[{\"N\":\"1\"},{\"S\":\"2\"}]},\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"-0.5\",\"100\"]},"
        + "\"bs\":{\"BS\":[\"AA==\"]}}", ItemJson.write(it));
    assertRoundTrip(it);
  }

  @Test
  void write_emptyItemAndEmptyContainers_roundTrip() {
    assertEquals("{}", ItemJson.write(Map.of()));
    assertEquals(Map.of(), ItemJson.read("{}"));
    assertRoundTrip(item("m", new AttributeValue.M(Map.of()), "l", new AttributeValue.L(List.of()),
        "e", s(""), "eb", b()));
  }

  @Test
  void write_numbers_usePlainNormalizedText() {
    assertEquals("{\"a\":{\"N\":\"100\"}}", ItemJson.write(item("a", n("1E2"))));
    assertEquals("{\"a\":{\"N\":\"0\"}}", ItemJson.write(item("a", n("-0.000"))));
    Map<String, AttributeValue> extremes = item(
        "max", new AttributeValue.N(Numbers.MAX_VALUE),
        "min", new AttributeValue.N(Numbers.MAX_VALUE.negate()),
        "tiny", new AttributeValue.N(Numbers.MIN_POSITIVE));
    String text = ItemJson.write(extremes);
    assertFalse(text.contains("E"), text);
    assertRoundTrip(extremes);
  }

  // ---- escapes ----

  @Test
  void write_controlCharacters_areAllEscaped() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }
    all.append("\"\\/\u007f");
    String text = ItemJson.write(item("k", s(all.toString())));
    assertEquals("{\"k\":{\"S\":\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
        + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b"
        + "\\u001c\\u001d\\u001e\\u001f\\\"\\\\/\u007f\"}}", text);
    for (int i = 0; i < text.length(); i++) {
      assertTrue(text.charAt(i) >= 0x20, "raw control char at " + i);
    }
    assertRoundTrip(item("k", s(all.toString())));
  }

  @Test
  void write_nonAsciiAndSurrogatePairs_areWrittenAsThemselves() {
    String v = "é€😀\uD83D\uDE00日本";
    assertEquals("{\"k\":{\"S\":\"" + v + "\"}}", ItemJson.write(item("k", s(v))));
    assertRoundTrip(item(v, s(v)));
  }

  @Test
  void write_unpairedSurrogates_areEscapedAndReadBack() {
    String v = "a\uD800b\uDC00c\uDBFF";
    String text = ItemJson.write(item("k", s(v)));
    assertEquals("{\"k\":{\"S\":\"a\\ud800b\\udc00c\\udbff\"}}", text);
    assertEquals(v, ((AttributeValue.S) ItemJson.read(text).get("k")).value());
    // Reversed pair (low then high) is two unpaired surrogates.
    assertRoundTrip(item("k", s("\uDC00\uD800")));
  }

  @Test
  void read_unicodeEscapes_includingSurrogatePairs() {
    Map<String, AttributeValue> it = ItemJson.read(
        "{\"\\u0061\\u00E9\":{\"S\":\"\\ud83d\\ude00\\u20AC\\/\\\"\\\\\\b\\f\\n\\r\\t\"}}");
    assertEquals(item("aé", s("😀€/\"\\\b\f\n\r\t")), it);
  }

  @Test
  void read_rawNonAsciiAndEscapesMixed() {
    assertEquals(item("k", s("x😀y\nz日")), ItemJson.read("{\"k\":{\"S\":\"x😀y\\nz日\"}}"));
  }

  // ---- jsonb's rendering ----

  @Test
  void read_jsonbRendering_spacesAndReorderedKeys() {
    // jsonb prints ", " and ": " and orders keys by length, then bytes: "b" before "aa".
    String jsonb = "{\"b\": {\"N\": \"1.5\"}, \"aa\": {\"M\": {\"x\": {\"L\": [{\"S\": \"y\"}, {\"NULL\": true}]}}}, "
        + "\"ss\": {\"SS\": [\"a\", \"b\"]}, \"bool\": {\"BOOL\": false}}";
    Map<String, AttributeValue> expected = item(
        "b", n("1.5"),
        "aa", new AttributeValue.M(item("x", new AttributeValue.L(List.of(s("y"), AttributeValue.Null.INSTANCE)))),
        "ss", new AttributeValue.SS(new LinkedHashSet<>(List.of("a", "b"))),
        "bool", AttributeValue.Bool.FALSE);
    assertEquals(expected, ItemJson.read(jsonb));
  }

  @Test
  void read_anyWhitespaceBetweenTokens() {
    String text = " \n{ \t\"a\" \r\n:\n{ \"NS\" : [ \"1\" ,\n\"2\" ] } ,\"b\":{\"L\":[ ]} , \"c\" : { \"BS\" : [ \"AA==\" ] } }\n ";
    assertEquals(item(
        "a", new AttributeValue.NS(Set.of(BigDecimal.ONE, new BigDecimal(2))),
        "b", new AttributeValue.L(List.of()),
        "c", new AttributeValue.BS(Set.of(Bytes.wrap(new byte[] {0})))), ItemJson.read(text));
  }

  @Test
  void read_randomItemsReformattedWithWhitespace_equalOriginals() {
    Random rnd = new Random(7);
    for (int i = 0; i < 200; i++) {
      Map<String, AttributeValue> it = RandomItems.item(rnd, 3);
      assertEquals(it, ItemJson.read(spaceOut(ItemJson.write(it), rnd)));
    }
  }

  /** Inserts random JSON whitespace around structural characters outside strings, as a reformatter may. */
  private static String spaceOut(String json, Random rnd) {
    String[] ws = {" ", "\n", "\t", "\r\n", "  "};
    StringBuilder sb = new StringBuilder(json.length() * 2);
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        sb.append(c);
        if (c == '\\') {
          sb.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
      }
      boolean structural = "{}[]:,".indexOf(c) >= 0;
      if (structural && rnd.nextBoolean()) {
        sb.append(ws[rnd.nextInt(ws.length)]);
      }
      sb.append(c);
      if (structural && rnd.nextBoolean()) {
        sb.append(ws[rnd.nextInt(ws.length)]);
      }
    }
    return sb.toString();
  }

  // ---- NUL and text storage ----

  @Test
  void containsNul_findsNulAnywhere() {
    assertFalse(ItemJson.containsNul(item("a", s("x"), "b", new AttributeValue.SS(Set.of("y")))));
    assertTrue(ItemJson.containsNul(item("a", s("x\0"))));
    assertTrue(ItemJson.containsNul(item("a\0", n("1"))));
    assertTrue(ItemJson.containsNul(item("a", new AttributeValue.SS(Set.of("ok", "\0")))));
    assertTrue(ItemJson.containsNul(item("a", new AttributeValue.M(item("in\0ner", AttributeValue.Null.INSTANCE)))));
    assertTrue(ItemJson.containsNul(item("a", new AttributeValue.L(List.of(s("ok"),
        new AttributeValue.M(item("x", new AttributeValue.L(List.of(s("\0"))))))))));
    // Binary zero bytes are base64 text in storage: no NUL in the JSON.
    assertFalse(ItemJson.containsNul(item("a", b(0, 0))));
  }

  @Test
  void containsNul_itemWithNul_roundTripsThroughTheEscape() {
    Map<String, AttributeValue> it = item("k\0", s("\0\0x\0"));
    String text = ItemJson.write(it);
    assertFalse(text.indexOf('\0') >= 0);
    assertTrue(text.contains("\\u0000"));
    assertRoundTrip(it);
  }

  @Test
  void requiresText_nulOrUnpairedSurrogate() {
    assertFalse(ItemJson.requiresText(item("a", s("😀"))));
    assertTrue(ItemJson.requiresText(item("a", s("\0"))));
    assertTrue(ItemJson.requiresText(item("a", s("x\uD800"))));
    assertTrue(ItemJson.requiresText(item("\uDC00", s("x"))));
    assertTrue(ItemJson.requiresText(item("a", new AttributeValue.M(item("b",
        new AttributeValue.SS(Set.of("\uD83D")))))));
    assertFalse(ItemJson.containsNul(item("a", s("x\uD800"))));
  }

  // ---- limits ----

  @Test
  void nesting32Levels_roundTrips() {
    AttributeValue v = s("leaf");
    for (int i = 0; i < 32; i++) {
      v = i % 2 == 0 ? new AttributeValue.M(item("m" + i, v)) : new AttributeValue.L(List.of(n("1"), v));
    }
    assertRoundTrip(item("deep", v));
  }

  @Test
  void read_nestingBeyondGuard_isRefused() {
    String open = "{\"L\":[".repeat(ItemJson.MAX_READ_DEPTH + 1);
    String close = "]}".repeat(ItemJson.MAX_READ_DEPTH + 1);
    String text = "{\"a\":" + open + close + "}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ItemJson.read(text));
    assertTrue(e.getMessage().contains("nesting"), e.getMessage());
  }

  @Test
  void item400Kb_roundTrips() {
    StringBuilder big = new StringBuilder(400_000);
    Random rnd = new Random(1);
    while (big.length() < 400_000) {
      big.append(rnd.nextInt(10) == 0 ? (char) rnd.nextInt(0x20) : (char) ('a' + rnd.nextInt(26)));
    }
    byte[] bytes = new byte[300_000];
    rnd.nextBytes(bytes);
    assertRoundTrip(item("big", s(big.toString()), "bin", new AttributeValue.B(Bytes.wrap(bytes))));
    Map<String, AttributeValue> many = new LinkedHashMap<>();
    for (int i = 0; i < 20_000; i++) {
      many.put("attr" + i, i % 2 == 0 ? n(Integer.toString(i)) : s("v" + i));
    }
    assertRoundTrip(many);
  }

  // ---- property test ----

  @Test
  void randomItems_roundTripExactly() {
    Random rnd = new Random(20261123L);
    for (int i = 0; i < 2_000; i++) {
      assertRoundTrip(RandomItems.item(rnd, 4));
    }
  }

  // ---- malformed input (never written by Cairn, but a corrupt row must fail loudly) ----

  @Test
  void read_malformed_throwsWithOffset() {
    for (String bad : List.of("", "[]", "{", "{\"a\"}", "{\"a\":{}}", "{\"a\":{\"X\":\"1\"}}",
        "{\"a\":{\"S\":\"x\",\"N\":\"1\"}}", "{\"a\":{\"S\":\"x}}", "{\"a\":{\"S\":\"\\q\"}}",
        "{\"a\":{\"S\":\"\\u12\"}}", "{\"a\":{\"S\":\"\\u12G4\"}}", "{\"a\":{\"N\":\"x\"}}",
        "{\"a\":{\"B\":\"A\"}}", "{\"a\":{\"BOOL\":1}}", "{} x", "{\"a\":{\"S\":\"x\"},}")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ItemJson.read(bad), bad);
      assertTrue(e.getMessage().contains("offset"), e.getMessage());
    }
  }
}
