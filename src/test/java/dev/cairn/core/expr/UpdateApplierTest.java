package dev.cairn.core.expr;

import dev.cairn.core.error.DynamoException;

import static dev.cairn.core.expr.Av.assertValidation;
import static dev.cairn.core.expr.Av.item;
import static dev.cairn.core.expr.Av.l;
import static dev.cairn.core.expr.Av.m;
import static dev.cairn.core.expr.Av.n;
import static dev.cairn.core.expr.Av.ns;
import static dev.cairn.core.expr.Av.s;
import static dev.cairn.core.expr.Av.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.model.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Applying update expressions to items, with UPDATED_OLD / UPDATED_NEW shapes. */
class UpdateApplierTest {
  private static final Map<String, AttributeValue> VALUES = item(
      ":v", s("x"), ":one", n("1"), ":two", n("2"), ":l", l(s("z")), ":ss", ss("b", "c"), ":ns", ns("5"),
      ":big", n("9.9999999999999999999999999999999999999E+125"));

  private static UpdateApplier.Result apply(String text, Map<String, AttributeValue> old) {
    Map<String, AttributeValue> used = new LinkedHashMap<>();
    VALUES.forEach((k, v) -> {
      if (text.matches(".*" + java.util.regex.Pattern.quote(k) + "(?![A-Za-z0-9_]).*")) {
        used.put(k, v);
      }
    });
    UpdateExpression u = ExpressionContext.of(null, used.isEmpty() ? null : used).update(text);
    return UpdateApplier.apply(u, old);
  }

  @Test
  void applyUpdate_setOnAbsentItem_startsFromKey() {
    UpdateExpression u = ExpressionContext.of(null, item(":v", s("x"))).update("SET a = :v");
    UpdateApplier.Result r = UpdateApplier.apply(u, null, item("pk", s("k")));
    assertEquals(item("pk", s("k"), "a", s("x")), r.newItem());
    assertEquals(Map.of(), r.updatedOld());
    assertEquals(item("a", s("x")), r.updatedNew());
  }

  @Test
  void applyUpdate_setNested_replacesOnlyTheMember() {
    UpdateApplier.Result r = apply("SET m.a = :v", item("m", m("a", s("old"), "b", s("keep"))));
    assertEquals(item("m", m("a", s("x"), "b", s("keep"))), r.newItem());
    assertEquals(item("m", m("a", s("old"))), r.updatedOld());
    assertEquals(item("m", m("a", s("x"))), r.updatedNew());
  }

  @Test
  void applyUpdate_setListIndexPastEnd_appends() {
    UpdateApplier.Result r = apply("SET l[10] = :v", item("l", l(s("a"))));
    assertEquals(item("l", l(s("a"), s("x"))), r.newItem());
  }

  @Test
  void applyUpdate_setListIndex_replaces() {
    UpdateApplier.Result r = apply("SET l[1] = :v", item("l", l(s("a"), s("b"), s("c"))));
    assertEquals(item("l", l(s("a"), s("x"), s("c"))), r.newItem());
    assertEquals(item("l", l(s("b"))), r.updatedOld());
  }

