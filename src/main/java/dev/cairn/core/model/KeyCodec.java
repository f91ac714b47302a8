package dev.cairn.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Order-preserving byte encoding of key values (S, N, B), for the {@code bytea} key columns (design.md §3).
 *
 * <p>For two values {@code a}, {@code b} of one key type, {@code Arrays.compareUnsigned(encode(a), encode(b))}
 * has the sign of {@link AttributeValues#compare}{@code (a, b)}, so a btree over the bytes serves equality,
 * ranges and ordered pagination, and {@code decode(type, encode(v))} equals {@code v}. Shapes:
 *
 * <ul>
 *   <li>S: the UTF-8 bytes (U+0000 included). UTF-8 byte order is code-point order, DynamoDB's string order.
 *       A prefix of a string encodes to a prefix of its bytes, so {@code begins_with} is a byte-prefix range.
 *   <li>B: the raw bytes, compared unsigned as DynamoDB does.
 *   <li>N: a tag byte ({@code 0x01} negative, {@code 0x02} zero, {@code 0x03} positive); for non-zero values
 *       one exponent byte (the leading digit's decimal exponent + 130, inverted for negatives), the significant
 *       digits two per byte as {@code 10*d1 + d2 + 1} (1..100; an odd count is padded with a 0 digit, inverted
 *       as {@code 101 - x} for negatives), and a terminator ({@code 0x00} positive, {@code 0xFF} negative) that
 *       sorts a shorter digit string first (positive) or last (negative). At most 22 bytes; self-delimiting.
 * </ul>
 *
 * <p>Only values within DynamoDB's number range are encoded. Thread-safe (stateless).
 */
public final class KeyCodec {
  private static final byte TAG_NEGATIVE = 0x01;
  private static final byte TAG_ZERO = 0x02;
  private static final byte TAG_POSITIVE = 0x03;
  private static final int EXPONENT_BIAS = -Numbers.MIN_EXPONENT; // 130: exponents -130..125 map to 0..255
  private static final int MAX_NUMBER_BYTES = 3 + (Numbers.MAX_DIGITS + 1) / 2;

  private KeyCodec() {}

  /**
   * Encodes a key value.
   *
   * @param value an S, N or B value; N must be within DynamoDB's range (as from {@link Numbers#parse})
   * @return a new array owned by the caller
   * @throws IllegalArgumentException for other types, a number out of range, or a string with an unpaired
   *     surrogate (not valid Unicode, so it has no UTF-8 form)
   */
  public static byte[] encode(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return encodeString(s.value());
    }
    if (value instanceof AttributeValue.N n) {
      return encodeNumber(n.value());
    }
    if (value instanceof AttributeValue.B b) {
      return b.value().toByteArray();
    }
    throw new IllegalArgumentException("not a key type: " + value.type());
  }

  /**
   * Decodes bytes made by {@link #encode} for a value of {@code type}.
   *
   * @param type S, N or B
   * @throws IllegalArgumentException for other types or bytes that no value of {@code type} encodes to
   *     (malformed UTF-8, a malformed number)
   */
  public static AttributeValue decode(AttributeType type, byte[] bytes) {
    switch (type) {
      case S:
        return new AttributeValue.S(decodeString(bytes));
      case N:
        return new AttributeValue.N(decodeNumber(bytes));
      case B:
        return new AttributeValue.B(Bytes.copyOf(bytes));
      default:
        throw new IllegalArgumentException("not a key type: " + type);
    }
  }

  /**
   * The UTF-8 bytes of {@code s}.
   *
   * @throws IllegalArgumentException when {@code s} holds an unpaired surrogate
   */
  public static byte[] encodeString(String s) {
    // String.getBytes would silently turn an unpaired surrogate into '?', making two keys collide.
    try {
      ByteBuffer buf = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(s));
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("string is not valid Unicode (unpaired surrogate)", e);
    }
  }

  /**
   * The string whose UTF-8 bytes these are.
   *
   * @throws IllegalArgumentException on malformed UTF-8
   */
  public static String decodeString(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("malformed UTF-8 in a string key", e);
    }
  }

  /**
   * The byte-comparable encoding of a number (see the class comment).
   *
   * @param value a number within DynamoDB's range; it need not be normalized ({@code 1.50} and {@code 1.5}
   *     encode alike)
   * @throws IllegalArgumentException when {@code value} has more than 38 significant digits or a magnitude
   *     outside [1E-130, 9.99...E+125]
   */
  public static byte[] encodeNumber(BigDecimal value) {
    if (value.signum() == 0) {
      return new byte[] {TAG_ZERO};
    }
    if (!Numbers.isValid(value)) {
      throw new IllegalArgumentException("number out of DynamoDB's range: " + value);
    }
    BigDecimal r = value.stripTrailingZeros();
    boolean negative = r.signum() < 0;
    String digits = r.unscaledValue().abs().toString(); // first and last digit non-zero
    int exponent = r.precision() - r.scale() - 1; // of the leading digit
    int pairs = (digits.length() + 1) / 2;
    byte[] out = new byte[3 + pairs];
    out[0] = negative ? TAG_NEGATIVE : TAG_POSITIVE;
    int biased = exponent + EXPONENT_BIAS;
    out[1] = (byte) (negative ? 255 - biased : biased);
    for (int p = 0; p < pairs; p++) {
      int hi = digits.charAt(2 * p) - '0';
      int lo = 2 * p + 1 < digits.length() ? digits.charAt(2 * p + 1) - '0' : 0;
      int v = 10 * hi + lo + 1;
      out[2 + p] = (byte) (negative ? 101 - v : v);
    }
    out[2 + pairs] = (byte) (negative ? 0xFF : 0x00);
    return out;
  }

  /**
   * The number encoded by {@link #encodeNumber}, normalized.
   *
   * @throws IllegalArgumentException when the bytes are not such an encoding (wrong tag, length, digit byte or
   *     terminator, leading or trailing zero digits)
   */
  public static BigDecimal decodeNumber(byte[] bytes) {
    if (bytes.length == 1 && bytes[0] == TAG_ZERO) {
      return BigDecimal.ZERO;
    }
    if (bytes.length < 4 || bytes.length > MAX_NUMBER_BYTES
        || (bytes[0] != TAG_NEGATIVE && bytes[0] != TAG_POSITIVE)) {
      throw malformed();
    }
    boolean negative = bytes[0] == TAG_NEGATIVE;
    int last = bytes.length - 1;
    if ((bytes[last] & 0xFF) != (negative ? 0xFF : 0x00)) {
      throw malformed();
    }
    int biased = bytes[1] & 0xFF;
    int exponent = (negative ? 255 - biased : biased) - EXPONENT_BIAS;
    if (exponent > Numbers.MAX_EXPONENT) {
      throw malformed();
    }
    int pairs = last - 2;
    char[] digits = new char[2 * pairs];
    for (int p = 0; p < pairs; p++) {
      int b = bytes[2 + p] & 0xFF;
      int v = (negative ? 101 - b : b) - 1;
      if (v < 0 || v > 99) {
        throw malformed();
      }
      digits[2 * p] = (char) ('0' + v / 10);
      digits[2 * p + 1] = (char) ('0' + v % 10);
    }
    int len = digits.length;
    if (digits[len - 1] == '0') {
      len--; // the padding of an odd count
    }
    if (digits[0] == '0' || digits[len - 1] == '0' || len > Numbers.MAX_DIGITS) {
      throw malformed(); // not normalized: no encoder output looks like this
    }
    BigInteger unscaled = new BigInteger(new String(digits, 0, len));
    // value = 0.d1d2..dlen * 10^(exponent+1) = unscaled * 10^(exponent + 1 - len)
    BigDecimal value = new BigDecimal(negative ? unscaled.negate() : unscaled, len - 1 - exponent);
    return value;
  }

  private static IllegalArgumentException malformed() {
    return new IllegalArgumentException("bytes are not an encoded DynamoDB number");
  }
}
