package dev.cairn.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round-trip and order-preservation of key encodings, by edge cases and seeded random properties. */
class KeyCodecTest {
  private static final int RANDOM_VALUES = 4000;

  private static int sign(int x) {
    return Integer.signum(x);
  }

  private static void assertOrderPreserved(AttributeValue a, AttributeValue b) {
    int expected = sign(AttributeValues.compare(a, b));
    int actual = sign(Arrays.compareUnsigned(KeyCodec.encode(a), KeyCodec.encode(b)));
    assertEquals(expected, actual, () -> AttributeValues.describe(a) + " vs " + AttributeValues.describe(b));
  }

  private static void assertRoundTrip(AttributeValue v) {
    AttributeValue back = KeyCodec.decode(v.type(), KeyCodec.encode(v));
    assertEquals(v, back, () -> AttributeValues.describe(v));
  }

  // ---- numbers: edge cases ----

  private static final String[] EDGE_NUMBERS = {
    "0", "-0", "1E-130", "-1E-130", "9.9999999999999999999999999999999999999E+125",
    "-9.9999999999999999999999999999999999999E+125", "1", "-1", "1.0000000000000000000000000000000000001",
    "-1.0000000000000000000000000000000000001", "10", "-10", "9.9999999999999999999999999999999999999",
    "99999999999999999999999999999999999999", "0.1", "-0.1", "0.10000000000000000000000000000000000001",
    "0.11", "0.105", "0.09", "100", "99", "101", "1E125", "-1E125", "1E-129", "1.1E-130", "2", "1.5", "1.05",
    "12", "120", "1.2", "0.12", "-12", "-120", "-1.2", "-0.12", "123456789012345678901234567890.12345678",
    "3.14159", "-3.14159", "5E-131" /* excluded below: out of range */,
  };

  private static List<BigDecimal> edgeNumbers() {
    List<BigDecimal> out = new ArrayList<>();
    for (String s : EDGE_NUMBERS) {
      BigDecimal d = new BigDecimal(s);
      if (Numbers.isValid(d)) {
        out.add(Numbers.normalize(d));
      }
    }
    return out;
  }

  @Test
  void encodeNumber_edgeCases_roundTrip() {
    for (BigDecimal d : edgeNumbers()) {
      assertEquals(d, KeyCodec.decodeNumber(KeyCodec.encodeNumber(d)), d.toString());
    }
  }

  @Test
  void encodeNumber_edgeCases_byteOrderIsNumericOrder() {
    List<BigDecimal> values = edgeNumbers();
    for (BigDecimal a : values) {
      for (BigDecimal b : values) {
        assertOrderPreserved(new AttributeValue.N(a), new AttributeValue.N(b));
      }
    }
  }

  @Test
  void encodeNumber_zeroAndNegativeZero_areOneEncoding() {
    assertArrayEquals(KeyCodec.encodeNumber(BigDecimal.ZERO), KeyCodec.encodeNumber(new BigDecimal("-0.000")));
    assertArrayEquals(new byte[] {0x02}, KeyCodec.encodeNumber(BigDecimal.ZERO));
  }

  @Test
  void encodeNumber_equalValuesWithDifferentScale_encodeAlike() {
    assertArrayEquals(KeyCodec.encodeNumber(new BigDecimal("1.5")), KeyCodec.encodeNumber(new BigDecimal("1.500")));
    assertArrayEquals(KeyCodec.encodeNumber(new BigDecimal("100")), KeyCodec.encodeNumber(new BigDecimal("1E+2")));
  }

  @Test
  void encodeNumber_knownLayout() {
    // 1.5: positive, exponent 0 (+130), digits "15" -> 16, terminator.
    assertArrayEquals(new byte[] {0x03, (byte) 130, 16, 0x00}, KeyCodec.encodeNumber(new BigDecimal("1.5")));
    // -1.5: negative, exponent inverted, digit inverted, terminator 0xFF.
    assertArrayEquals(new byte[] {0x01, (byte) 125, 85, (byte) 0xFF},
        KeyCodec.encodeNumber(new BigDecimal("-1.5")));
  }

  @Test
  void encodeNumber_maximumLength_is22Bytes() {
    assertEquals(22, KeyCodec.encodeNumber(Numbers.MAX_VALUE).length);
  }