  @Test
  void applyUpdate_setUnderMissingParent_throwsInvalidPath() {
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> apply("SET m.a = :v", item()));
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> apply("SET m.a.b = :v", item("m", m())));
  }

  @Test
  void applyUpdate_setIndexIntoMap_throwsInvalidPath() {
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> apply("SET m[0] = :v", item("m", m())));
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> apply("SET l.a = :v", item("l", l())));
  }

  @Test
  void applyUpdate_arithmetic_addsAndSubtracts() {
    UpdateApplier.Result r = apply("SET a = a + :one, b = :two - b", item("a", n("1.5"), "b", n("0.5")));
    assertEquals(item("a", n("2.5"), "b", n("1.5")), r.newItem());
  }

  @Test
  void applyUpdate_arithmeticOnMissing_throwsMissingOperand() {
    assertValidation("The provided expression refers to an attribute that does not exist in the item",
        () -> apply("SET a = b + :one", item()));
  }

  @Test
  void applyUpdate_arithmeticOnString_throwsIncorrectType() {
    assertValidation("An operand in the update expression has an incorrect data type",
        () -> apply("SET a = b + :one", item("b", s("x"))));
  }

  @Test
  void applyUpdate_arithmeticOverflow_throwsNumberOverflow() {
    assertValidation("Number overflow. Attempting to store a number with magnitude larger than supported range",
        () -> apply("SET a = :big + :big", item()));
  }

  @Test
  void applyUpdate_resultBeyond38Digits_throwsOverflow() {
    // The service answers an inexact sum with the overflow text (recorded for 1e50 + 1; docs/value-model.md).
    DynamoException e = assertThrows(DynamoException.class, () -> apply("SET a = a + :one", item("a", n("1E+40"))));
    assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
        e.getMessage());
  }

  @Test
  void applyUpdate_rightHandSides_readTheOriginalItem() {
    UpdateApplier.Result r = apply("SET a = b, b = a", item("a", s("1"), "b", s("2")));
    assertEquals(item("a", s("2"), "b", s("1")), r.newItem());
  }

  @Test
  void applyUpdate_ifNotExists_keepsExistingValue() {
    assertEquals(n("7"), apply("SET a = if_not_exists(a, :one)", item("a", n("7"))).newItem().get("a"));
    assertEquals(n("1"), apply("SET a = if_not_exists(a, :one)", item()).newItem().get("a"));
    assertEquals(n("2"), apply("SET a = if_not_exists(a, :one) + :one", item()).newItem().get("a"));
  }

  @Test
  void applyUpdate_listAppend_concatenates() {
    assertEquals(l(s("y"), s("z")), apply("SET l = list_append(l, :l)", item("l", l(s("y")))).newItem().get("l"));
    assertEquals(l(s("z"), s("y")), apply("SET l = list_append(:l, l)", item("l", l(s("y")))).newItem().get("l"));
  }

  @Test
  void applyUpdate_listAppendOnNonList_throwsIncorrectType() {
    assertValidation("An operand in the update expression has an incorrect data type",
        () -> apply("SET l = list_append(l, :l)", item("l", s("y"))));
  }

  @Test
  void applyUpdate_removeListIndexes_shiftAndReferToOriginal() {
    UpdateApplier.Result r = apply("REMOVE l[0], l[2]", item("l", l(s("a"), s("b"), s("c"), s("d"))));
    assertEquals(item("l", l(s("b"), s("d"))), r.newItem());
    assertEquals(item("l", l(s("a"), s("c"))), r.updatedOld());
    // UPDATED_NEW projects the same paths on the new item: l[0] is now "b", l[2] no longer exists.
    assertEquals(item("l", l(s("b"))), r.updatedNew());
  }

  @Test
  void applyUpdate_removeMissing_changesNothing() {
    Map<String, AttributeValue> old = item("a", s("x"), "m", m("k", s("v")), "l", l(s("a")));
    assertEquals(old, apply("REMOVE b, m.zz, l[5]", old).newItem());
  }

  @Test
  void applyUpdate_removeUnderMissingParent_throwsInvalidPath() {
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> apply("REMOVE q.r", item("a", s("x"))));
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> apply("DELETE q.r :ss", item("a", s("x"))));
  }

  @Test
  void applyUpdate_setSeveralPastEnd_appendInIndexOrder() {
    UpdateApplier.Result r = apply("SET l[9] = :two, l[5] = :one", item("l", l(s("a"))));
    assertEquals(item("l", l(s("a"), n("1"), n("2"))), r.newItem());
  }

  @Test
  void applyUpdate_setAndRemoveInOneList_useOriginalPositions() {
    UpdateApplier.Result r = apply("SET l[2] = :v REMOVE l[0]", item("l", l(s("a"), s("b"), s("c"))));
    assertEquals(item("l", l(s("b"), s("x"))), r.newItem());
  }

  @Test
  void applyUpdate_errorOrder_wrongParentTypeBeforeMissingOperand() {
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> apply("SET a = nope, m[0] = :v", item("m", m())));
  }

  @Test
  void applyUpdate_errorOrder_typeBeforeMissingParent() {
    assertValidation("An operand in the update expression has an incorrect data type",
        () -> apply("SET q.r = :v, n = s + :one", item("s", s("x"))));
  }

  @Test
  void applyUpdate_errorOrder_missingParentBeforeMissingOperand() {
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> apply("SET a = nope, q.r = :v", item()));
  }

  @Test
  void applyUpdate_doesNotChangeTheOldItem() {
    Map<String, AttributeValue> old = item("m", m("a", l(n("1"))));
    apply("SET m.a[0] = :two, m.b = :one", old);
    assertEquals(item("m", m("a", l(n("1")))), old);
  }

  @Test
  void applyUpdate_removeNested_keepsSiblings() {
    UpdateApplier.Result r = apply("REMOVE m.a", item("m", m("a", s("x"), "b", s("y"))));
    assertEquals(item("m", m("b", s("y"))), r.newItem());
    assertEquals(item("m", m("a", s("x"))), r.updatedOld());
    assertEquals(Map.of(), r.updatedNew());
  }

  @Test
  void applyUpdate_addNumber_addsOrStartsFromValue() {
    assertEquals(n("3"), apply("ADD c :two", item("c", n("1"))).newItem().get("c"));
    assertEquals(n("2"), apply("ADD c :two", item()).newItem().get("c"));
  }

  @Test
  void applyUpdate_addSet_unions() {
    assertEquals(ss("a", "b", "c"), apply("ADD s :ss", item("s", ss("a", "b"))).newItem().get("s"));
    assertEquals(ss("b", "c"), apply("ADD s :ss", item()).newItem().get("s"));
  }

  @Test
  void applyUpdate_addToOtherType_throwsIncorrectType() {
    assertValidation("An operand in the update expression has an incorrect data type",
        () -> apply("ADD s :ss", item("s", ns("1"))));
    assertValidation("An operand in the update expression has an incorrect data type",
        () -> apply("ADD c :two", item("c", s("1"))));
  }

  @Test
  void applyUpdate_deleteFromSet_removesMembersAndEmptySet() {
    assertEquals(ss("a"), apply("DELETE s :ss", item("s", ss("a", "b", "c"))).newItem().get("s"));
    assertEquals(item(), apply("DELETE s :ss", item("s", ss("b"))).newItem());
    assertEquals(item(), apply("DELETE s :ss", item()).newItem());
  }

  @Test
  void applyUpdate_deleteFromOtherType_throwsIncorrectType() {
    assertValidation("An operand in the update expression has an incorrect data type",
        () -> apply("DELETE s :ns", item("s", ss("a"))));
  }

  @Test
  void applyUpdate_updatedValues_onlyTouchedLeaves() {
    Map<String, AttributeValue> old = item("pk", s("k"), "m", m("a", n("1"), "b", n("2"), "c", n("3")),
        "l", l(m("x", n("1"), "y", n("2")), s("keep")), "other", s("o"));
    UpdateApplier.Result r = apply("SET m.a = :two, l[0].y = :one REMOVE m.c", old);
    assertEquals(item("m", m("a", n("1"), "c", n("3")), "l", l(m("y", n("2")))), r.updatedOld());
    assertEquals(item("m", m("a", n("2")), "l", l(m("y", n("1")))), r.updatedNew());
    assertEquals(item("pk", s("k"), "m", m("a", n("2"), "b", n("2")),
        "l", l(m("x", n("1"), "y", n("1")), s("keep")), "other", s("o")), r.newItem());
  }

  @Test
  void applyUpdate_nestedListIndexes_writeInPlace() {
    UpdateApplier.Result r = apply("SET l[0][1] = :v, l[1].k = :one",
        item("l", l(l(s("a"), s("b")), m("k", n("0"), "j", n("9")))));
    assertEquals(item("l", l(l(s("a"), s("x")), m("k", n("1"), "j", n("9")))), r.newItem());
    assertEquals(item("l", l(l(s("b")), m("k", n("0")))), r.updatedOld());
    assertEquals(item("l", l(l(s("x")), m("k", n("1")))), r.updatedNew());
  }

  @Test
  void applyUpdate_noOpUpdate_returnsEqualItem() {
    Map<String, AttributeValue> old = item("pk", s("k"), "a", s("x"));
    assertEquals(old, apply("SET a = :v", old).newItem());
  }
}
