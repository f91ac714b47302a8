package dev.cairn.core.expr;

import static dev.cairn.core.expr.Av.assertValidation;
import static dev.cairn.core.expr.Av.bool;
import static dev.cairn.core.expr.Av.item;
import static dev.cairn.core.expr.Av.l;
import static dev.cairn.core.expr.Av.n;
import static dev.cairn.core.expr.Av.names;
import static dev.cairn.core.expr.Av.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing and binding of condition and filter expressions: shapes, precedence, and the service's error texts. */
class ConditionParsingTest {
  private static final Map<String, AttributeValue> VALUES = item(":v", s("x"), ":n", n("1"), ":m", n("5"));

  private static Condition cond(String text) {
    return ExpressionContext.of(null, VALUES).condition(ExpressionKind.CONDITION, text);
  }

  private static Condition cond(String text, Map<String, String> names, Map<String, AttributeValue> values) {
    return ExpressionContext.of(names, values).condition(ExpressionKind.CONDITION, text);
  }

  private static Operand.Path path(Object... steps) {
    return new Operand.Path(DocumentPath.of(steps));
  }

  @Test
  void parseCondition_comparison_bindsPathAndValue() {
    assertEquals(new Condition.Compare(Comparator.EQ, path("a"), new Operand.Value(s("x"))), cond("a = :v"));
  }

  @Test
  void parseCondition_nestedPath_keepsMembersAndIndexes() {
    Condition c = cond("a.b[2][10].c <> :v");
    assertEquals(new Condition.Compare(Comparator.NE, path("a", "b", 2, 10, "c"), new Operand.Value(s("x"))), c);
  }

  @Test
  void parseCondition_whitespaceInsidePath_isAllowed() {
    assertEquals(cond("a.b[1] = :v"), cond("a . b [ 1 ] = :v"));
  }

  @Test
  void parseCondition_nameSubstitution_resolvesPlaceholders() {
    Condition c = cond("#s.#n = :v", names("#s", "status", "#n", "x.y"), item(":v", s("x")));
    assertEquals(new Condition.Compare(Comparator.EQ, path("status", "x.y"), new Operand.Value(s("x"))), c);
  }

  @Test
  void parseCondition_precedence_andBindsTighterThanOr() {
    Condition c = cond("a = :v OR b = :v AND c = :v");
    Condition.Or or = assertInstanceOf(Condition.Or.class, c);
    assertInstanceOf(Condition.And.class, or.right());
  }

  @Test
  void parseCondition_precedence_notBindsTighterThanAnd() {
    Condition c = cond("NOT a = :v AND b = :v");
    Condition.And and = assertInstanceOf(Condition.And.class, c);
    assertInstanceOf(Condition.Not.class, and.left());
  }

  @Test
  void parseCondition_parentheses_overridePrecedence() {
    Condition c = cond("(a = :v OR b = :v) AND c = :v");
    Condition.And and = assertInstanceOf(Condition.And.class, c);
    assertInstanceOf(Condition.Or.class, and.left());
  }

  @Test
  void parseCondition_keywords_areCaseInsensitive() {
    assertInstanceOf(Condition.And.class, cond("a = :v and not b between :n aNd :m"));
  }

  @Test
  void parseCondition_betweenAndIn_parse() {
    assertEquals(new Condition.Between(path("a"), new Operand.Value(n("1")), new Operand.Value(n("5"))),
        cond("a BETWEEN :n AND :m"));
    Condition.In in = assertInstanceOf(Condition.In.class, cond("a IN (:v, :n, b)"));
    assertEquals(3, in.candidates().size());
  }

  @Test
  void parseCondition_functions_parse() {
    assertEquals(new Condition.Function(FunctionName.ATTRIBUTE_EXISTS, List.of(path("a"))),
        cond("attribute_exists(a)"));
    Condition.Compare c = assertInstanceOf(Condition.Compare.class, cond("size(a) > :n"));
    assertEquals(new Operand.Call(FunctionName.SIZE, List.of(path("a"))), c.left());
  }

  @Test
  void parseCondition_parenthesizedOperand_isAccepted() {
    assertEquals(cond("a = :v"), cond("(a) = (:v)"));
    assertInstanceOf(Condition.Compare.class, cond("(size(a)) > :n"));
  }

  @Test
  void parseCondition_parenthesizedFunction_isACondition() {
    assertInstanceOf(Condition.Function.class, cond("(attribute_exists(a))"));
  }

