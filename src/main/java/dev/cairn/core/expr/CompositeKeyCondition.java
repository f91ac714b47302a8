package dev.cairn.core.expr;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A key condition on a global secondary index with a multi-attribute key (up to four HASH and four RANGE
 * attributes), decomposed for the storage layer: an equality for every HASH attribute, equalities on a prefix of
 * the RANGE attributes (left to right, no gap), and optionally one more condition on the next RANGE attribute,
 * which may be any sort-key operator ({@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, BETWEEN,
 * begins_with). The clauses may be written in any order.
 *
 * <p>Shapes: {@code partition} holds the HASH attributes in key-schema order; {@code sortPrefix} the RANGE
 * attributes compared with {@code =} before {@code last}, in key-schema order; {@code last} is {@code null} when
 * the query conditions no further RANGE attribute (its operator may also be EQ). Sources: Developer Guide,
 * "Multi-attribute keys pattern" and "Using Global Secondary Indexes" (multi-attribute key schema: "For sort key
 * attributes, you can query them left-to-right in the order they're defined in the key schema ... but you cannot
 * skip attributes in the middle. Inequality conditions ... must be the last condition"); the gap / inequality error
 * text as the service returns it, recorded by a test suite run against the service (October 2026).
 *
 * @param partition  the HASH attributes' values
 * @param sortPrefix the RANGE attributes compared for equality, a prefix of the RANGE attributes
 * @param last       the condition on the RANGE attribute after the prefix, or {@code null}
 */
public record CompositeKeyCondition(List<Equality> partition, List<Equality> sortPrefix,
    KeyCondition.SortKeyCondition last) {
  /** The most clauses a key condition can have: four HASH and four RANGE attributes. */
  public static final int MAX_CONDITIONS = 8;

  /** One key attribute compared with {@code =}. */
  public record Equality(String name, AttributeValue value) {
    public Equality {
      Objects.requireNonNull(name);
      Objects.requireNonNull(value);
    }
  }

  public CompositeKeyCondition {
    partition = List.copyOf(partition);
    sortPrefix = List.copyOf(sortPrefix);
  }

  /**
   * Decomposes a bound KeyConditionExpression against a multi-attribute key schema.
   *
   * @param bound the parsed key condition (its shape already checked by {@link KeyCondition#checkShape})
   * @param hash  the HASH attribute names in key-schema order
   * @param range the RANGE attribute names in key-schema order (may be empty)
   * @throws DynamoException in this order: "Query key condition not supported" (a HASH attribute compared with
   *     anything but {@code =}); "Query condition missed key schema element: h" (the first HASH attribute without a
   *     condition); "Query key condition not supported" (a clause on a non-key attribute; order inferred);
   *     "RANGE key attributes a must have equality conditions specified in the query because a condition is
   *     present on key attribute b" (a gap, or a non-equality before a later RANGE attribute)
   */
  public static CompositeKeyCondition of(Condition bound, List<String> hash, List<String> range) {
    Map<String, KeyConditions.Leaf> leaves = new LinkedHashMap<>();
    KeyConditions.collectLeaves(bound, leaves);
    return fromLeaves(leaves, hash, range);
  }

  /** {@link #of} on already collected clauses (also the legacy KeyConditions' translation). */
  static CompositeKeyCondition fromLeaves(Map<String, KeyConditions.Leaf> leaves, List<String> hash,
      List<String> range) {
    for (KeyConditions.Leaf leaf : leaves.values()) {
      if (hash.contains(leaf.name()) && leaf.op() != KeyCondition.SortOperator.EQ) {
        throw DynamoException.validation("Query key condition not supported");
      }
    }
    List<Equality> partition = new ArrayList<>(hash.size());
    for (String h : hash) {
      KeyConditions.Leaf leaf = leaves.get(h);
      if (leaf == null) {
        throw DynamoException.validation("Query condition missed key schema element: " + h);
      }
      partition.add(new Equality(h, leaf.values().get(0)));
    }
    for (String name : leaves.keySet()) {
      if (!hash.contains(name) && !range.contains(name)) {
        throw DynamoException.validation("Query key condition not supported");
      }
    }
    // For each conditioned RANGE attribute, left to right, every earlier one needs an equality; the first
    // violation is reported (the order DynamoDB Local 3.3.1 and the service's recorded answers agree on).
    for (int later = 1; later < range.size(); later++) {
      if (!leaves.containsKey(range.get(later))) {
        continue;
      }
      for (int prior = 0; prior < later; prior++) {
        KeyConditions.Leaf p = leaves.get(range.get(prior));
        if (p == null || p.op() != KeyCondition.SortOperator.EQ) {
          throw DynamoException.validation("RANGE key attributes " + range.get(prior) + " must have equality "
              + "conditions specified in the query because a condition is present on key attribute "
              + range.get(later));
        }
      }
    }
    int used = 0;
    while (used < range.size() && leaves.containsKey(range.get(used))) {
      used++;
    }
    List<Equality> prefix = new ArrayList<>();
    KeyCondition.SortKeyCondition last = null;
    for (int i = 0; i < used; i++) {
      KeyConditions.Leaf leaf = leaves.get(range.get(i));
      if (i < used - 1) {
        prefix.add(new Equality(leaf.name(), leaf.values().get(0)));
      } else {
        last = new KeyCondition.SortKeyCondition(leaf.name(), leaf.op(), leaf.values());
      }
    }
    return new CompositeKeyCondition(partition, prefix, last);
  }

  /**
   * Checks every value against its key attribute's defined type.
   *
   * @param typeOf the defined type of a key attribute
   * @throws DynamoException "One or more parameter values were invalid: Condition parameter type does not match
   *     schema type"
   */
  public void checkTypes(Function<String, AttributeType> typeOf) {
    boolean ok = true;
    for (Equality e : partition) {
      ok &= e.value().type() == typeOf.apply(e.name());
    }
    for (Equality e : sortPrefix) {
      ok &= e.value().type() == typeOf.apply(e.name());
    }
    if (last != null) {
      for (AttributeValue v : last.values()) {
        ok &= v.type() == typeOf.apply(last.name());
      }
    }
    if (!ok) {
      throw DynamoException.validation(
          "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }
  }

  /** Whether the query conditions any RANGE attribute. */
  public boolean hasSortCondition() {
    return last != null;
  }

  /** The RANGE-attribute clauses as a {@link Condition} (for checking an ExclusiveStartKey), or {@code null}. */
  public Condition sortCondition() {
    if (last == null) {
      return null;
    }
    Condition sortOnly = KeyCondition.sortClause(last);
    for (Equality e : sortPrefix) {
      sortOnly = new Condition.And(equality(e), sortOnly);
    }
    return sortOnly;
  }

  /** The HASH-attribute clauses as a {@link Condition}. */
  public Condition partitionCondition() {
    Condition c = equality(partition.get(0));
    for (int i = 1; i < partition.size(); i++) {
      c = new Condition.And(c, equality(partition.get(i)));
    }
    return c;
  }

  private static Condition equality(Equality e) {
    return new Condition.Compare(Comparator.EQ, new Operand.Path(DocumentPath.of(e.name())),
        new Operand.Value(e.value()));
  }
}
