package dev.cairn.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {
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

  // ---- compare ----

  @Test
  void compare_numbers_numerically() {
    assertTrue(AttributeValues.compare(n("9"), n("10")) < 0);
    assertTrue(AttributeValues.compare(n("-10"), n("-9")) < 0);
    assertEquals(0, AttributeValues.compare(n("1.50"), n("1.5")));
    assertTrue(AttributeValues.compare(n("1E-130"), n("0")) > 0);
  }

  @Test
  void compare_strings_byUtf8BytesNotUtf16() {
    // U+1F600 (surrogate pair) is after U+FFFD in UTF-8 and code-point order, before it in UTF-16 order.
    String emoji = "\uD83D\uDE00";
    String replacement = "\uFFFD";
    assertTrue(emoji.compareTo(replacement) < 0, "precondition: UTF-16 order differs");
    assertTrue(AttributeValues.compare(s(emoji), s(replacement)) > 0);
    assertTrue(AttributeValues.compare(s("a"), s("b")) < 0);
    assertTrue(AttributeValues.compare(s("B"), s("a")) < 0);
    assertTrue(AttributeValues.compare(s("a"), s("ab")) < 0);
    assertTrue(AttributeValues.compare(s("a\u0000"), s("a")) > 0);
    assertEquals(0, AttributeValues.compare(s("\u00e9"), s("\u00e9")));
  }

  @Test
  void compareStrings_randomStrings_matchesUtf8ByteOrder() {
    Random r = new Random(42);
    int[] pool = {0x0, 0x1, 'a', 'z', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x1f600,
        0x10ffff};
    for (int i = 0; i < 5000; i++) {
      String x = randomString(r, pool);
      String y = randomString(r, pool);
      int expected = Integer.signum(Arrays.compareUnsigned(
          x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
      assertEquals(expected, Integer.signum(AttributeValues.compareStrings(x, y)), x + " vs " + y);
    }
  }

  private static String randomString(Random r, int[] pool) {
    StringBuilder sb = new StringBuilder();
    int len = r.nextInt(5);
    for (int i = 0; i < len; i++) {
      sb.appendCodePoint(pool[r.nextInt(pool.length)]);
    }
    return sb.toString();
  }

  @Test
  void compare_binaries_unsigned() {
    assertTrue(AttributeValues.compare(b(0x7f), b(0x80)) < 0);
    assertTrue(AttributeValues.compare(b(0xff), b(0x00, 0x00)) > 0);
    assertTrue(AttributeValues.compare(b(0x01), b(0x01, 0x00)) < 0);
  }

  @Test
  void compare_differentTypes_throws() {
    assertThrows(IllegalArgumentException.class, () -> AttributeValues.compare(s("1"), n("1")));
    assertThrows(IllegalArgumentException.class,
        () -> AttributeValues.compare(AttributeValue.Bool.TRUE, AttributeValue.Bool.FALSE));
    assertFalse(AttributeValues.isComparable(s("1"), n("1")));
    assertTrue(AttributeValues.isComparable(b(1), b(2)));
  }

  // ---- equal ----

  @Test
  void equal_numbers_numerically() {
    assertTrue(AttributeValues.equal(n("1.50"), n("1.5")));
    assertTrue(AttributeValues.equal(n("100"), n("1E2")));
    assertFalse(AttributeValues.equal(n("1"), s("1")));
  }

  @Test
  void equal_sets_ignoreOrder() {
    assertTrue(AttributeValues.equal(
        new AttributeValue.SS(Set.of("a", "b")), new AttributeValue.SS(List.of("b", "a").stream()
            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)))));
    assertTrue(AttributeValues.equal(
        new AttributeValue.NS(Set.of(new BigDecimal("1.0"), new BigDecimal("20"))),
        new AttributeValue.NS(Set.of(new BigDecimal("2E1"), new BigDecimal("1")))));
    assertTrue(AttributeValues.equal(
        new AttributeValue.BS(Set.of(Bytes.copyOf(new byte[] {1}), Bytes.copyOf(new byte[] {2}))),
        new AttributeValue.BS(Set.of(Bytes.copyOf(new byte[] {2}), Bytes.copyOf(new byte[] {1})))));
    assertFalse(AttributeValues.equal(
        new AttributeValue.SS(Set.of("a")), new AttributeValue.SS(Set.of("a", "b"))));
  }

  @Test
  void equal_listsInOrder_mapsAnyOrder_deep() {
    AttributeValue l1 = new AttributeValue.L(List.of(n("1.0"), s("x")));
    AttributeValue l2 = new AttributeValue.L(List.of(n("1"), s("x")));
    AttributeValue l3 = new AttributeValue.L(List.of(s("x"), n("1")));
    assertTrue(AttributeValues.equal(l1, l2));
    assertFalse(AttributeValues.equal(l1, l3));

    Map<String, AttributeValue> m1 = new LinkedHashMap<>();
    m1.put("a", l1);
    m1.put("b", AttributeValue.Null.INSTANCE);
    Map<String, AttributeValue> m2 = new LinkedHashMap<>();
    m2.put("b", AttributeValue.Null.INSTANCE);
    m2.put("a", l2);
    assertTrue(AttributeValues.equal(new AttributeValue.M(m1), new AttributeValue.M(m2)));
    m2.put("c", AttributeValue.Bool.TRUE);
    assertFalse(AttributeValues.equal(new AttributeValue.M(m1), new AttributeValue.M(m2)));
  }

  @Test
  void equal_scalarsAndNulls() {
    assertTrue(AttributeValues.equal(b(1, 2), b(1, 2)));
    assertFalse(AttributeValues.equal(b(1, 2), b(1)));
    assertTrue(AttributeValues.equal(AttributeValue.Bool.TRUE, AttributeValue.Bool.of(true)));
    assertTrue(AttributeValues.equal(AttributeValue.Null.INSTANCE, new AttributeValue.Null()));
    assertFalse(AttributeValues.equal(null, s("a")));
    assertTrue(AttributeValues.equal(null, null));
  }

  // ---- describe ----

  @Test
  void describe_scalars_useServiceForm() {
    assertEquals("{N:1}", AttributeValues.describe(n("1.0")));
    assertEquals("{S:a}", AttributeValues.describe(s("a")));
    assertEquals("{B:AQI=}", AttributeValues.describe(b(1, 2)));
    assertEquals("{BOOL:false}", AttributeValues.describe(AttributeValue.Bool.FALSE));
    assertEquals("{NULL:true}", AttributeValues.describe(AttributeValue.Null.INSTANCE));
    assertEquals("{N:100}", AttributeValues.describe(n("1E2")));
  }

  @Test
  void describe_collections_nest() {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    m.put("k", new AttributeValue.L(List.of(n("1"), new AttributeValue.SS(List.of("a", "b").stream()
        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new))))));
    assertEquals("{M:{k={L:[{N:1}, {SS:[a, b]}]}}}", AttributeValues.describe(new AttributeValue.M(m)));
    assertEquals("{NS:[1.5]}", AttributeValues.describe(new AttributeValue.NS(Set.of(new BigDecimal("1.50")))));
  }

  @Test
  void describe_withLimit_cutsLongText() {
    String text = AttributeValues.describe(s("x".repeat(10_000)), 20);
    assertEquals(20, text.length());
    assertTrue(text.endsWith("..."));
    assertEquals("{S:abc}", AttributeValues.describe(s("abc"), 7));
    AttributeValue bigList = new AttributeValue.L(java.util.Collections.nCopies(100_000, s("abcdef")));
    assertEquals(30, AttributeValues.describe(bigList, 30).length());
  }
}