  @Test
  void parseCondition_emptyExpression_throwsValidation() {
    assertValidation("Invalid ConditionExpression: The expression can not be empty;", () -> cond(""));
    assertValidation("Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"  \"",
        () -> ExpressionContext.of(null, null).condition(ExpressionKind.FILTER, "  "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a = = :v|=|= = :v",
      "a =|<EOF>|=",
      "a = :v AND|<EOF>|AND",
      "a b|b|a b",
      "a = :v :n|:n|:v :n",
      "[object Object]|[|[object",
      "a ! :v|!|a ! :v",
      "a.1 = :v|1|.1 =",
      "a IN ()|)|()",
      "a BETWEEN :n OR :m|OR|:n OR :m",
      "size() = :n|)|() =",
      "attribute_exists(a) = |<EOF>|= ",
  })
  void parseCondition_syntaxError_reportsTokenAndNear(String text, String token, String near) {
    assertValidation("Invalid ConditionExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"",
        () -> cond(text));
  }

  @Test
  void parseCondition_reservedWord_throwsValidation() {
    assertValidation("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
        () -> cond("status = :v"));
    assertValidation("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Data",
        () -> cond("a.Data = :v"));
  }

  @Test
  void parseCondition_reservedWordViaPlaceholder_isAccepted() {
    cond("#s = :v", names("#s", "status"), item(":v", s("x")));
  }

  @Test
  void parseCondition_undefinedName_throwsValidation() {
    assertValidation("Invalid ConditionExpression: An expression attribute name used in the document path is not "
        + "defined; attribute name: #n", () -> cond("#n = :v"));
  }

  @Test
  void parseCondition_undefinedValue_throwsValidation() {
    assertValidation("Invalid ConditionExpression: An expression attribute value used in expression is not defined; "
        + "attribute value: :zz", () -> cond("a = :zz"));
  }

  @Test
  void parseCondition_sizeAsCondition_throwsMisused() {
    assertValidation("Invalid ConditionExpression: The function is not allowed to be used this way in an "
        + "expression; function: size", () -> cond("size(a)"));
  }

  @Test
  void parseCondition_functionAsOperand_throwsMisused() {
    assertValidation("Invalid ConditionExpression: The function is not allowed to be used this way in an "
        + "expression; function: attribute_exists", () -> cond("attribute_exists(a) = :v"));
    assertValidation("Invalid ConditionExpression: The function is not allowed to be used this way in an "
        + "expression; function: contains", () -> cond("begins_with(contains(a, :v), :v)"));
  }

  @Test
  void parseCondition_unknownFunction_throwsValidation() {
    assertValidation("Invalid ConditionExpression: Invalid function name; function: foo", () -> cond("foo(a)"));
    assertValidation("Invalid ConditionExpression: The function is not allowed in a condition expression; function: "
        + "if_not_exists",
        () -> cond("if_not_exists(a, :v) = :v"));
  }

  @Test
  void parseCondition_redundantParentheses_throwsValidation() {
    assertValidation("Invalid ConditionExpression: The expression has redundant parentheses;",
        () -> cond("((a = :v))"));
    assertValidation("Invalid ConditionExpression: The expression has redundant parentheses;",
        () -> cond("((a)) = :v"));
  }

  @Test
  void parseCondition_wrongOperandCount_throwsValidation() {
    assertValidation("Invalid ConditionExpression: Incorrect number of operands for operator or function; "
        + "operator or function: begins_with, number of operands: 1", () -> cond("begins_with(a)"));
    assertValidation("Invalid ConditionExpression: Incorrect number of operands for operator or function; "
        + "operator or function: size, number of operands: 2", () -> cond("size(a, b) = :n"));
  }

  @Test
  void parseCondition_sameOperandTwice_throwsDistinct() {
    assertValidation("Invalid ConditionExpression: The first operand must be distinct from the remaining operands "
        + "for this operator or function; operator: =, first operand: [a, b]", () -> cond("a.b = a.b"));
    assertValidation("Invalid ConditionExpression: The first operand must be distinct from the remaining operands "
        + "for this operator or function; operator: begins_with, first operand: [a]", () -> cond("begins_with(a, a)"));
  }

  @Test
  void parseCondition_attributeExistsOnValue_requiresPath() {
    assertValidation("Invalid ConditionExpression: Operator or function requires a document path; operator or "
        + "function: attribute_exists", () -> cond("attribute_exists(:v)"));
  }

  @Test
  void parseCondition_beginsWithNumber_throwsOperandType() {
    assertValidation("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
        + "function: begins_with, operand type: N", () -> cond("begins_with(a, :n)"));
  }

  @Test
  void parseCondition_sizeOfNumberValue_throwsOperandType() {
    assertValidation("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
        + "function: size, operand type: N", () -> cond("size(:n) = :n"));
  }

  @Test
  void parseCondition_attributeTypeInvalidName_throwsValidation() {
    assertValidation("Invalid ConditionExpression: Invalid attribute type name found; type: XX, valid types: "
        + "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}", () -> cond("attribute_type(a, :t)", null, item(":t", s("XX"))));
    assertValidation("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
        + "function: attribute_type, operand type: N", () -> cond("attribute_type(a, :n)"));
  }

  @Test
  void parseCondition_orderingWithBoolLiteral_throwsOperandType() {
    assertValidation("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
        + "function: <, operand type: BOOL", () -> cond("a < :b", null, item(":b", bool(true))));
    assertValidation("Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
        + "function: BETWEEN, operand type: L", () -> cond("a BETWEEN :l AND :l2", null, item(":l", l(), ":l2", l())));
  }

  @Test
  void parseCondition_equalityWithBoolLiteral_isAccepted() {
    cond("a = :b", null, item(":b", bool(true)));
  }

  @Test
  void parseCondition_betweenBoundsOfDifferentTypes_throwsValidation() {
    assertValidation("Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper "
        + "bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}",
        () -> cond("a BETWEEN :n AND :v"));
  }

  @Test
  void parseCondition_betweenBoundsReversed_throwsValidation() {
    assertValidation("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or "
        + "equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: "
        + "{N:1}", () -> cond("a BETWEEN :m AND :n"));
  }

  @Test
  void parseCondition_inWith101Operands_throwsValidation() {
    StringBuilder sb = new StringBuilder("a IN (");
    for (int i = 0; i < 101; i++) {
      sb.append(i == 0 ? "" : ",").append(":v");
    }
    assertValidation("Invalid ConditionExpression: The IN operator is provided with too many operands; number of "
        + "operands: 101", () -> cond(sb + ")"));
    cond(sb.toString().replaceFirst(":v,", "") + ")");
  }

  @Test
  void parseCondition_pathDeeperThan32_throwsValidation() {
    String ok = "a" + ".b".repeat(31);
    cond(ok + " = :v");
    assertValidation("Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33",
        () -> cond(ok + ".c = :v"));
  }

  @Test
  void parseCondition_over4096Bytes_throwsSizeWithSuffix() {
    String text = "a" + "z".repeat(4096) + " = :v";
    assertValidation("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; "
        + "expression size: " + text.length(), () -> cond(text));
  }

  @Test
  void parseFilter_over4096Bytes_sizeCountsUtf8Bytes() {
    String text = "a = :v" + " ".repeat(4080) + "\u00e9".repeat(10);
    assertEquals(4096, text.length());
    assertValidation("Invalid FilterExpression: Expression size has exceeded the maximum allowed size; "
        + "expression size: 4106",
        () -> ExpressionContext.of(null, VALUES).condition(ExpressionKind.FILTER, text));
  }

  @Test
  void parseCondition_errorOrder_syntaxBeforeReserved() {
    assertValidation("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= =\"",
        () -> cond("status = ="));
  }

  @Test
  void parseCondition_errorOrder_reservedBeforeUndefinedName() {
    assertValidation("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
        () -> cond("#a = :v AND status = :v"));
  }

  @Test
  void parseCondition_errorOrder_firstLeafDecides() {
    assertValidation("Invalid ConditionExpression: Incorrect number of operands for operator or function; operator "
        + "or function: begins_with, number of operands: 1", () -> cond("begins_with(a) AND b = :undefined"));
  }

  @Test
  void parseCondition_errorOrder_undefinedBeforeOperandCountInOneLeaf() {
    assertValidation("Invalid ConditionExpression: An expression attribute value used in expression is not defined; "
        + "attribute value: :zz", () -> cond("begins_with(:zz)"));
  }

  @Test
  void parseKeyCondition_error_usesKeyConditionPrefix() {
    assertValidation("Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
        () -> ExpressionContext.of(null, null).condition(ExpressionKind.KEY_CONDITION, "pk ="));
  }

  @Test
  void parseCondition_listIndexTooLarge_throwsRange() {
    assertValidation("Invalid ConditionExpression: List index is not within the allowable range; index: "
        + "[99999999999]", () -> cond("a[99999999999] = :v"));
  }

  @Test
  void parseCondition_sameOperandInBetweenOrIn_throwsDistinct() {
    assertValidation("Invalid ConditionExpression: The first operand must be distinct from the remaining operands "
        + "for this operator or function; operator: BETWEEN, first operand: [a]", () -> cond("a BETWEEN a AND :m"));
    assertValidation("Invalid ConditionExpression: The first operand must be distinct from the remaining operands "
        + "for this operator or function; operator: IN, first operand: [a]", () -> cond("a IN (:v, a)"));
  }

  @Test
  void parseCondition_attributeTypeOnValue_requiresPath() {
    assertValidation("Invalid ConditionExpression: Operator or function requires a document path; operator or "
        + "function: attribute_type", () -> cond("attribute_type(:v, :v)"));
  }

  @Test
  void parseCondition_binaryBetweenBounds_renderAsTheServiceDoes() {
    assertValidation("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or "
        + "equal to lower bound; lower bound operand: AttributeValue: {B:java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]}, "
        + "upper bound operand: AttributeValue: {B:java.nio.HeapByteBuffer[pos=0 lim=2 cap=2]}",
        () -> cond("a BETWEEN :hi AND :lo", null, item(":hi", Av.b(9), ":lo", Av.b(1, 2))));
  }

  @Test
  void parseCondition_clauseKeywordAsName_isSyntaxError() {
    assertValidation("Invalid ConditionExpression: Syntax error; token: \"set\", near: \"set =\"",
        () -> cond("set = :v"));
  }
}
