package dev.cairn.core.expr;

import static dev.cairn.core.expr.Av.b;
import static dev.cairn.core.expr.Av.bool;
import static dev.cairn.core.expr.Av.bs;
import static dev.cairn.core.expr.Av.item;
import static dev.cairn.core.expr.Av.l;
import static dev.cairn.core.expr.Av.m;
import static dev.cairn.core.expr.Av.n;
import static dev.cairn.core.expr.Av.ns;
import static dev.cairn.core.expr.Av.nul;
import static dev.cairn.core.expr.Av.s;
import static dev.cairn.core.expr.Av.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.model.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluation of conditions against items, as the service evaluates them. */
class ConditionEvaluatorTest {
  private static final Map<String, AttributeValue> ITEM = item(
      "s", s("hello"),
      "n", n("10"),
      "bin", b(1, 2, 3),
      "t", bool(true),
      "z", nul(),
      "ss", ss("a", "b"),
      "ns", ns("1", "2"),
      "bs", bs(b(1), b(2)),
      "l", l(s("x"), n("2"), m("k", s("v"))),
      "m", m("a", m("b", n("7")), "c", l(n("1"))),
      "u", s("\uFFFF"),
      "e", s("\uD83D\uDE00"));

  private static final Map<String, AttributeValue> VALUES = item(
      ":hello", s("hello"), ":he", s("he"), ":ell", s("ell"), ":x", s("x"), ":a", s("a"), ":c", s("c"),
      ":n5", n("5"), ":n10", n("10"), ":n10b", n("10.000"), ":n20", n("20"), ":one", n("1"), ":two", n("2"),
      ":three", n("3"),
      ":b12", b(1, 2), ":b2", b(2), ":bin", b(1, 2, 3), ":t", bool(true), ":f", bool(false), ":null", nul(),
      ":S", s("S"), ":N", s("N"), ":M", s("M"), ":L", s("L"), ":NULL", s("NULL"), ":BOOL", s("BOOL"),
      ":SS", s("SS"), ":NS", s("NS"), ":BS", s("BS"), ":B", s("B"),
      ":kv", m("k", s("v")), ":ssv", ss("b", "a"));

  private static boolean eval(String text) {
    Map<String, AttributeValue> used = new java.util.LinkedHashMap<>();
    for (String k : VALUES.keySet()) {
      if (text.matches(".*" + java.util.regex.Pattern.quote(k) + "(?![A-Za-z0-9_]).*")) {
        used.put(k, VALUES.get(k));
      }
    }
    Condition c = ExpressionContext.of(null, used.isEmpty() ? null : used).condition(ExpressionKind.FILTER, text);
    return ConditionEvaluator.evaluate(c, ITEM);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "s = :hello|true",
      "s <> :hello|false",
      "n = :n10b|true",
      "n > :n5|true",
      "n >= :n10|true",
      "n < :n5|false",
      "n <= :n10|true",
      "s > :he|true",
      "bin > :b12|true",
      "bin < :b2|true",
      "u < e|true",
      "n = :hello|false",
      "n <> :hello|true",
      "n < :hello|false",
      "absent = :hello|false",
      "absent <> :hello|true",
      "absent < :hello|false",
      "m.a.b = :n5|false",
      "m.a.b > :n5|true",
      "m.c[0] = :one|true",
      "l[2].k = :x|false",
      "l[5] = :x|false",
      "s[0] = :x|false",
      "t = :t|true",
      "t <> :f|true",
      "z = :null|true",
      "ss = :ssv|true",
      "l[2] = :kv|true",
      "n BETWEEN :n5 AND :n20|true",
      "n BETWEEN :n10 AND :n10b|true",
      "n BETWEEN :n20 AND :n20|false",
      "s BETWEEN :a AND :c|false",
      "absent BETWEEN :n5 AND :n20|false",
      "n IN (:n5, :n10)|true",
      "n IN (:n5, :hello)|false",
      "absent IN (:n5)|false",
      "l[1] IN (:two)|true",
      "attribute_exists(m.a.b)|true",
      "attribute_exists(m.a.x)|false",
      "attribute_not_exists(absent)|true",
      "attribute_not_exists(l[0])|false",
      "attribute_exists(z)|true",
      "begins_with(s, :he)|true",
      "begins_with(s, :ell)|false",
      "begins_with(bin, :b12)|true",
      "begins_with(n, :he)|false",
      "begins_with(absent, :he)|false",
      "contains(s, :ell)|true",
      "contains(s, :x)|false",
      "contains(ss, :a)|true",
      "contains(ss, :x)|false",
      "contains(ns, :two)|true",
      "contains(ns, :three)|false",
      "contains(bs, :b2)|true",
      "contains(l, :x)|true",
      "contains(l, :two)|true",
      "contains(l, :kv)|true",
      "contains(n, :one)|false",
      "contains(absent, :x)|false",
      "size(s) = :n5|true",
      "size(bin) = :three|true",
      "size(ss) = :two|true",
      "size(l) = :three|true",
      "size(m) = :two|true",
      "size(n) = :two|false",
      "size(n) <> :two|true",
      "size(absent) < :one|false",
      "size(e) = :n5|false",
      "attribute_type(s, :S)|true",
      "attribute_type(n, :N)|true",
      "attribute_type(bin, :B)|true",
      "attribute_type(t, :BOOL)|true",
      "attribute_type(z, :NULL)|true",
      "attribute_type(ss, :SS)|true",
      "attribute_type(ns, :NS)|true",
      "attribute_type(bs, :BS)|true",
      "attribute_type(l, :L)|true",
      "attribute_type(m, :M)|true",
      "attribute_type(m, :L)|false",
      "attribute_type(absent, :S)|false",
      "NOT s = :hello|false",
      "s = :hello AND n = :n5|false",
      "s = :hello OR n = :n5|true",
      "NOT (s = :hello AND n = :n5)|true",
      "n = :n5 OR s = :hello AND n = :n10|true",
      "(n = :n5 OR s = :hello) AND n = :n5|false",
  })
  void evaluate_expression_matchesService(String text, boolean expected) {
    assertEquals(expected, eval(text));
  }

  @Test
  void evaluate_sizeOfString_countsUtf8Bytes() {
    Condition c = ExpressionContext.of(null, item(":four", n("4"))).condition(ExpressionKind.FILTER, "size(e) = :four");
    assertTrue(ConditionEvaluator.evaluate(c, ITEM));
  }

  @Test
  void evaluate_absentItem_treatsEveryPathAsMissing() {
    Condition c = ExpressionContext.of(null, null).condition(ExpressionKind.CONDITION, "attribute_not_exists(pk)");
    assertTrue(ConditionEvaluator.evaluate(c, null));
    Condition d = ExpressionContext.of(null, null).condition(ExpressionKind.CONDITION, "attribute_exists(pk)");
    assertFalse(ConditionEvaluator.evaluate(d, null));
  }

  @Test
  void evaluate_stringOrder_isCodePointOrderNotUtf16() {
    // U+FFFF sorts before U+1F600 by code point (and UTF-8), but after its surrogates in UTF-16.
    assertTrue(ExprValues.compareCodePoints("\uFFFF", "\uD83D\uDE00") < 0);
    assertTrue("\uFFFF".compareTo("\uD83D\uDE00") > 0);
  }

  @Test
  void evaluate_binaryOrder_isUnsigned() {
    Condition c = ExpressionContext.of(null, item(":lo", b(0x01))).condition(ExpressionKind.FILTER, "x > :lo");
    assertTrue(ConditionEvaluator.evaluate(c, item("x", b(0xFF))));
  }
}
