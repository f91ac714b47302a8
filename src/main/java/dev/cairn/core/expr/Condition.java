package dev.cairn.core.expr;

import java.util.List;
import java.util.Objects;

/**
 * A condition (ConditionExpression, FilterExpression, KeyConditionExpression, or a translated legacy parameter):
 * a tree of comparisons, BETWEEN, IN, condition functions, and AND/OR/NOT.
 *
 * <p>Evaluate a bound condition with {@link ConditionEvaluator#evaluate}. Precedence when parsing, highest first:
 * comparators, BETWEEN and IN; NOT; AND; OR. Source: DynamoDB Developer Guide, "Condition and filter expressions,
 * operators, and functions" (Operator precedence).
 */
public sealed interface Condition
    permits Condition.Compare, Condition.Between, Condition.In, Condition.And, Condition.Or, Condition.Not,
        Condition.Function {

  /** {@code left op right}. */
  record Compare(Comparator op, Operand left, Operand right) implements Condition {
    public Compare {
      Objects.requireNonNull(op);
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
    }
  }

  /** {@code value BETWEEN lower AND upper}, both bounds inclusive. */
  record Between(Operand value, Operand lower, Operand upper) implements Condition {
    public Between {
      Objects.requireNonNull(value);
      Objects.requireNonNull(lower);
      Objects.requireNonNull(upper);
    }
  }

  /** {@code value IN (c1, c2, ...)}, 1 to 100 candidates. */
  record In(Operand value, List<Operand> candidates) implements Condition {
    public In {
      Objects.requireNonNull(value);
      candidates = List.copyOf(candidates);
    }
  }

  /** Both hold. */
  record And(Condition left, Condition right) implements Condition {
    public And {
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
    }
  }

  /** Either holds. */
  record Or(Condition left, Condition right) implements Condition {
    public Or {
      Objects.requireNonNull(left);
      Objects.requireNonNull(right);
    }
  }

  /** The operand does not hold. */
  record Not(Condition operand) implements Condition {
    public Not {
      Objects.requireNonNull(operand);
    }
  }

  /**
   * A condition function: {@code attribute_exists}, {@code attribute_not_exists}, {@code attribute_type},
   * {@code begins_with} or {@code contains}. After binding, {@code args} has exactly {@code fn.arity()} elements.
   */
  record Function(FunctionName fn, List<Operand> args) implements Condition {
    public Function {
      Objects.requireNonNull(fn);
      args = List.copyOf(args);
    }
  }
}
