package dev.cairn.core.expr;

/**
 * Which request parameter an expression came from; it names the parameter in error texts
 * ({@code Invalid ConditionExpression: ...}) and chooses the grammar.
 */
public enum ExpressionKind {
  CONDITION("ConditionExpression"),
  FILTER("FilterExpression"),
  KEY_CONDITION("KeyConditionExpression"),
  UPDATE("UpdateExpression"),
  PROJECTION("ProjectionExpression");

  private final String parameterName;

  ExpressionKind(String parameterName) {
    this.parameterName = parameterName;
  }

  /** The request parameter name, e.g. {@code ConditionExpression}. */
  public String parameterName() {
    return parameterName;
  }

  /** Whether the condition grammar applies (condition, filter, key condition). */
  public boolean isConditionGrammar() {
    return this == CONDITION || this == FILTER || this == KEY_CONDITION;
  }

  /** A ValidationException text prefixed as DynamoDB prefixes expression errors: {@code Invalid X: detail}. */
  String invalid(String detail) {
    return "Invalid " + parameterName + ": " + detail;
  }
}
