package dev.cairn.core.expr;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Objects;

/**
 * A key condition decomposed for the storage layer: the partition key equality and an optional sort-key range.
 *
 * <p>Shapes: {@code partitionKeyValue} is the value compared with {@code =}; {@code sortKey} is {@code null}
 * when the query names no sort-key condition. Source: DynamoDB Developer Guide, "Key condition expressions for
 * the Query operation".
 */
public record KeyCondition(String partitionKeyName, AttributeValue partitionKeyValue, SortKeyCondition sortKey) {
  public KeyCondition {
    Objects.requireNonNull(partitionKeyName);
    Objects.requireNonNull(partitionKeyValue);
  }

  /** The sort-key operators a key condition allows. */
  public enum SortOperator {
    EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH
  }

  /**
   * A sort-key range: {@code values} holds one value, or two (lower, upper, inclusive) for BETWEEN. The
   * operator is already normalized to "key op value" (a written {@code :v < sk} becomes {@code GT}).
   */
  public record SortKeyCondition(String name, SortOperator operator, List<AttributeValue> values) {
    public SortKeyCondition {
      Objects.requireNonNull(name);
      Objects.requireNonNull(operator);
      values = List.copyOf(values);
      if (values.size() != (operator == SortOperator.BETWEEN ? 2 : 1)) {
        throw new IllegalArgumentException(operator + " takes " + (operator == SortOperator.BETWEEN ? 2 : 1)
            + " values");
      }
    }
  }

  /**
   * Checks the condition's values against the key attribute types of the table or index.
   *
   * @param sortKeyType the sort key's type, or {@code null} when the schema has none
   * @throws DynamoException "One or more parameter values were invalid: Condition parameter type does not match
   *     schema type" (the service's text, quoted in dynalite's query tests)
   */
  public void checkTypes(AttributeType partitionKeyType, AttributeType sortKeyType) {
    boolean ok = partitionKeyValue.type() == partitionKeyType;
    if (sortKey != null) {
      for (AttributeValue v : sortKey.values()) {
        ok &= v.type() == sortKeyType;
      }
    }
    if (!ok) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }
  }

  /**
   * Checks the shape of a bound KeyConditionExpression before the table is known: only AND of simple
   * comparisons, BETWEEN and begins_with on top-level attributes, one condition per attribute, and one to eight
   * conditions in all. Query validation calls this once the request's expressions are parsed; the key schema is
   * applied later by {@link #of(Condition, KeyAttributes)} or {@link CompositeKeyCondition#of}. Up to eight clauses
   * pass here, since a GSI with a multi-attribute key takes one per key attribute (four HASH and four RANGE); a
   * table or an index with a single-attribute key refuses more than two in {@link #of} (where the count is
   * checked once the schema is known: inferred, the service's order for this case is unrecorded).
   *
   * @param bound a condition from {@link ExpressionContext#condition} with {@link ExpressionKind#KEY_CONDITION}
   * @throws DynamoException "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR"
   *     and the other shape errors (see {@link ExpressionContext#keyCondition}), then "Conditions can be of length
   *     1 or 2 only" (dynalite, validations/query.js, recorded from the service)
   */
  public static void checkShape(Condition bound) {
    java.util.Map<String, KeyConditions.Leaf> leaves = new java.util.LinkedHashMap<>();
    KeyConditions.collectLeaves(bound, leaves);
    if (leaves.isEmpty() || leaves.size() > CompositeKeyCondition.MAX_CONDITIONS) {
      throw DynamoException.validation("Conditions can be of length 1 or 2 only");
    }
  }

  /**
   * Decomposes a bound KeyConditionExpression against the key schema of the table or index queried.
   *
   * @throws DynamoException the shape errors of {@link #checkShape}, then "Query condition missed key schema
   *     element: pk" or "Query key condition not supported"
   */
  public static KeyCondition of(Condition bound, KeyAttributes schema) {
    return KeyConditions.decompose(bound, schema);
  }

  /** The same key condition as a {@link Condition}, for evaluating it against an item. */
  public Condition asCondition() {
    Condition pk = new Condition.Compare(Comparator.EQ, new Operand.Path(DocumentPath.of(partitionKeyName)),
        new Operand.Value(partitionKeyValue));
    if (sortKey == null) {
      return pk;
    }
    return new Condition.And(pk, sortClause(sortKey));
  }

  /** One sort-key condition as a {@link Condition} on its attribute. */
  static Condition sortClause(SortKeyCondition sortKey) {
    Operand sk = new Operand.Path(DocumentPath.of(sortKey.name()));
    List<AttributeValue> v = sortKey.values();
    return switch (sortKey.operator()) {
      case EQ -> new Condition.Compare(Comparator.EQ, sk, new Operand.Value(v.get(0)));
      case LT -> new Condition.Compare(Comparator.LT, sk, new Operand.Value(v.get(0)));
      case LE -> new Condition.Compare(Comparator.LE, sk, new Operand.Value(v.get(0)));
      case GT -> new Condition.Compare(Comparator.GT, sk, new Operand.Value(v.get(0)));
      case GE -> new Condition.Compare(Comparator.GE, sk, new Operand.Value(v.get(0)));
      case BETWEEN -> new Condition.Between(sk, new Operand.Value(v.get(0)), new Operand.Value(v.get(1)));
      case BEGINS_WITH -> new Condition.Function(FunctionName.BEGINS_WITH, List.of(sk, new Operand.Value(v.get(0))));
    };
  }
}
