package dev.cairn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.core.expr.CompositeKeyCondition;
import dev.cairn.core.expr.CompositeKeyCondition.Equality;
import dev.cairn.core.expr.KeyCondition.SortKeyCondition;
import dev.cairn.core.expr.KeyCondition.SortOperator;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.AttributeValues;
import dev.cairn.core.model.Bytes;
import dev.cairn.storage.SortRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Multi-attribute index keys: the concatenated pieces sort as the attributes compared left to right, and every
 * key condition's byte range holds exactly the keys that satisfy it (random values with 0x00 and 0xFF bytes,
 * strings that are prefixes of each other, negative, zero and fractional numbers).
 */
class CompositeKeyRangesTest {
  private static final Random RANDOM = new Random(42);

  private static AttributeValue randomS() {
    String alphabet = "\u0000ab\u00ff\uffff";
    StringBuilder b = new StringBuilder();
    int n = RANDOM.nextInt(4);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return new AttributeValue.S(b.toString());
  }

  private static AttributeValue randomB() {
    byte[] pool = {0, 1, (byte) 0x7F, (byte) 0xFF};
    byte[] out = new byte[RANDOM.nextInt(4)];
    for (int i = 0; i < out.length; i++) {
      out[i] = pool[RANDOM.nextInt(pool.length)];
    }
    return new AttributeValue.B(Bytes.copyOf(out));
  }

  private static AttributeValue randomN() {
    String[] pool = {"-100", "-1.5", "-1", "0", "0.001", "1", "1.5", "10", "1E+20"};
    return new AttributeValue.N(new BigDecimal(pool[RANDOM.nextInt(pool.length)]));
  }

  /** A key of three RANGE attributes typed S, N, B. */
  private static List<AttributeValue> randomKey() {
    return List.of(randomS(), randomN(), randomB());
  }

  private static int compareKeys(List<AttributeValue> a, List<AttributeValue> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = AttributeValues.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Test
  void encode_ordersAsTheAttributesComparedLeftToRight() {
    for (int i = 0; i < 20_000; i++) {
      List<AttributeValue> a = randomKey();
      List<AttributeValue> b = randomKey();
      assertEquals(Integer.signum(compareKeys(a, b)),
          Integer.signum(Arrays.compareUnsigned(IndexEntries.encode(a), IndexEntries.encode(b))), a + " vs " + b);
    }
  }

  private static boolean contains(SortRange r, byte[] key) {
    if (r.low() != null) {
      int c = Arrays.compareUnsigned(key, r.low());
      if (c < 0 || (c == 0 && !r.lowInclusive())) {
        return false;
      }
    }
    if (r.high() != null) {
      int c = Arrays.compareUnsigned(key, r.high());
      return c < 0 || (c == 0 && r.highInclusive());
    }
    return true;
  }

  private static boolean holds(SortKeyCondition c, AttributeValue v) {
    int cmp = AttributeValues.compare(v, c.values().get(0));
    return switch (c.operator()) {
      case EQ -> cmp == 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
      case BETWEEN -> cmp >= 0 && AttributeValues.compare(v, c.values().get(1)) <= 0;
      case BEGINS_WITH -> {
        byte[] whole = v instanceof AttributeValue.S s ? s.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)
            : ((AttributeValue.B) v).value().toByteArray();
        byte[] p = c.values().get(0) instanceof AttributeValue.S s
            ? s.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)
            : ((AttributeValue.B) c.values().get(0)).value().toByteArray();
        yield whole.length >= p.length && Arrays.equals(Arrays.copyOf(whole, p.length), p);
      }
    };
  }

  @Test
  void ranges_holdExactlyTheKeysThatSatisfyTheCondition() {
    SortOperator[] ops = SortOperator.values();
    for (int i = 0; i < 20_000; i++) {
      List<AttributeValue> probe = randomKey();
      List<AttributeValue> key = RANDOM.nextInt(3) == 0 ? probe : randomKey();
      int used = RANDOM.nextInt(4); // how many RANGE attributes the condition names
      List<Equality> prefix = new ArrayList<>();
      for (int k = 0; k < used - 1; k++) {
        prefix.add(new Equality("r" + k, probe.get(k)));
      }
      SortKeyCondition last = null;
      if (used > 0) {
        SortOperator op = ops[RANDOM.nextInt(ops.length)];
        AttributeValue v = probe.get(used - 1);
        if (op == SortOperator.BEGINS_WITH && v instanceof AttributeValue.N) {
          op = SortOperator.GE;
        }
        List<AttributeValue> values = new ArrayList<>(List.of(v));
        if (op == SortOperator.BETWEEN) {
          AttributeValue hi = used - 1 == 0 ? randomS() : used - 1 == 1 ? randomN() : randomB();
          values = AttributeValues.compare(v, hi) <= 0 ? List.of(v, hi) : List.of(hi, v);
        }
        if (op == SortOperator.BEGINS_WITH) {
          AttributeValue p = v instanceof AttributeValue.S s
              ? new AttributeValue.S(s.value().substring(0, RANDOM.nextInt(s.value().length() + 1)))
              : new AttributeValue.B(Bytes.copyOf(Arrays.copyOf(((AttributeValue.B) v).value().toByteArray(),
                  RANDOM.nextInt(((AttributeValue.B) v).value().length() + 1))));
          values = List.of(p);
        }
        last = new SortKeyCondition("r" + (used - 1), op, values);
      }
      CompositeKeyCondition c = new CompositeKeyCondition(List.of(new Equality("h", new AttributeValue.S("x"))),
          prefix, last);
      boolean expected = true;
      for (int k = 0; k < prefix.size(); k++) {
        expected &= AttributeValues.compare(key.get(k), prefix.get(k).value()) == 0;
      }
      if (last != null) {
        expected &= holds(last, key.get(used - 1));
      }
      SortRange r = SortRanges.of(c, 3);
      assertEquals(expected, contains(r, IndexEntries.encode(key)), key + " in " + c);
    }
  }
}
