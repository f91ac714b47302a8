package dev.cairn.core.expr;

import static dev.cairn.core.expr.Av.assertValidation;
import static dev.cairn.core.expr.Av.item;
import static dev.cairn.core.expr.Av.l;
import static dev.cairn.core.expr.Av.n;
import static dev.cairn.core.expr.Av.names;
import static dev.cairn.core.expr.Av.s;
import static dev.cairn.core.expr.Av.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing and binding of update expressions. */
class UpdateParsingTest {
  private static final Map<String, AttributeValue> VALUES =
      item(":v", s("x"), ":n", n("1"), ":l", l(n("1")), ":ss", ss("a"));

  private static UpdateExpression upd(String text) {
    return ExpressionContext.of(null, VALUES).update(text);
  }

  private static UpdateExpression upd(String text, Map<String, String> names, Map<String, AttributeValue> values) {
    return ExpressionContext.of(names, values).update(text);
  }

  @Test
  void parseUpdate_allClauses_parse() {
    UpdateExpression u = upd("SET a = :v, b.c[1] = :n REMOVE d, e[0] ADD f :n DELETE g :ss");
    assertEquals(2, u.set().size());
    assertEquals(List.of(DocumentPath.of("d"), DocumentPath.of("e", 0)), u.remove());
    assertEquals(new UpdateExpression.AddAction(DocumentPath.of("f"), new Operand.Value(n("1"))), u.add().get(0));
    assertEquals(new UpdateExpression.DeleteAction(DocumentPath.of("g"), new Operand.Value(ss("a"))),
        u.delete().get(0));
  }

  @Test
  void parseUpdate_clauseKeywords_areCaseInsensitive() {
    UpdateExpression u = upd("set a = :v remove b");
    assertEquals(1, u.set().size());
    assertEquals(1, u.remove().size());
  }

  @Test
  void parseUpdate_arithmeticAndFunctions_parse() {
    UpdateExpression u = upd("SET a = b + :n, c = if_not_exists(c, :n) - :n, d = list_append(d, :l)");
    Operand.Arithmetic plus = assertInstanceOf(Operand.Arithmetic.class, u.set().get(0).value());
    assertEquals("+", plus.operator());
    Operand.Arithmetic minus = assertInstanceOf(Operand.Arithmetic.class, u.set().get(1).value());
    assertInstanceOf(Operand.Call.class, minus.left());
    Operand.Call append = assertInstanceOf(Operand.Call.class, u.set().get(2).value());
    assertEquals(FunctionName.LIST_APPEND, append.fn());
  }

  @Test
  void parseUpdate_parenthesizedOperands_areAccepted() {
    assertEquals(upd("SET a = b + :n"), upd("SET a = (b) + (:n)"));
  }

  @Test
  void parseUpdate_parenthesizedWholeValue_isAccepted() {
    // The service accepts "SET c = (c - :v)" (conformance suite, captured against DynamoDB).
    assertEquals(upd("SET a = b + :n, c = d"), upd("SET a = (b + :n), c = (d)"));
    assertEquals(upd("SET a = b - :n"), upd("SET a = ((b) - (:n))"));
  }

  @Test
  void parseUpdate_parenthesizedWholeValueTwice_isRedundant() {
    assertValidation("Invalid UpdateExpression: The expression has redundant parentheses;",
        () -> upd("SET a = ((b + :n))"));
  }

  @Test
  void parseUpdate_chainedArithmetic_isSyntaxError() {
    assertValidation("Invalid UpdateExpression: Syntax error; token: \"+\", near: \"b + :n\"",
        () -> upd("SET a = (b + :n) + :m"));
  }

  @Test
  void parseUpdate_doubleParentheses_areRedundant() {
    assertValidation("Invalid UpdateExpression: The expression has redundant parentheses;",
        () -> upd("SET a = ((b)) + :n"));
  }

  @Test
  void parseUpdate_targetTopLevelNames_listsWrittenAttributes() {
    assertEquals(java.util.Set.of("a", "d"), upd("SET a.b = :v REMOVE d").targetTopLevelNames());
  }

