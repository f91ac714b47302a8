package dev.cairn.core.expr;

/**
 * The functions of the expression language, with their arity.
 *
 * <p>Condition expressions know the first six; update expressions only {@code if_not_exists} and
 * {@code list_append}. {@code size} is the only condition function that yields a value (an operand); the others
 * are conditions. Source: DynamoDB Developer Guide, "Condition and filter expressions, operators, and functions"
 * and "Update expressions".
 */
public enum FunctionName {
  ATTRIBUTE_EXISTS("attribute_exists", 1),
  ATTRIBUTE_NOT_EXISTS("attribute_not_exists", 1),
  ATTRIBUTE_TYPE("attribute_type", 2),
  BEGINS_WITH("begins_with", 2),
  CONTAINS("contains", 2),
  SIZE("size", 1),
  IF_NOT_EXISTS("if_not_exists", 2),
  LIST_APPEND("list_append", 2);

  private final String text;
  private final int arity;

  FunctionName(String text, int arity) {
    this.text = text;
    this.arity = arity;
  }

  /** The name as written (function names are case-sensitive). */
  public String text() {
    return text;
  }

  /** The number of operands the function takes. */
  public int arity() {
    return arity;
  }

  /** Whether the function may appear in condition, filter and key-condition expressions. */
  public boolean isConditionFunction() {
    return ordinal() <= SIZE.ordinal();
  }

  /** The function named exactly {@code text}, or {@code null}. */
  public static FunctionName fromText(String text) {
    for (FunctionName f : values()) {
      if (f.text.equals(text)) {
        return f;
      }
    }
    return null;
  }
}
