package dev.cairn.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random items over all ten types for property tests: hostile strings (JSON specials, controls, NUL, pairs and
 * unpaired surrogates), valid numbers across the range, short binaries. Deterministic for a seeded Random.
 */
public final class RandomItems {
  private RandomItems() {}

  /** An item of 0 to 5 attributes; {@code depth} bounds M and L nesting. */
  public static Map<String, AttributeValue> item(Random rnd, int depth) {
    int size = rnd.nextInt(6);
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      m.put(string(rnd), value(rnd, depth));
    }
    return m;
  }

  /** One value of any type; M and L only while {@code depth > 0}. */
  public static AttributeValue value(Random rnd, int depth) {
    int kind = rnd.nextInt(depth > 0 ? 10 : 8);
    switch (kind) {
      case 0:
        return new AttributeValue.S(string(rnd));
      case 1:
        return new AttributeValue.N(number(rnd));
      case 2:
        return new AttributeValue.B(bytes(rnd));
      case 3:
        return AttributeValue.Bool.of(rnd.nextBoolean());
      case 4:
        return AttributeValue.Null.INSTANCE;
      case 5: {
        Set<String> set = new LinkedHashSet<>();
        int k = 1 + rnd.nextInt(4);
        for (int i = 0; i < k; i++) {
          set.add(string(rnd));
        }
        return new AttributeValue.SS(set);
      }
      case 6: {
        Set<BigDecimal> set = new LinkedHashSet<>();
        int k = 1 + rnd.nextInt(4);
        for (int i = 0; i < k; i++) {
          set.add(number(rnd));
        }
        return new AttributeValue.NS(set);
      }
      case 7: {
        Set<Bytes> set = new LinkedHashSet<>();
        int k = 1 + rnd.nextInt(4);
        for (int i = 0; i < k; i++) {
          set.add(bytes(rnd));
        }
        return new AttributeValue.BS(set);
      }
      case 8:
        return new AttributeValue.M(item(rnd, depth - 1));
      default: {
        List<AttributeValue> list = new ArrayList<>();
        int k = rnd.nextInt(5);
        for (int i = 0; i < k; i++) {
          list.add(value(rnd, depth - 1));
        }
        return new AttributeValue.L(list);
      }
    }
  }

  /** Strings mixing ASCII, JSON specials, controls, NUL, BMP, pairs and unpaired surrogates. */
  public static String string(Random rnd) {
    int len = rnd.nextInt(12);
    StringBuilder sb = new StringBuilder(len * 2);
    for (int i = 0; i < len; i++) {
      int pick = rnd.nextInt(10);
      if (pick < 4) {
        sb.append((char) (' ' + rnd.nextInt(95)));
      } else if (pick == 4) {
        sb.append("\"\\/".charAt(rnd.nextInt(3)));
      } else if (pick == 5) {
        sb.append((char) rnd.nextInt(0x20));
      } else if (pick == 6) {
        sb.append((char) (0x80 + rnd.nextInt(0xD800 - 0x80)));
      } else if (pick == 7) {
        sb.appendCodePoint(0x10000 + rnd.nextInt(0x100000));
      } else if (pick == 8) {
        sb.append((char) (0xD800 + rnd.nextInt(0x800))); // unpaired (or accidentally paired) surrogate
      } else {
        sb.append((char) (0xE000 + rnd.nextInt(0x2000)));
      }
    }
    return sb.toString();
  }

  /** A valid DynamoDB number: up to 38 digits, exponent within range. */
  public static BigDecimal number(Random rnd) {
    int digits = 1 + rnd.nextInt(38);
    StringBuilder sb = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    BigInteger unscaled = new BigInteger(sb.toString());
    if (rnd.nextBoolean()) {
      unscaled = unscaled.negate();
    }
    BigDecimal d = new BigDecimal(unscaled, rnd.nextInt(60) - 30);
    return Numbers.isValid(d) ? d : BigDecimal.ONE;
  }

  /** 0 to 8 random bytes. */
  public static Bytes bytes(Random rnd) {
    byte[] a = new byte[rnd.nextInt(9)];
    rnd.nextBytes(a);
    return Bytes.wrap(a);
  }
}
