package dev.cairn.core.model;

import static dev.cairn.core.model.DynamoAssertions.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {
  private static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";
  private static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  private static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";
  private static final String DIGITS = "Attempting to store more than 38 significant digits in a Number";

  // ---- parse: accepted forms ----

  @ParameterizedTest
  @CsvSource({
    "3, 3",
    "-7.1234, -7.1234",
    "-17e5, -1700000",
    "-17.4E37, -174000000000000000000000000000000000000",
    "+3, 3",
    ".123, 0.123",
    "0001.23, 1.23",
    "1e+5, 100000",
    "1., 1",
    "1.50, 1.5",
    "1E2, 100",
    "-0, 0",
    "0.000, 0",
    "0e125, 0",
    "0e-130, 0",
    "0042.1200, 42.12",
    "1e0000000000000000000000005, 100000",
  })
  void parse_validText_givesNormalizedValue(String text, String expected) {
    assertEquals(expected, Numbers.format(Numbers.parse(text)));
  }

  @Test
  void parse_zero_isBigDecimalZero() {
    assertSame(BigDecimal.ZERO, Numbers.parse("-0.00"));
  }

  @Test
  void parse_trailingZeros_areStripped() {
    assertEquals(new BigDecimal("1.5"), Numbers.parse("1.50"));
    assertEquals(new BigDecimal("1E+2"), Numbers.parse("100"));
  }

  @Test
  void parse_rangeLimits_areAccepted() {
    assertEquals(Numbers.MAX_VALUE, Numbers.parse("9.9999999999999999999999999999999999999E+125"));
    assertEquals(Numbers.MAX_VALUE.negate(), Numbers.parse("-9.9999999999999999999999999999999999999E+125"));
    assertEquals(Numbers.MIN_POSITIVE, Numbers.parse("1E-130"));
    assertEquals(Numbers.MIN_POSITIVE.negate(), Numbers.parse("-1e-130"));
    assertEquals(new BigDecimal("1E+125"), Numbers.parse("1e125"));
  }

  @Test
  void parse_38Digits_isAccepted() {
    assertEquals(new BigDecimal("3.1415926535897932384626433832795028841"),
        Numbers.parse("3.1415926535897932384626433832795028841"));
    assertEquals(new BigDecimal("31415926535897932384626433832795028841E30"),
        Numbers.parse("31415926535897932384626433832795028841e30"));
  }

  @Test
  void parse_manyInsignificantZeros_areNotCounted() {
    // 1 followed by 60 zeros, and 60 zeros before a fraction: one significant digit each.
    assertEquals(new BigDecimal("1E+60"), Numbers.parse("1" + "0".repeat(60)));
    assertEquals(new BigDecimal("1E-61"), Numbers.parse("0." + "0".repeat(60) + "1"));
    assertEquals(new BigDecimal("5"), Numbers.parse("0".repeat(1000) + "5." + "0".repeat(1000)));
  }

  // ---- parse: rejected forms ----

  @ParameterizedTest
  @ValueSource(strings = {
    "NaN", "-NaN", "Infinity", "-Infinity", "dog", "-dog", " 1", "1 ", "0x10", "1e", "1.2.3", "+", "-", ".",
    "e5", "--1", "+-1", "1e+", "1e-", "1e5.5", "1_000", "1,5", "\u0661", "１", "1d", "1f", "1L", "0b1",
    "1e2e3", "\t1", "1\n"
  })
  void parse_malformed_throwsNotNumericWithText(String text) {
    assertValidation(NOT_NUMERIC + ": " + text, () -> Numbers.parse(text));
  }

  @Test
  void parse_empty_throwsNotNumericWithColonInCurrentWording() {
    assertValidation(NOT_NUMERIC + ": ", () -> Numbers.parse(""));
    assertValidation(NOT_NUMERIC + ": ", () -> Numbers.parse(null));
  }

  @Test
  void parse_empty_throwsBareNotNumericInLegacyWording() {
    assertValidation(NOT_NUMERIC, () -> Numbers.parse("", ValidationWording.LEGACY));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "123456789012345678901234567890123456789",
    "-1.23456789012345678901234567890123456789",
    "1234567890123456789012345678901234567890",
    "3.14159265358979323846264338327950288419",
    "314159265358979323846264338327950288419e30",
  })
  void parse_tooManyDigits_throwsValidation(String text) {
    assertValidation(DIGITS, () -> Numbers.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "1e126", "-1e126", "11e125", "10E+125", "1e99999999999", "-1e99999999999", "1e2147483648", "1e2147483647",
    "0e126", "9223372036854775807e9223372036854775807",
  })
  void parse_tooLarge_throwsOverflow(String text) {
    assertValidation(OVERFLOW, () -> Numbers.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "1e-131", "-1e-131", "0.9e-130", "1e-99999999999", "1e-2147483648", "0e-131", "0.1e-9223372036854775808"
  })
  void parse_tooSmall_throwsUnderflow(String text) {
    assertValidation(UNDERFLOW, () -> Numbers.parse(text));
  }

  @Test
  void parse_exponentPastLong_throwsNotNumeric() {
    assertValidation(NOT_NUMERIC + ": 1e9223372036854775808", () -> Numbers.parse("1e9223372036854775808"));
  }

  @Test
  void parse_overflowWithTooManyDigits_reportsOverflowFirst() {
    // dynalite checks the range before the digit count.
    assertValidation(OVERFLOW, () -> Numbers.parse("1234567890123456789012345678901234567891e200"));
  }

  // ---- parse: the legacy checker (BigDecimal arithmetic) ----

  @Test
  void parse_legacyExponentPastInt_throwsNotNumeric() {
    assertValidation(NOT_NUMERIC + ": 1e99999999999",
        () -> Numbers.parse("1e99999999999", ValidationWording.LEGACY));
    assertValidation(NOT_NUMERIC + ": 1e2147483648",
        () -> Numbers.parse("1e2147483648", ValidationWording.LEGACY));
    assertValidation(NOT_NUMERIC + ": 1e-2147483648",
        () -> Numbers.parse("1e-2147483648", ValidationWording.LEGACY));
  }

  @Test
  void parse_legacyIntMaxExponent_wrapsToUnderflow() {
    assertValidation(UNDERFLOW, () -> Numbers.parse("1e2147483647", ValidationWording.LEGACY));
  }

  @Test
  void parse_legacyOrdinaryValues_matchCurrent() {
    for (String s : new String[] {"1e126", "1e-131", "123456789012345678901234567890123456789", "abc"}) {
      String current = message(() -> Numbers.parse(s));
      String legacy = message(() -> Numbers.parse(s, ValidationWording.LEGACY));
      assertEquals(current, legacy, s);
    }
    assertEquals(new BigDecimal("-1.5E-7"), Numbers.parse("-0.00000015", ValidationWording.LEGACY));
    assertEquals(Numbers.MAX_VALUE, Numbers.parse(Numbers.MAX_VALUE.toString(), ValidationWording.LEGACY));
  }

  private static String message(Runnable r) {
    try {
      r.run();
      return "(accepted)";
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  // ---- format ----

  @ParameterizedTest
  @CsvSource({
    "1.50, 1.5",
    "1E2, 100",
    "-0, 0",
    "0E+5, 0",
    "0.00, 0",
    "-1.0E-3, -0.001",
    "123.456, 123.456",
  })
  void format_givesPlainNormalizedText(String value, String expected) {
    assertEquals(expected, Numbers.format(new BigDecimal(value)));
  }

  @Test
  void format_hugeExponent_expandsToPlainDigits() {
    assertEquals("1" + "0".repeat(125), Numbers.format(new BigDecimal("1E125")));
    assertEquals("0." + "0".repeat(129) + "1", Numbers.format(new BigDecimal("1E-130")));
  }

  @Test
  void format_roundTripsThroughParse() {
    for (String s : new String[] {"1e-130", "-9.9999999999999999999999999999999999999E+125", "0.5", "12345"}) {
      BigDecimal v = Numbers.parse(s);
      assertEquals(v, Numbers.parse(Numbers.format(v)));
    }
  }

  // ---- add / subtract ----

  @Test
  void add_exactAt38Digits_keepsEveryDigit() {
    assertEquals(new BigDecimal("10000000000000000000001"),
        Numbers.add(BigDecimal.ONE, new BigDecimal("10000000000000000000000")));
    assertEquals(new BigDecimal("9999999999999999999999"),
        Numbers.subtract(new BigDecimal("10000000000000000000000"), BigDecimal.ONE));
    assertEquals(new BigDecimal("99999999999999999999999999999999999999"),
        Numbers.add(new BigDecimal("99999999999999999999999999999999999998"), BigDecimal.ONE));
  }

  @Test
  void add_resultIsNormalized() {
    assertEquals(new BigDecimal("2"), Numbers.add(new BigDecimal("1.5"), new BigDecimal("0.50")));
    assertSame(BigDecimal.ZERO, Numbers.subtract(new BigDecimal("1.5"), new BigDecimal("1.50")));
  }

  @Test
  void add_pastMaximum_throwsOverflow() {
    assertValidation(OVERFLOW, () -> Numbers.add(new BigDecimal("9e125"), new BigDecimal("9e125")));
    assertValidation(OVERFLOW, () -> Numbers.subtract(new BigDecimal("9e125"), new BigDecimal("-9e125")));
    assertValidation(OVERFLOW, () -> Numbers.add(Numbers.MAX_VALUE, new BigDecimal("1E+125")));
    assertValidation(OVERFLOW, () -> Numbers.add(Numbers.MAX_VALUE.negate(), new BigDecimal("-1E+88")));
  }

  @Test
  void add_needingMoreThan38Digits_throwsOverflow() {
    assertValidation(OVERFLOW, () -> Numbers.add(new BigDecimal("1e50"), BigDecimal.ONE));
    assertValidation(OVERFLOW, () -> Numbers.subtract(new BigDecimal("1e50"), BigDecimal.ONE));
    assertValidation(OVERFLOW,
        () -> Numbers.add(new BigDecimal("99999999999999999999999999999999999999"), new BigDecimal("0.1")));
  }

  @Test
  void subtract_belowMinimum_throwsUnderflow() {
    // 2E-130 - 1.5E-130 = 5E-131.
    assertValidation(UNDERFLOW, () -> Numbers.subtract(new BigDecimal("2E-130"), new BigDecimal("1.5E-130")));
  }

  @Test
  void add_carryIntoNewDigit_staysExactWhenItFits() {
    assertEquals(new BigDecimal("1E+38"),
        Numbers.add(new BigDecimal("99999999999999999999999999999999999999"), BigDecimal.ONE));
  }

  // ---- isValid / normalize ----

  @Test
  void isValid_checksRangeAndDigits() {
    assertTrue(Numbers.isValid(BigDecimal.ZERO));
    assertTrue(Numbers.isValid(Numbers.MAX_VALUE));
    assertTrue(Numbers.isValid(new BigDecimal("100.000")));
    assertFalse(Numbers.isValid(new BigDecimal("1E126")));
    assertFalse(Numbers.isValid(new BigDecimal("1E-131")));
    assertFalse(Numbers.isValid(new BigDecimal("1.00000000000000000000000000000000000001")));
  }

  @Test
  void normalize_stripsZerosAndCanonicalizesZero() {
    assertSame(BigDecimal.ZERO, Numbers.normalize(new BigDecimal("0E+10")));
    assertEquals(new BigDecimal("1E+1"), Numbers.normalize(new BigDecimal("10.00")));
  }
}
