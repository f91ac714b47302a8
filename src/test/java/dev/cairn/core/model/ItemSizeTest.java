package dev.cairn.core.model;

import static dev.cairn.core.model.DynamoAssertions.assertValidation;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.model.ItemSize.ReadConsistency;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ItemSizeTest {
  private static AttributeValue s(String v) {
    return new AttributeValue.S(v);
  }

  private static AttributeValue n(String v) {
    return new AttributeValue.N(Numbers.parse(v));
  }

  // The 23 literals the conformance suite measured against the service (src/item-size.ts).
  @ParameterizedTest
  @CsvSource({
    "0, 1", "1, 2", "12, 2", "123, 3", "1234, 3", "12345678901234567890123456789012345678, 20", "0042, 2",
    "100, 2", "1010, 3", "0.0000001, 2", "1E125, 2", "1E-100, 2", "1.5, 3", "15, 2", "1.2, 3", "1.200, 3",
    "1.234, 4", "3.14159, 5", "123456, 4", "100.5, 4", "0.15, 2", "-42, 3", "-0, 1",
  })
  void numberSize_measuredLiterals_matchService(String literal, int bytes) {
    assertEquals(bytes, ItemSize.numberSize(Numbers.parse(literal)));
  }

  @Test
  void numberSize_negative_costsOneMore() {
    for (String lit : new String[] {"42", "12345", "1E125", "0.15", "1E-130"}) {
      assertEquals(ItemSize.numberSize(Numbers.parse(lit)) + 1, ItemSize.numberSize(Numbers.parse("-" + lit)), lit);
    }
  }

  @Test
  void numberSize_unnormalizedInput_sameAsNormalized() {
    assertEquals(2, ItemSize.numberSize(new BigDecimal("100.000")));
    assertEquals(1, ItemSize.numberSize(new BigDecimal("0E+7")));
  }

  @Test
  void numberSize_extremes() {
    assertEquals(2, ItemSize.numberSize(Numbers.MIN_POSITIVE));
    assertEquals(20, ItemSize.numberSize(Numbers.MAX_VALUE)); // 9.99..E125: 38 digits in 19 pairs
    // 1 integer digit + 37 fraction digits straddle: "01" + 19 pairs.
    assertEquals(21, ItemSize.numberSize(new BigDecimal("1.2345678901234567890123456789012345678")));
  }

  @Test
  void utf8Length_matchesEncoder() {
    for (String str : new String[] {"", "abc", "\u00e9", "\u20ac", "\uD83D\uDE00", "a\u0000b", "\u07ff\u0800"}) {
      assertEquals(str.getBytes(StandardCharsets.UTF_8).length, ItemSize.utf8Length(str), str);
    }
    assertEquals(3, ItemSize.utf8Length("\uD800")); // unpaired surrogate
  }

  @Test
  void valueSize_scalars() {
    assertEquals(3, ItemSize.valueSize(s("abc")));
    assertEquals(2, ItemSize.valueSize(s("\u00a3")));
    assertEquals(0, ItemSize.valueSize(s("")));
    assertEquals(17, ItemSize.valueSize(new AttributeValue.B(Bytes.wrap(new byte[17]))));
    assertEquals(1, ItemSize.valueSize(AttributeValue.Bool.TRUE));
    assertEquals(1, ItemSize.valueSize(AttributeValue.Null.INSTANCE));
  }

  @Test
  void valueSize_sets_sumMembers() {
    assertEquals(3, ItemSize.valueSize(new AttributeValue.SS(new LinkedHashSet<>(List.of("a", "bc")))));
    assertEquals(2 + 3, ItemSize.valueSize(
        new AttributeValue.NS(Set.of(new BigDecimal("1"), new BigDecimal("123")))));
    assertEquals(5, ItemSize.valueSize(new AttributeValue.BS(
        Set.of(Bytes.wrap(new byte[2]), Bytes.wrap(new byte[3])))));
  }

  @Test
  void valueSize_listsAndMaps_haveOverhead() {
    assertEquals(3, ItemSize.valueSize(new AttributeValue.L(List.of())));
    assertEquals(3, ItemSize.valueSize(new AttributeValue.M(Map.of())));
    // 3 + (1 + 1) + (1 + 2)
    assertEquals(8, ItemSize.valueSize(new AttributeValue.L(List.of(s("a"), n("1")))));
    // 3 + (1 + "k" + "ab")
    assertEquals(7, ItemSize.valueSize(new AttributeValue.M(Map.of("k", s("ab")))));
    // nested: outer L 3 + 1 + inner M (3 + 1 + 1 + 1) = 10
    assertEquals(10, ItemSize.valueSize(new AttributeValue.L(List.of(
        new AttributeValue.M(Map.of("x", AttributeValue.Null.INSTANCE))))));
  }

  @Test
  void itemSize_countsNamesAndValues() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", s("k"));
    assertEquals(3, ItemSize.itemSize(item));
    item.put("n", n("42"));
    assertEquals(3 + 1 + 2, ItemSize.itemSize(item));
    item.put("\u00a3", s(""));
    assertEquals(6 + 2, ItemSize.itemSize(item));
  }

  @Test
  void checkItemSize_exactlyMax_isAccepted_oneMore_isRejected() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", s("k"));
    item.put("p", s("x".repeat(ItemSize.MAX_ITEM_SIZE - 3 - 1)));
    assertEquals(ItemSize.MAX_ITEM_SIZE, ItemSize.itemSize(item));
    assertDoesNotThrow(() -> ItemSize.checkItemSize(item));
    item.put("p", s("x".repeat(ItemSize.MAX_ITEM_SIZE - 3)));
    assertValidation("Item size has exceeded the maximum allowed size", () -> ItemSize.checkItemSize(item));
  }

  @Test
  void checkKeySizes_limitsAreInclusive() {
    assertDoesNotThrow(() -> ItemSize.checkPartitionKeySize(s("a".repeat(2048))));
    assertValidation("One or more parameter values were invalid: "
            + "Size of hashkey has exceeded the maximum size limit of2048 bytes",
        () -> ItemSize.checkPartitionKeySize(s("a".repeat(2049))));
    assertDoesNotThrow(() -> ItemSize.checkSortKeySize(new AttributeValue.B(Bytes.wrap(new byte[1024]))));
    assertValidation("One or more parameter values were invalid: "
            + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes",
        () -> ItemSize.checkSortKeySize(new AttributeValue.B(Bytes.wrap(new byte[1025]))));
  }

  @Test
  void readUnits_roundUpTo4K_byConsistency() {
    assertEquals(1.0, ItemSize.readUnits(3500, ReadConsistency.STRONG));
    assertEquals(0.5, ItemSize.readUnits(3500, ReadConsistency.EVENTUAL));
    assertEquals(2.0, ItemSize.readUnits(3500, ReadConsistency.TRANSACTIONAL));
    assertEquals(2.0, ItemSize.readUnits(8192, ReadConsistency.STRONG));
    assertEquals(1.0, ItemSize.readUnits(8192, ReadConsistency.EVENTUAL));
    assertEquals(4.0, ItemSize.readUnits(8192, ReadConsistency.TRANSACTIONAL));
    assertEquals(3.0, ItemSize.readUnits(10 * 1024, ReadConsistency.STRONG));
    assertEquals(1.0, ItemSize.readUnits(0, ReadConsistency.STRONG));
    assertEquals(0.5, ItemSize.readUnits(0, ReadConsistency.EVENTUAL));
    assertEquals(1.5, ItemSize.readUnits(4097 + 4096, ReadConsistency.EVENTUAL));
  }

  @Test
  void writeUnits_roundUpTo1K() {
    assertEquals(1.0, ItemSize.writeUnits(500, false));
    assertEquals(1.0, ItemSize.writeUnits(1024, false));
    assertEquals(2.0, ItemSize.writeUnits(1025, false));
    assertEquals(4.0, ItemSize.writeUnits(1025, true));
    assertEquals(1.0, ItemSize.writeUnits(0, false));
    assertEquals(400.0, ItemSize.writeUnits(ItemSize.MAX_ITEM_SIZE, false));
    assertThrows(IllegalArgumentException.class, () -> ItemSize.writeUnits(-1, false));
  }
}
