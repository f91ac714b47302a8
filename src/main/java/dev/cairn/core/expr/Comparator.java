package dev.cairn.core.expr;

/**
 * The six comparators of condition expressions, with their symbols. Source: DynamoDB Developer Guide,
 * "Comparison operator and function reference".
 */
public enum Comparator {
  EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  /** The symbol as written in an expression, e.g. {@code <=}. */
  public String symbol() {
    return symbol;
  }

  /** Whether this comparator orders values (only S, N and B can be ordered). */
  public boolean isOrdering() {
    return this != EQ && this != NE;
  }

  /** The comparator with its operands swapped: {@code :v < k} is {@code k > :v}. */
  public Comparator flipped() {
    return switch (this) {
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
      default -> this;
    };
  }

  /** The comparator written as {@code symbol}, or {@code null}. */
  public static Comparator fromSymbol(String symbol) {
    for (Comparator c : values()) {
      if (c.symbol.equals(symbol)) {
        return c;
      }
    }
    return null;
  }
}
