package dev.cairn.core.model;

import dev.cairn.core.error.DynamoException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * DynamoDB's number type: parsing wire text with the service's checks and messages, the text the service
 * returns for a stored number, and 38-digit addition and subtraction.
 *
 * <p>A DynamoDB number is a decimal of at most 38 significant digits whose magnitude is 0 or lies between
 * 1E-130 and 9.9999999999999999999999999999999999999E+125 (Developer Guide, "Supported data types and naming
 * rules", Number). Values are held as normalized {@link BigDecimal}s: no trailing zeros, zero as
 * {@link BigDecimal#ZERO}. Thread-safe (stateless).
 */
public final class Numbers {
  /** Most significant digits a number may have. */
  public static final int MAX_DIGITS = 38;
  /** Largest decimal exponent of a number's leading digit (9.99...E+125). */
  public static final int MAX_EXPONENT = 125;
  /** Smallest decimal exponent of a number's leading digit (1E-130). */
  public static final int MIN_EXPONENT = -130;
  /** The largest number DynamoDB stores; its negation is the smallest. */
  public static final BigDecimal MAX_VALUE = new BigDecimal("9.9999999999999999999999999999999999999E+125");
  /** The smallest positive number DynamoDB stores. */
  public static final BigDecimal MIN_POSITIVE = new BigDecimal("1E-130");

  // Message texts: none is in the API Reference. The first four come from dynalite's validations/index.js
  // (written against the service) and are confirmed by paritysuite/dynamodb-conformance
  // tests/tier3/error-messages/valueLayers.test.ts (captured 2026-10).
  /** Text for a string that is not a number; the current checker appends {@code ": <text>"}. */
  public static final String NOT_NUMERIC = "The parameter cannot be converted to a numeric value";
  /** Text for more than {@link #MAX_DIGITS} significant digits. */
  public static final String TOO_MANY_DIGITS = "Attempting to store more than 38 significant digits in a Number";
  /** Text for a magnitude above {@link #MAX_VALUE}, and for a sum or difference needing over 38 digits. */
  public static final String OVERFLOW =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  /** Text for a non-zero magnitude below {@link #MIN_POSITIVE}. */
  public static final String UNDERFLOW =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";

  private Numbers() {}

  /**
   * Parses a number as PutItem, UpdateItem, DeleteItem, GetItem, BatchGetItem and Query do
   * ({@link ValidationWording#CURRENT}).
   *
   * @see #parse(String, ValidationWording)
   */
  public static BigDecimal parse(String text) {
    return parse(text, ValidationWording.CURRENT);
  }

  /**
   * Parses the text of an {@code N} value (or an {@code NS} member) into a normalized decimal, checking it as
   * the service does.
   *
   * <p>Accepted: an optional sign ({@code +} or {@code -}), ASCII digits with at most one decimal point and at
   * least one digit ({@code "1."} and {@code ".5"} are numbers), an optional exponent ({@code e} or {@code E},
   * optional sign, digits). Everything else is rejected, among them spaces anywhere, {@code NaN},
   * {@code Infinity}, hexadecimal and an empty string (the service rejects {@code " 1"}, {@code "1 "},
   * {@code NaN}, {@code Infinity}, {@code 0x10}, {@code 1e}, {@code 1.2.3}; it accepts {@code +3},
   * {@code .123}, {@code 0001.23}, {@code 1e+5}: Scylla's test_number.py, run against DynamoDB, and the
   * conformance suite cited on {@link ValidationWording}). Then, in the service's order: magnitude too large,
   * magnitude too small, more than 38 significant digits (leading and trailing zeros do not count). A zero is
   * range-checked by the exponent it is written with, as the service does: {@code 0e126} overflows,
   * {@code 0e125} is 0 (conformance suite, tests/tier3/limits/numberExponent.test.ts; Scylla's older test saw
   * {@code 0e1000} accepted).
   *
   * @param text the wire text; {@code null} is treated as empty
   * @param wording which checker's messages and exponent arithmetic to imitate
   * @return the value, normalized ({@code "1.50"} gives 1.5, {@code "-0"} gives 0)
   * @throws DynamoException ValidationException with {@link #NOT_NUMERIC} (plus {@code ": " + text} except
   *     for an empty text in the legacy wording), {@link #OVERFLOW}, {@link #UNDERFLOW} or
   *     {@link #TOO_MANY_DIGITS}
   */
  public static BigDecimal parse(String text, ValidationWording wording) {
    if (text == null || text.isEmpty()) {
      throw DynamoException.validation(wording == ValidationWording.CURRENT ? NOT_NUMERIC + ": " : NOT_NUMERIC);
    }
    int n = text.length();
    int i = 0;
    boolean negative = false;
    char c = text.charAt(0);
    if (c == '+' || c == '-') {
      negative = c == '-';
      i++;
    }
    int intStart = i;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
    }
    int intEnd = i;
    int fracStart = i;
    int fracEnd = i;
    if (i < n && text.charAt(i) == '.') {
      i++;
      fracStart = i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      fracEnd = i;
    }
    int intLen = intEnd - intStart;
    int fracLen = fracEnd - fracStart;
    if (intLen + fracLen == 0) {
      throw notNumeric(text);
    }
    int expStart = -1;
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      expStart = i;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int expDigits = i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == expDigits) {
        throw notNumeric(text);
      }
    }
    if (i != n) {
      throw notNumeric(text);
    }

    // The significant digits: all digits with leading and trailing zeros removed.
    String digits = intLen == 0 ? text.substring(fracStart, fracEnd)
        : fracLen == 0 ? text.substring(intStart, intEnd)
        : text.substring(intStart, intEnd) + text.substring(fracStart, fracEnd);
    int first = 0;
    while (first < digits.length() && digits.charAt(first) == '0') {
      first++;
    }
    boolean zero = first == digits.length();
    int last = digits.length() - 1;
    while (last >= first && digits.charAt(last) == '0') {
      last--;
    }

    long exponent;
    if (wording == ValidationWording.CURRENT) {
      // The current checker reads the exponent as a 64-bit integer and range-checks it without wrapping;
      // one past a long cannot be converted (conformance suite, numberExponent.test.ts).
      exponent = expStart < 0 ? 0 : parseLongExponent(text, expStart);
      // Decimal exponent of the leading digit (zero: of the written unit digit, as BigDecimal counts it).
      long adjusted = zero ? saturatedSub(exponent, fracLen)
          : saturatedAdd(exponent, (long) intLen - 1 - first);
      checkRange(adjusted);
    } else {
      // The older checker reads the text as java.math.BigDecimal does: the exponent and the scale must fit an
      // int, and the range test uses precision - scale in int arithmetic, so 1e2147483647 wraps to an
      // underflow (conformance suite, valueLayers.test.ts and partiqlParameterNumbers.test.ts).
      exponent = expStart < 0 ? 0 : parseIntExponent(text, expStart);
      long scale = fracLen - exponent;
      if (scale != (int) scale) {
        throw notNumeric(text);
      }
      int precision = zero ? 1 : digits.length() - first;
      int leadingPlusOne = precision - (int) scale;
      if (leadingPlusOne > MAX_EXPONENT + 1) {
        throw DynamoException.validation(OVERFLOW);
      }
      if (leadingPlusOne < MIN_EXPONENT + 1) {
        throw DynamoException.validation(UNDERFLOW);
      }
    }
    if (zero) {
      return BigDecimal.ZERO;
    }
    if (last - first + 1 > MAX_DIGITS) {
      throw DynamoException.validation(TOO_MANY_DIGITS);
    }
    // value = digits[first..last] * 10^(exponent - fracLen + trailing zeros); in range, so it fits an int.
    long power = exponent - fracLen + (digits.length() - 1 - last);
    BigDecimal value = new BigDecimal(new BigInteger(digits.substring(first, last + 1)), (int) -power);
    return negative ? value.negate() : value;
  }

  /**
   * The text DynamoDB returns for a stored number: plain notation, no exponent, no trailing zeros, no plus
   * sign, {@code "0"} for zero. {@code 1E+2} gives {@code "100"}, {@code 1.50} gives {@code "1.5"},
   * {@code 1E+125} gives 126 digits and {@code 1E-130} gives {@code "0."} followed by 129 zeros and a 1: the
   * service expands exponents (conformance suite, numberByteSize.test.ts; boto3 issues #2500, #4636).
   *
   * @param value any decimal; it need not be normalized
   */
  public static String format(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }

  /**
   * Adds two numbers as {@code SET a = a + :v} and {@code ADD} do: exactly, then checked like a stored number.
   *
   * @param a a number within DynamoDB's range (as from {@link #parse})
   * @param b likewise
   * @return the exact, normalized sum
   * @throws DynamoException ValidationException: {@link #OVERFLOW} when the sum's magnitude is too large or
   *     when it needs more than 38 digits, {@link #UNDERFLOW} when it is too small
   */
  public static BigDecimal add(BigDecimal a, BigDecimal b) {
    return checkResult(a.add(b));
  }

  /**
   * Subtracts as {@code SET a = a - :v} does; otherwise as {@link #add}.
   *
   * @throws DynamoException as {@link #add}
   */
  public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
    return checkResult(a.subtract(b));
  }

  /**
   * Checks an exact arithmetic result against the number type. The service answers {@link #OVERFLOW} both for
   * a result out of range and for one that needs more than 38 digits (1E50 + 1, 1E50 - 1: comment in Scylla's
   * test_number.py, test_update_expression_plus_imprecise, and ExtendDB issue #94); it does not round.
   */
  private static BigDecimal checkResult(BigDecimal exact) {
    if (exact.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal r = exact.stripTrailingZeros();
    long adjusted = (long) r.precision() - r.scale() - 1;
    checkRange(adjusted);
    if (r.precision() > MAX_DIGITS) {
      throw DynamoException.validation(OVERFLOW);
    }
    return r;
  }

  /**
   * Whether {@code value} is a DynamoDB number: zero, or at most 38 significant digits with a magnitude within
   * [1E-130, 9.99...E+125].
   */
  public static boolean isValid(BigDecimal value) {
    if (value.signum() == 0) {
      return true;
    }
    BigDecimal r = value.stripTrailingZeros();
    long adjusted = (long) r.precision() - r.scale() - 1;
    return r.precision() <= MAX_DIGITS && adjusted >= MIN_EXPONENT && adjusted <= MAX_EXPONENT;
  }

  /** The normalized form: trailing zeros stripped, zero as {@link BigDecimal#ZERO}. */
  public static BigDecimal normalize(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  private static void checkRange(long adjusted) {
    if (adjusted > MAX_EXPONENT) {
      throw DynamoException.validation(OVERFLOW);
    }
    if (adjusted < MIN_EXPONENT) {
      throw DynamoException.validation(UNDERFLOW);
    }
  }

  private static DynamoException notNumeric(String text) {
    return DynamoException.validation(NOT_NUMERIC + ": " + text);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The exponent at {@code start} (sign, digits) as a long; one that does not fit is not a number. */
  private static long parseLongExponent(String text, int start) {
    try {
      return Long.parseLong(text, start, text.length(), 10);
    } catch (NumberFormatException e) {
      throw notNumeric(text);
    }
  }

  /** The exponent as BigDecimal reads it: it must fit an int. */
  private static long parseIntExponent(String text, int start) {
    try {
      return Integer.parseInt(text, start, text.length(), 10);
    } catch (NumberFormatException e) {
      throw notNumeric(text);
    }
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  private static long saturatedSub(long a, long b) {
    return saturatedAdd(a, -b);
  }
}
