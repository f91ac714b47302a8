package dev.cairn.core.expr;

import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Objects;

/**
 * A value-yielding part of an expression: a document path, a literal value, a {@code :value} placeholder not yet
 * substituted, a function call that yields a value ({@code size}, {@code if_not_exists}, {@code list_append}), or
 * {@code +}/{@code -} (update expressions only).
 *
 * <p>Parsed expressions may contain {@link ValueRef} and paths with placeholders; bound ones hold {@link Value}
 * instead. Source: DynamoDB Developer Guide, "Condition and filter expressions, operators, and functions" and
 * "Update expressions".
 */
public sealed interface Operand
    permits Operand.Path, Operand.Value, Operand.ValueRef, Operand.Call, Operand.Arithmetic {

  /** A document path, read from the item. */
  record Path(DocumentPath path) implements Operand {
    public Path {
      Objects.requireNonNull(path);
    }
  }

  /** A literal value (a substituted {@code :value}). */
  record Value(AttributeValue value) implements Operand {
    public Value {
      Objects.requireNonNull(value);
    }
  }

  /** An expression attribute value placeholder such as {@code :v}, resolved at binding time. */
  record ValueRef(String placeholder) implements Operand {
    public ValueRef {
      Objects.requireNonNull(placeholder);
    }
  }

  /**
   * A function call used as a value. After binding, {@code args} has exactly {@code fn.arity()} elements and
   * {@code fn} is {@code SIZE} in conditions, {@code IF_NOT_EXISTS} (first argument a path) or {@code LIST_APPEND}
   * in updates.
   */
  record Call(FunctionName fn, List<Operand> args) implements Operand {
    public Call {
      Objects.requireNonNull(fn);
      args = List.copyOf(args);
    }
  }

  /** {@code left + right} or {@code left - right} in a SET action; {@code operator} is "+" or "-". */
  record Arithmetic(String operator, Operand left, Operand right) implements Operand {
    public Arithmetic {
      if (!"+".equals(operator) && !"-".equals(operator)) {
        throw new IllegalArgumentException(operator);
      }
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
    }
  }
}
