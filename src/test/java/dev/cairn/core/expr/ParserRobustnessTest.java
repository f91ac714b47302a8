package dev.cairn.core.expr;

import static dev.cairn.core.expr.Av.item;
import static dev.cairn.core.expr.Av.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hostile or unusual input: the parser answers quickly with a ValidationException, never crashes. */
class ParserRobustnessTest {
  private static Condition cond(String text) {
    return ExpressionContext.of(null, item(":v", s("x"))).condition(ExpressionKind.CONDITION, text);
  }

  private static void assertValidationError(Runnable r) {
    DynamoException e = assertThrows(DynamoException.class, r::run);
    assertEquals(ErrorCode.VALIDATION, e.code());
  }

  @Test
  void parseCondition_2000OpenParentheses_failsFast() {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertValidationError(() -> cond("(".repeat(2000))));
  }

  @Test
  void parseCondition_deeplyNestedGroups_failsFastAsRedundant() {
    String text = "(".repeat(1000) + "a = :v" + ")".repeat(1000);
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertValidationError(() -> cond(text)));
  }

  @Test
  void parseCondition_manyNots_parse() {
    Condition c = cond("NOT ".repeat(500) + "a = :v");
    assertInstanceOf(Condition.Not.class, c);
  }

  @Test
  void parseCondition_longOrChain_parses() {
    StringBuilder sb = new StringBuilder("a = :v");
    for (int i = 0; i < 300; i++) {
      sb.append(" OR a").append(i).append(" = :v");
    }
    assertInstanceOf(Condition.Or.class, cond(sb.toString()));
  }

  @Test
  void parseCondition_unbalancedParentheses_isSyntaxError() {
    Av.assertValidation("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":v\"",
        () -> cond("(a = :v"));
    Av.assertValidation("Invalid ConditionExpression: Syntax error; token: \")\", near: \":v)\"",
        () -> cond("a = :v)"));
  }

  @Test
  void parseCondition_controlAndNonAsciiCharacters_areSyntaxErrors() {
    Av.assertValidation("Invalid ConditionExpression: Syntax error; token: \"\u00e9\", near: \"a\u00e9 =\"",
        () -> cond("a\u00e9 = :v"));
    Av.assertValidation("Invalid ConditionExpression: Syntax error; token: \"#\", near: \"# =\"",
        () -> cond("# = :v"));
  }

  @Test
  void parseCondition_hugeListIndex_isSyntaxError() {
    assertValidationError(() -> cond("a[99999999999] = :v"));
  }

  @Test
  void parseUpdate_deepParentheses_failFast() {
    String text = "SET a = " + "(".repeat(1500) + ":v" + ")".repeat(1500);
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertValidationError(() ->
        ExpressionContext.of(null, item(":v", s("x"))).update(text)));
  }

  @Test
  void parseCondition_nameStartingWithUnderscore_isSyntaxError() {
    Av.assertValidation("Invalid ConditionExpression: Syntax error; token: \"_\", near: \"_a\"", () -> cond("_a = :v"));
    cond("a_1 = :v");
  }

  @Test
  void parseCondition_listIndexWithLeadingZero_isSyntaxError() {
    Av.assertValidation("Invalid ConditionExpression: Syntax error; token: \"1\", near: \"01]\"",
        () -> cond("a[01] = :v"));
    cond("a[0] = :v");
  }

  @Test
  void parseCondition_redundantParentheses_reportedBeforeLaterSyntaxError() {
    Av.assertValidation("Invalid ConditionExpression: The expression has redundant parentheses;",
        () -> cond("((a = :v)) AND"));
  }
}
