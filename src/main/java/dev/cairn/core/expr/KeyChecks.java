package dev.cairn.core.expr;

import dev.cairn.core.error.DynamoException;
import java.util.List;

/**
 * Checks that relate a bound expression to the key schema of the table or index it runs on.
 *
 * <p>Call after {@link ExpressionContext#checkUnused()}, once the table description is known. Sources: the
 * texts are the service's, as quoted in user reports and emulators' tests.
 */
public final class KeyChecks {
  private KeyChecks() {}

  /**
   * Fails when an update writes a key attribute (SET, REMOVE, ADD or DELETE on it or inside it).
   *
   * @throws DynamoException "One or more parameter values were invalid: Cannot update attribute pk. This
   *     attribute is part of the key"
   */
  public static void checkUpdateLeavesKeys(UpdateExpression update, KeyAttributes schema) {
    for (String name : update.targetTopLevelNames()) {
      if (isKey(name, schema)) {
        throw DynamoException.validation("One or more parameter values were invalid: Cannot update attribute " + name
            + ". This attribute is part of the key");
      }
    }
  }

  /**
   * Fails when a Query's FilterExpression reads a key attribute (the key condition is the place for it).
   *
   * @throws DynamoException "Filter Expression can only contain non-primary key attributes: Primary key
   *     attribute: pk"
   */
  public static void checkFilterAvoidsKeys(Condition filter, KeyAttributes schema) {
    visit(filter, schema);
  }

  private static void visit(Condition c, KeyAttributes schema) {
    if (c instanceof Condition.And a) {
      visit(a.left(), schema);
      visit(a.right(), schema);
    } else if (c instanceof Condition.Or o) {
      visit(o.left(), schema);
      visit(o.right(), schema);
    } else if (c instanceof Condition.Not n) {
      visit(n.operand(), schema);
    } else if (c instanceof Condition.Compare cmp) {
      operands(List.of(cmp.left(), cmp.right()), schema);
    } else if (c instanceof Condition.Between b) {
      operands(List.of(b.value(), b.lower(), b.upper()), schema);
    } else if (c instanceof Condition.In in) {
      operands(List.of(in.value()), schema);
      operands(in.candidates(), schema);
    } else if (c instanceof Condition.Function f) {
      operands(f.args(), schema);
    }
  }

  private static void operands(List<Operand> ops, KeyAttributes schema) {
    for (Operand o : ops) {
      if (o instanceof Operand.Path p && isKey(p.path().topLevelName(), schema)) {
        throw DynamoException.validation("Filter Expression can only contain non-primary key attributes: Primary key "
            + "attribute: " + p.path().topLevelName());
      }
      if (o instanceof Operand.Call call) {
        operands(call.args(), schema);
      }
    }
  }

  private static boolean isKey(String name, KeyAttributes schema) {
    return name.equals(schema.partitionKey()) || name.equals(schema.sortKey());
  }
}
