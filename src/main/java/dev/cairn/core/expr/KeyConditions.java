package dev.cairn.core.expr;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a bound key-condition expression into a {@link KeyCondition}.
 *
 * <p>First the shape checks, prefixed {@code Invalid KeyConditionExpression: } (texts from dynalite,
 * validations/index.js convertKeyCondition; the nested-attribute one confirmed by ExtendDB's dual-target tests),
 * then the key-schema checks, which the service reports without prefix ("Query condition missed key schema
 * element: sk", "Query key condition not supported").
 */
final class KeyConditions {
  private KeyConditions() {}

  /** One key attribute's condition, normalized to "key op values". */
  record Leaf(String name, KeyCondition.SortOperator op, List<AttributeValue> values) {}

  static KeyCondition decompose(Condition c, KeyAttributes schema) {
    Map<String, Leaf> leaves = new LinkedHashMap<>();
    collect(c, leaves);
    if (leaves.size() > 2) {
      throw DynamoException.validation("Conditions can be of length 1 or 2 only");
    }
    return fromLeaves(leaves, schema);
  }

  static KeyCondition fromLeaves(Map<String, Leaf> leaves, KeyAttributes schema) {
    String pk = schema.partitionKey();
    for (String name : leaves.keySet()) {
      if (!name.equals(pk) && !name.equals(schema.sortKey())) {
        if (!leaves.containsKey(pk)) {
          throw DynamoException.validation("Query condition missed key schema element: " + pk);
        }
        if (schema.hasSortKey()) {
          throw DynamoException.validation("Query condition missed key schema element: " + schema.sortKey());
        }
        throw DynamoException.validation("Query key condition not supported");
      }
    }
    Leaf p = leaves.get(pk);
    if (p == null) {
      throw DynamoException.validation("Query condition missed key schema element: " + pk);
    }
    if (p.op() != KeyCondition.SortOperator.EQ) {
      throw DynamoException.validation("Query key condition not supported");
    }
    Leaf s = schema.hasSortKey() ? leaves.get(schema.sortKey()) : null;
    return new KeyCondition(pk, p.values().get(0),
        s == null ? null : new KeyCondition.SortKeyCondition(s.name(), s.op(), s.values()));
  }

  /** Collects the leaves of a key condition, checking its shape only. */
  static void collectLeaves(Condition c, Map<String, Leaf> leaves) {
    collect(c, leaves);
  }

  private static void collect(Condition c, Map<String, Leaf> leaves) {
    if (c instanceof Condition.And a) {
      collect(a.left(), leaves);
      collect(a.right(), leaves);
      return;
    }
    if (c instanceof Condition.Or) {
      throw invalid("Invalid operator used in KeyConditionExpression: OR");
    }
    if (c instanceof Condition.Not) {
      throw invalid("Invalid operator used in KeyConditionExpression: NOT");
    }
    if (c instanceof Condition.In) {
      throw invalid("Invalid operator used in KeyConditionExpression: IN");
    }
    List<Operand> args;
    KeyCondition.SortOperator op;
    if (c instanceof Condition.Compare cmp) {
      if (cmp.op() == Comparator.NE) {
        throw invalid("Invalid operator used in KeyConditionExpression: <>");
      }
      args = List.of(cmp.left(), cmp.right());
      op = KeyCondition.SortOperator.valueOf(cmp.op().name());
    } else if (c instanceof Condition.Between b) {
      if (!(b.value() instanceof Operand.Path)) {
        throw invalid("Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute "
            + "as its first operand");
      }
      args = List.of(b.value(), b.lower(), b.upper());
      op = KeyCondition.SortOperator.BETWEEN;
    } else {
      Condition.Function f = (Condition.Function) c;
      if (f.fn() != FunctionName.BEGINS_WITH) {
        throw invalid("Invalid operator used in KeyConditionExpression: " + f.fn().text());
      }
      if (!(f.args().get(0) instanceof Operand.Path)) {
        throw invalid("Invalid condition in KeyConditionExpression: begins_with operator must have the key "
            + "attribute as its first operand");
      }
      args = f.args();
      op = KeyCondition.SortOperator.BEGINS_WITH;
    }
    String name = null;
    int nameIndex = 0;
    List<AttributeValue> values = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Operand a = args.get(i);
      if (a instanceof Operand.Path p) {
        if (name != null) {
          throw invalid("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        }
        if (!p.path().isTopLevel()) {
          throw invalid("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        name = p.path().topLevelName();
        nameIndex = i;
      } else if (a instanceof Operand.Call) {
        throw invalid("KeyConditionExpressions cannot contain nested operations");
      } else {
        values.add(((Operand.Value) a).value());
      }
    }
    if (name == null) {
      throw invalid("Invalid condition in KeyConditionExpression: No key attribute specified");
    }
    if (leaves.containsKey(name)) {
      throw invalid("KeyConditionExpressions must only contain one condition per key");
    }
    if (nameIndex != 0 && c instanceof Condition.Compare cmp) {
      op = KeyCondition.SortOperator.valueOf(cmp.op().flipped().name());
    }
    leaves.put(name, new Leaf(name, op, values));
  }

  private static DynamoException invalid(String detail) {
    return DynamoException.validation(ExpressionKind.KEY_CONDITION.invalid(detail));
  }
}
