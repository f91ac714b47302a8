package dev.cairn.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.expr.KeyCondition.SortKeyCondition;
import dev.cairn.core.expr.KeyCondition.SortOperator;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.Bytes;
import dev.cairn.core.model.KeyCodec;
import dev.cairn.storage.SortRange;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping of a Query's sort-key condition to a range of encoded sort-key bytes. */
class QuerySortRangesTest {
  private static SortRange range(SortOperator op, AttributeValue... values) {
    return SortRanges.of(new SortKeyCondition("sk", op, List.of(values)));
  }

  private static AttributeValue.S s(String v) {
    return new AttributeValue.S(v);
  }

  /** Whether an encoded key lies in the range, as the SQL bounds test it (unsigned byte order). */
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

  @Test
  void of_noCondition_isEverything() {
    assertSame(SortRange.ALL, SortRanges.of(null));
  }

  @Test
  void of_eq_isExactlyTheValue() {
    SortRange r = range(SortOperator.EQ, s("b"));
    assertArrayEquals(new byte[] {'b'}, r.low());
    assertArrayEquals(new byte[] {'b'}, r.high());
    assertTrue(r.lowInclusive() && r.highInclusive());
  }

  @Test
  void of_comparisons_areHalfOpen() {
    SortRange lt = range(SortOperator.LT, s("b"));
    assertNull(lt.low());
    assertFalse(lt.highInclusive());
    assertTrue(range(SortOperator.LE, s("b")).highInclusive());
    SortRange gt = range(SortOperator.GT, s("b"));
    assertNull(gt.high());
    assertFalse(gt.lowInclusive());
    assertTrue(range(SortOperator.GE, s("b")).lowInclusive());
  }

  @Test
  void of_between_isInclusiveAtBothEnds() {
    SortRange r = range(SortOperator.BETWEEN, new AttributeValue.N(new BigDecimal("-2.5")),
        new AttributeValue.N(new BigDecimal("10")));
    assertTrue(contains(r, KeyCodec.encodeNumber(new BigDecimal("-2.5"))));
    assertTrue(contains(r, KeyCodec.encodeNumber(new BigDecimal("-1"))));
    assertTrue(contains(r, KeyCodec.encodeNumber(new BigDecimal("10"))));
    assertFalse(contains(r, KeyCodec.encodeNumber(new BigDecimal("-3"))));
    assertFalse(contains(r, KeyCodec.encodeNumber(new BigDecimal("10.5"))));
    assertFalse(contains(r, KeyCodec.encodeNumber(new BigDecimal("100"))));
  }

  @Test
  void of_beginsWithMultiByteUtf8_coversExactlyThePrefixedStrings() {
    SortRange r = range(SortOperator.BEGINS_WITH, s("日本"));
    for (String in : List.of("日本", "日本語", "日本\uffff", "日本\ud83d\ude00")) {
      assertTrue(contains(r, in.getBytes(StandardCharsets.UTF_8)), in);
    }
    for (String out : List.of("日", "日元", "旦", "a", "日\u672b")) {
      assertFalse(contains(r, out.getBytes(StandardCharsets.UTF_8)), out);
    }
  }

  @Test
  void of_beginsWithBinaryEndingInFf_carriesIntoTheEarlierByte() {
    SortRange r = range(SortOperator.BEGINS_WITH, new AttributeValue.B(Bytes.copyOf(new byte[] {0x01, (byte) 0xff})));
    assertArrayEquals(new byte[] {0x02}, r.high());
    assertTrue(contains(r, new byte[] {0x01, (byte) 0xff, 0x00}));
    assertFalse(contains(r, new byte[] {0x02}));
    SortRange all = range(SortOperator.BEGINS_WITH, new AttributeValue.B(Bytes.copyOf(new byte[] {(byte) 0xff})));
    assertNull(all.high());
    assertEquals(true, contains(all, new byte[] {(byte) 0xff, (byte) 0xff}));
  }
}
