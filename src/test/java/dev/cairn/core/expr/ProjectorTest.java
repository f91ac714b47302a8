package dev.cairn.core.expr;

import static dev.cairn.core.expr.Av.assertValidation;
import static dev.cairn.core.expr.Av.item;
import static dev.cairn.core.expr.Av.l;
import static dev.cairn.core.expr.Av.m;
import static dev.cairn.core.expr.Av.n;
import static dev.cairn.core.expr.Av.names;
import static dev.cairn.core.expr.Av.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Projection expressions: parsing, errors, and the result shape. */
class ProjectorTest {
  private static final Map<String, AttributeValue> ITEM = item(
      "pk", s("k"),
      "a", m("b", s("bv"), "c", s("cv"), "d", m("e", n("1"), "f", n("2"))),
      "l", l(s("l0"), m("x", n("1"), "y", n("2")), s("l2"), s("l3")),
      "x", s("xv"));

  private static Map<String, AttributeValue> project(String text) {
    return Projector.project(ExpressionContext.of(null, null).projection(text), ITEM);
  }

  @Test
  void project_topLevel_keepsWholeValues() {
    assertEquals(item("pk", s("k"), "x", s("xv")), project("x, pk"));
  }

  @Test
  void project_nestedMembers_keepOnlyProjected() {
    assertEquals(item("a", m("b", s("bv"), "d", m("f", n("2")))), project("a.d.f, a.b"));
  }

  @Test
  void project_listElements_compactInOriginalOrder() {
    assertEquals(item("l", l(s("l0"), s("l3"))), project("l[3], l[0]"));
    assertEquals(item("l", l(m("y", n("2")), s("l2"))), project("l[1].y, l[2]"));
  }

  @Test
  void project_missingPaths_areSkipped() {
    assertEquals(item(), project("nope, a.zz, l[9], x.y"));
    assertEquals(item("a", m("b", s("bv"))), project("a.b, a.zz"));
  }

  @Test
  void project_absentItem_isEmpty() {
    assertEquals(Map.of(), Projector.project(new ProjectionExpression(List.of(DocumentPath.of("a"))), null));
  }

  @Test
  void parseProjection_placeholders_resolve() {
    ProjectionExpression p = ExpressionContext.of(names("#s", "status"), null).projection("#s.a, x");
    assertEquals(List.of(DocumentPath.of("status", "a"), DocumentPath.of("x")), p.paths());
  }

  @Test
  void parseProjection_overlap_throwsValidation() {
    assertValidation("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or "
        + "rewrite one of these paths; path one: [a], path two: [a, b]", () -> project("a, a.b"));
    assertValidation("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or "
        + "rewrite one of these paths; path one: [a, b], path two: [a]", () -> project("x, a.b, a"));
    assertValidation("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or "
        + "rewrite one of these paths; path one: [l, [0]], path two: [l]", () -> project("l[0], l"));
    assertValidation("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or "
        + "rewrite one of these paths; path one: [a], path two: [a]", () -> project("a, a"));
  }

  @Test
  void parseProjection_conflict_throwsValidation() {
    assertValidation("Invalid ProjectionExpression: Two document paths conflict with each other; must remove or "
        + "rewrite one of these paths; path one: [a, [0]], path two: [a, b]", () -> project("a[0], a.b"));
  }

  @Test
  void parseProjection_errors_useProjectionPrefix() {
    assertValidation("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"", () -> project("a,"));
    assertValidation("Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\"", () -> project("a b"));
    assertValidation("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name",
        () -> project("a, name"));
    assertValidation("Invalid ProjectionExpression: An expression attribute name used in the document path is not "
        + "defined; attribute name: #u", () -> project("a.#u"));
    assertValidation("Invalid ProjectionExpression: The expression can not be empty;", () -> project(""));
    assertValidation("Invalid ProjectionExpression: The document path has too many nesting levels; nesting "
        + "levels: 33", () -> project("a" + ".b".repeat(32)));
    assertValidation("Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size;",
        () -> project("a" + "z".repeat(4096)));
  }

  @Test
  void parseProjection_exactly4096Bytes_isAccepted() {
    assertEquals(item(), project("a" + "z".repeat(4095)));
  }

  @Test
  void parseProjection_keywordAsName_isSyntaxError() {
    assertValidation("Invalid ProjectionExpression: Syntax error; token: \"and\", near: \", and\"",
        () -> project("a, and"));
  }

  @Test
  void project_listOfLists_keepsNestedSelections() {
    Map<String, AttributeValue> it = item("g", l(l(n("1"), n("2"), n("3")), l(n("4"))));
    ProjectionExpression p = ExpressionContext.of(null, null).projection("g[0][2], g[0][0], g[1][5]");
    assertEquals(item("g", l(l(n("1"), n("3")))), Projector.project(p, it));
  }
}
