package dev.cairn.core.model;

import static dev.cairn.core.model.DynamoAssertions.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueValidationTest {
  private static final ValidationWording CURRENT = ValidationWording.CURRENT;
  private static final ValidationWording LEGACY = ValidationWording.LEGACY;

  private static Bytes b64(String s) {
    return Bytes.wrap(Base64.getDecoder().decode(s));
  }

  // ---- empty sets ----

  @Test
  void stringSet_empty_throwsServiceText() {
    assertValidation("One or more parameter values were invalid: An string set  may not be empty",
        () -> ValueValidation.stringSet(List.of()));
  }

  @Test
  void numberSet_empty_throwsServiceText() {
    assertValidation("One or more parameter values were invalid: An number set  may not be empty",
        () -> ValueValidation.numberSet(List.of(), LEGACY));
  }

  @Test
  void binarySet_empty_throwsServiceText() {
    assertValidation("One or more parameter values were invalid: Binary sets should not be empty",
        () -> ValueValidation.binarySet(List.of()));
  }

  // ---- duplicates, current wording ----

  @Test
  void stringSet_duplicateCurrent_listsSortedUpToRepeatQuoted() {
    assertValidation("One or more parameter values were invalid: Input collection [\"a\", \"b\", \"b\"] "
        + "contains duplicates.", () -> ValueValidation.stringSet(List.of("b", "a", "b"), CURRENT));
    assertValidation("One or more parameter values were invalid: Input collection [\"a\", \"a\"] "
        + "contains duplicates.", () -> ValueValidation.stringSet(List.of("a", "a")));
  }

  @Test
  void stringSet_duplicateCurrent_keepsMembersAfterRepeatAsSent() {
    assertValidation("One or more parameter values were invalid: Input collection [\"c\", \"d\", \"c\", \"z\", \"a\"] "
        + "contains duplicates.", () -> ValueValidation.stringSet(List.of("d", "c", "c", "z", "a"), CURRENT));
  }

  @Test
  void binarySet_duplicateCurrent_listsByteOrderNoSpaces() {
    assertValidation("One or more parameter values were invalid: Input collection [\"AA==\",\"/w==\",\"AA==\"]"
            + "of type BS contains duplicates.",
        () -> ValueValidation.binarySet(List.of(b64("/w=="), b64("AA=="), b64("AA==")), CURRENT));
  }

  @Test
  void numberSet_duplicateCurrent_namesNoMembers() {
    assertValidation("One or more parameter values were invalid: Input collection contains duplicates.",
        () -> ValueValidation.numberSet(List.of("2", "1", "2")));
  }

  // ---- duplicates, legacy wording ----

  @Test
  void stringSet_duplicateLegacy_listsAsSent() {
    assertValidation("One or more parameter values were invalid: Input collection [b, a, b] contains duplicates.",
        () -> ValueValidation.stringSet(List.of("b", "a", "b"), LEGACY));
    assertValidation("One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
        () -> ValueValidation.stringSet(List.of("a", "a"), LEGACY));
  }

  @Test
  void binarySet_duplicateLegacy_listsAsSentWithServiceSpacing() {
    assertValidation("One or more parameter values were invalid: Input collection [/w==, AA==, AA==]"
            + "of type BS contains duplicates.",
        () -> ValueValidation.binarySet(List.of(b64("/w=="), b64("AA=="), b64("AA==")), LEGACY));
  }

  @Test
  void numberSet_duplicateLegacy_hasNoPrefix() {
    assertValidation("Input collection contains duplicates",
        () -> ValueValidation.numberSet(List.of("1", "1"), LEGACY));
  }

  @Test
  void numberSet_numericallyEqualMembers_areDuplicates() {
    assertValidation("One or more parameter values were invalid: Input collection contains duplicates.",
        () -> ValueValidation.numberSet(List.of("1", "2", "2.0")));
    assertValidation("Input collection contains duplicates",
        () -> ValueValidation.numberSet(List.of("1E2", "100"), LEGACY));
  }

  // ---- number-set members ----

  @Test
  void numberSet_badMember_throwsNumberError() {
    assertValidation("The parameter cannot be converted to a numeric value: b",
        () -> ValueValidation.numberSet(List.of("1", "b")));
    assertValidation("The parameter cannot be converted to a numeric value: ",
        () -> ValueValidation.numberSet(List.of("1", "")));
    assertValidation("The parameter cannot be converted to a numeric value",
        () -> ValueValidation.numberSet(List.of("1", ""), LEGACY));
    assertValidation("Number overflow. Attempting to store a number with magnitude larger than supported range",
        () -> ValueValidation.numberSet(List.of("1", "1e126")));
  }

  @Test
  void numberSet_badMemberAndDuplicate_reportsMemberFirst() {
    assertValidation("The parameter cannot be converted to a numeric value: x",
        () -> ValueValidation.numberSet(List.of("1", "1", "x")));
  }

  // ---- accepted sets ----

  @Test
  void sets_valid_sortMembersAndNormalizeNumbers() {
    assertEquals(List.of("a", "b"), List.copyOf(ValueValidation.stringSet(List.of("b", "a")).value()));
    assertEquals(List.of(new BigDecimal("1.5"), new BigDecimal("1E+2")),
        List.copyOf(ValueValidation.numberSet(List.of("1.50", "100")).value()));
    assertEquals(Set.of(b64("AA=="), b64("/w==")),
        ValueValidation.binarySet(List.of(b64("AA=="), b64("/w=="))).value());
  }

  @Test
  void sets_emptyMembers_areAllowedInStringAndBinarySets() {
    assertEquals(Set.of("", "a"), ValueValidation.stringSet(List.of("", "a")).value());
    assertEquals(1, ValueValidation.binarySet(List.of(Bytes.EMPTY)).value().size());
    assertValidation("One or more parameter values were invalid: Input collection [\"\", \"\"] contains duplicates.",
        () -> ValueValidation.stringSet(List.of("", "")));
  }

  // ---- scalars ----

  @Test
  void number_parsesThroughNumbers() {
    assertEquals(new AttributeValue.N(new BigDecimal("42")), ValueValidation.number("042.0", CURRENT));
    assertValidation("Attempting to store more than 38 significant digits in a Number",
        () -> ValueValidation.number("123456789012345678901234567890123456789", LEGACY));
  }

  @Test
  void nullValue_falseIsRejected() {
    assertSame(AttributeValue.Null.INSTANCE, ValueValidation.nullValue(true));
    assertValidation(
        "One or more parameter values were invalid: Null attribute value types must have the value of true",
        () -> ValueValidation.nullValue(false));
  }

  // ---- nesting and the write actions' envelope ----

  private static AttributeValue nestedMaps(int wraps) {
    AttributeValue v = new AttributeValue.S("leaf");
    for (int i = 0; i < wraps; i++) {
      v = new AttributeValue.M(java.util.Map.of("n", v));
    }
    return v;
  }

  @Test
  void checkNesting_leafAtLevel32_passesAndAtLevel33_throws() {
    ValueValidation.checkNesting(java.util.Map.of("a", nestedMaps(31)));
    assertValidation(ValueValidation.NESTING_TOO_DEEP,
        () -> ValueValidation.checkNesting(java.util.Map.of("a", nestedMaps(32))));
    AttributeValue lists = new AttributeValue.S("leaf");
    for (int i = 0; i < 32; i++) {
      lists = new AttributeValue.L(List.of(lists));
    }
    AttributeValue deepList = lists;
    assertValidation(ValueValidation.NESTING_TOO_DEEP,
        () -> ValueValidation.checkNesting(java.util.Map.of("a", deepList)));
  }

  @Test
  void reportedInEnvelope_numbersAndDuplicatesOnly() {
    for (String m : List.of(Numbers.NOT_NUMERIC + ": abc", Numbers.OVERFLOW, Numbers.UNDERFLOW, Numbers.TOO_MANY_DIGITS,
        ValueValidation.NUMBER_SET_DUPLICATES,
        "One or more parameter values were invalid: Input collection [\"a\", \"a\"] contains duplicates.",
        "One or more parameter values were invalid: Input collection [\"AA==\",\"AA==\"]of type BS contains duplicates.")) {
      assertEquals(true, ValueValidation.reportedInEnvelope(m), m);
    }
    for (String m : List.of(ValueValidation.EMPTY_STRING_SET, ValueValidation.NULL_NOT_TRUE, ValueValidation.NESTING_TOO_DEEP,
        ItemSize.ITEM_TOO_LARGE)) {
      assertEquals(false, ValueValidation.reportedInEnvelope(m), m);
    }
  }
}