  @Test
  void encodeNumber_outOfRange_throws() {
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.encodeNumber(new BigDecimal("1E126")));
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.encodeNumber(new BigDecimal("1E-131")));
    assertThrows(IllegalArgumentException.class,
        () -> KeyCodec.encodeNumber(new BigDecimal("1.00000000000000000000000000000000000001")));
  }

  @Test
  void decodeNumber_malformed_throws() {
    byte[][] bad = {
      {}, {0x00}, {0x04, (byte) 130, 16, 0}, {0x03, (byte) 130, 16}, {0x03, (byte) 130, 16, 1},
      {0x03, (byte) 130, 0, 0}, {0x03, (byte) 130, 101, 0}, {0x03, (byte) 130, 1, 0} /* digits 00 */,
      {0x03, (byte) 130, 2, 0} /* leading zero digit */, {0x01, (byte) 125, 85, 0x00}, {0x02, 0x00},
    };
    for (byte[] b : bad) {
      assertThrows(IllegalArgumentException.class, () -> KeyCodec.decodeNumber(b), Arrays.toString(b));
    }
  }

  // ---- numbers: random properties ----

  /** A random DynamoDB number: 1..38 digits, any exponent in range, either sign, sometimes zero. */
  private static BigDecimal randomNumber(Random r) {
    if (r.nextInt(50) == 0) {
      return BigDecimal.ZERO;
    }
    int len = 1 + r.nextInt(Numbers.MAX_DIGITS);
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < len; i++) {
      // Mostly 0 and 9 runs sometimes, to produce shared prefixes and carries.
      int pick = r.nextInt(10);
      digits.append(pick < 2 ? '0' : pick < 4 ? '9' : (char) ('0' + r.nextInt(10)));
    }
    digits.setCharAt(0, (char) ('1' + r.nextInt(9)));
    int exponent = Numbers.MIN_EXPONENT + r.nextInt(Numbers.MAX_EXPONENT - Numbers.MIN_EXPONENT + 1);
    BigDecimal d = new BigDecimal(new BigInteger(digits.toString()), len - 1 - exponent);
    if (r.nextBoolean()) {
      d = d.negate();
    }
    return Numbers.normalize(d);
  }

  /** A number close to {@code d}: one significant digit changed, truncated or extended. */
  private static BigDecimal neighbour(Random r, BigDecimal d) {
    if (d.signum() == 0) {
      return randomNumber(r);
    }
    BigDecimal ulp = BigDecimal.ONE.scaleByPowerOfTen(-d.scale());
    BigDecimal candidate;
    switch (r.nextInt(4)) {
      case 0:
        candidate = d.add(ulp);
        break;
      case 1:
        candidate = d.subtract(ulp);
        break;
      case 2:
        candidate = d.add(ulp.movePointLeft(1 + r.nextInt(3)));
        break;
      default:
        candidate = d.setScale(Math.max(d.scale() - 1 - r.nextInt(3), -200), java.math.RoundingMode.DOWN);
        break;
    }
    return Numbers.isValid(candidate) ? Numbers.normalize(candidate) : d;
  }

  @Test
  void encodeNumber_randomValues_roundTripAndPreserveOrder() {
    Random r = new Random(20261123L);
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < RANDOM_VALUES; i++) {
      BigDecimal d = randomNumber(r);
      values.add(d);
      values.add(neighbour(r, d));
    }
    values.addAll(edgeNumbers());
    for (BigDecimal d : values) {
      assertEquals(d, KeyCodec.decodeNumber(KeyCodec.encodeNumber(d)), d.toString());
      assertTrue(KeyCodec.encodeNumber(d).length <= 22);
    }
    // Random pairs...
    for (int i = 0; i < values.size(); i++) {
      BigDecimal a = values.get(i);
      BigDecimal b = values.get(r.nextInt(values.size()));
      assertOrderPreserved(new AttributeValue.N(a), new AttributeValue.N(b));
    }
    // ...and each value with its neighbours in numeric order, where mistakes would hide.
    values.sort(Comparator.naturalOrder());
    for (int i = 1; i < values.size(); i++) {
      assertOrderPreserved(new AttributeValue.N(values.get(i - 1)), new AttributeValue.N(values.get(i)));
    }
  }

  // ---- strings ----

  private static final int[] CODE_POINTS = {
    0x0, 0x1, 0x7f, 'A', 'a', 'z', 0x80, 0xe9, 0x7ff, 0x800, 0x20ac, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000,
    0x1f600, 0x10ffff,
  };

  private static String randomString(Random r) {
    StringBuilder sb = new StringBuilder();
    int len = r.nextInt(6);
    for (int i = 0; i < len; i++) {
      sb.appendCodePoint(r.nextInt(4) == 0 ? r.nextInt(0x80) : CODE_POINTS[r.nextInt(CODE_POINTS.length)]);
    }
    return sb.toString();
  }

  @Test
  void encodeString_randomStrings_roundTripAndPreserveOrder() {
    Random r = new Random(7L);
    List<AttributeValue> values = new ArrayList<>();
    for (int i = 0; i < RANDOM_VALUES; i++) {
      values.add(new AttributeValue.S(randomString(r)));
    }
    values.add(new AttributeValue.S("\u0000"));
    values.add(new AttributeValue.S("\uD83D\uDE00"));
    values.add(new AttributeValue.S("\uFFFD"));
    for (AttributeValue v : values) {
      assertRoundTrip(v);
    }
    for (int i = 0; i < values.size(); i++) {
      assertOrderPreserved(values.get(i), values.get(r.nextInt(values.size())));
    }
    values.sort(AttributeValues::compare);
    for (int i = 1; i < values.size(); i++) {
      assertOrderPreserved(values.get(i - 1), values.get(i));
    }
  }

  @Test
  void encodeString_supplementaryAfterBmpPrivateUse_unlikeUtf16() {
    AttributeValue emoji = new AttributeValue.S("\uD83D\uDE00");
    AttributeValue privateUse = new AttributeValue.S("\uE000");
    assertTrue(Arrays.compareUnsigned(KeyCodec.encode(emoji), KeyCodec.encode(privateUse)) > 0);
  }

  @Test
  void encodeString_nulCharacter_isKeptAndSortsFirst() {
    assertArrayEquals(new byte[] {'a', 0, 'b'}, KeyCodec.encodeString("a\u0000b"));
    assertTrue(Arrays.compareUnsigned(KeyCodec.encodeString("a\u0000"), KeyCodec.encodeString("a\u0001")) < 0);
  }

  @Test
  void encodeString_prefix_encodesToBytePrefix() {
    byte[] whole = KeyCodec.encodeString("caf\u00e9\uD83D\uDE00");
    byte[] prefix = KeyCodec.encodeString("caf\u00e9");
    assertArrayEquals(prefix, Arrays.copyOf(whole, prefix.length));
  }

  @Test
  void encodeString_unpairedSurrogate_throws() {
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.encodeString("a\uD800"));
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.encodeString("\uDC00b"));
  }

  @Test
  void decodeString_malformedUtf8_throws() {
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.decodeString(new byte[] {(byte) 0xC0, (byte) 0x80}));
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.decodeString(new byte[] {(byte) 0xFF}));
  }

  // ---- binaries ----

  @Test
  void encodeBinary_randomBytes_roundTripAndPreserveOrder() {
    Random r = new Random(99L);
    List<AttributeValue> values = new ArrayList<>();
    for (int i = 0; i < RANDOM_VALUES; i++) {
      byte[] b = new byte[r.nextInt(5)];
      for (int j = 0; j < b.length; j++) {
        int pick = r.nextInt(4);
        b[j] = (byte) (pick == 0 ? 0x00 : pick == 1 ? 0xFF : pick == 2 ? 0x80 : r.nextInt(256));
      }
      values.add(new AttributeValue.B(Bytes.wrap(b)));
    }
    for (AttributeValue v : values) {
      assertRoundTrip(v);
    }
    for (int i = 0; i < values.size(); i++) {
      assertOrderPreserved(values.get(i), values.get(r.nextInt(values.size())));
    }
  }

  @Test
  void encode_returnsCopy_forBinary() {
    byte[] raw = {1, 2, 3};
    AttributeValue v = new AttributeValue.B(Bytes.copyOf(raw));
    byte[] enc = KeyCodec.encode(v);
    enc[0] = 9;
    assertEquals(1, ((AttributeValue.B) v).value().byteAt(0));
  }

  // ---- types ----

  @Test
  void encode_nonKeyType_throws() {
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.encode(AttributeValue.Bool.TRUE));
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.decode(AttributeType.SS, new byte[0]));
  }

  @Test
  void decode_dispatchesOnType() {
    assertEquals(new AttributeValue.N(new BigDecimal("-42")),
        KeyCodec.decode(AttributeType.N, KeyCodec.encode(new AttributeValue.N(new BigDecimal("-42")))));
    assertEquals(new AttributeValue.S("x"), KeyCodec.decode(AttributeType.S, new byte[] {'x'}));
  }
}