  @Test
  void parseUpdate_empty_throwsValidation() {
    assertValidation("Invalid UpdateExpression: The expression can not be empty;", () -> upd(""));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SET a = |<EOF>|= ",
      "SET|<EOF>|SET",
      "a = :v|a|a =",
      "SET a = :v,|<EOF>|,",
      "SET a = :v + |<EOF>|+ ",
      "SET a = :v / :n|/|:v / :n",
      "ADD a b|b|a b",
      "REMOVE a = :v|=|a = :v",
      "SET a = :v REMOVE|<EOF>|REMOVE",
      "SET set = :v|set|SET set =",
  })
  void parseUpdate_syntaxError_reportsTokenAndNear(String text, String token, String near) {
    assertValidation("Invalid UpdateExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"",
        () -> upd(text));
  }

  @Test
  void parseUpdate_duplicateClause_throwsValidation() {
    assertValidation("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
        () -> upd("SET a = :v SET b = :v"));
    assertValidation("Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update "
        + "expression;", () -> upd("REMOVE a SET b = :v REMOVE c"));
  }

  @Test
  void parseUpdate_duplicatePath_throwsValidation() {
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [a], path two: [a]", () -> upd("SET a = :v REMOVE a"));
  }

  @Test
  void parseUpdate_overlappingPaths_throwsValidation() {
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [a], path two: [a, b]", () -> upd("SET a = :v, a.b = :v"));
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [l, [0], x], path two: [l, [0]]", () -> upd("REMOVE l[0].x, l[0]"));
  }

  @Test
  void parseUpdate_overlapViaPlaceholder_reportsResolvedNames() {
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [status], path two: [status, x]",
        () -> upd("SET #s = :v REMOVE #s.x", names("#s", "status"), item(":v", s("x"))));
  }

  @Test
  void parseUpdate_conflictingPaths_throwsValidation() {
    assertValidation("Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite "
        + "one of these paths; path one: [a, [1]], path two: [a, b]", () -> upd("SET a[1] = :v, a.b = :v"));
  }

  @Test
  void parseUpdate_siblingPaths_areAccepted() {
    upd("SET a.b = :v, a.c = :v, l[0] = :v, l[1] = :v");
  }

  @Test
  void parseUpdate_addString_throwsOperandType() {
    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
        + "operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND", () -> upd("ADD a :v"));
  }

  @Test
  void parseUpdate_deleteNumber_throwsOperandType() {
    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, "
        + "operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND", () -> upd("DELETE a :n"));
    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
        + "operand type: LIST, typeSet: ALLOWED_FOR_ADD_OPERAND", () -> upd("ADD a :l"));
  }

  @Test
  void parseUpdate_plusOnString_throwsOperandType() {
    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or "
        + "function: +, operand type: S", () -> upd("SET a = b + :v"));
  }

  @Test
  void parseUpdate_listAppendOnString_throwsOperandType() {
    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or "
        + "function: list_append, operand type: S", () -> upd("SET a = list_append(a, :v)"));
  }

  @Test
  void parseUpdate_ifNotExistsOnValue_requiresPath() {
    assertValidation("Invalid UpdateExpression: Operator or function requires a document path; operator or "
        + "function: if_not_exists", () -> upd("SET a = if_not_exists(:v, :v)"));
  }

  @Test
  void parseUpdate_functionArity_throwsValidation() {
    assertValidation("Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or "
        + "function: list_append, number of operands: 1", () -> upd("SET a = list_append(:l)"));
  }

  @Test
  void parseUpdate_conditionFunction_isUnknown() {
    assertValidation("Invalid UpdateExpression: The function is not allowed in an update expression; function: size",
        () -> upd("SET a = size(b)"));
    assertValidation("Invalid UpdateExpression: Invalid function name; function: foo", () -> upd("SET a = foo(b)"));
  }

  @Test
  void parseUpdate_reservedWord_throwsValidation() {
    assertValidation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name",
        () -> upd("SET name = :v"));
  }

  @Test
  void parseUpdate_errorOrder_reservedBeforeDuplicateClause() {
    assertValidation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name",
        () -> upd("SET a = :v SET name = :v"));
  }

  @Test
  void parseUpdate_errorOrder_undefinedNameBeforeUndefinedValue() {
    assertValidation("Invalid UpdateExpression: An expression attribute name used in the document path is not "
        + "defined; attribute name: #b", () -> upd("SET a = :zz, #b = :v"));
  }

  @Test
  void parseUpdate_errorOrder_overlapBeforeOperandType() {
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [a], path two: [a]", () -> upd("ADD a :v SET a = :v"));
  }

  @Test
  void parseUpdate_pathDeeperThan32_throwsValidation() {
    assertValidation("Invalid UpdateExpression: The document path has too many nesting levels; nesting levels: 33",
        () -> upd("REMOVE a" + ".b".repeat(32)));
  }

  @Test
  void parseUpdate_over4096Bytes_throwsSizeWithoutSuffix() {
    assertValidation("Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;",
        () -> upd("SET a" + "z".repeat(4096) + " = :v"));
  }

  @Test
  void parseUpdate_errorOrder_overlapBeforeUndefinedValue() {
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [a], path two: [a]", () -> upd("SET a = :zz, a = :v"));
  }

  @Test
  void parseUpdate_errorOrder_valuesCheckedFromTheLastAction() {
    assertValidation("Invalid UpdateExpression: An expression attribute value used in expression is not defined; "
        + "attribute value: :y", () -> upd("SET a = :x, b = :y"));
  }

  @Test
  void parseUpdate_errorOrder_namesInValuesBeforeValues() {
    assertValidation("Invalid UpdateExpression: An expression attribute name used in the document path is not "
        + "defined; attribute name: #q", () -> upd("SET a = #q, b = :y"));
  }

  @Test
  void parseUpdate_errorOrder_functionArityBeforeItsOperands() {
    assertValidation("Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or "
        + "function: list_append, number of operands: 1", () -> upd("SET a = list_append(:zz)"));
  }
}
