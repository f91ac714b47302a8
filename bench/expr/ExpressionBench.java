// Cost of parsing and evaluating DynamoDB expressions with Cairn's pure core (no I/O).
// Run from the project root after a build (see docs/performance.md):
//   java -cp target/classes bench/expr/ExpressionBench.java
// Simple loop timing with a warm-up; a rough figure per operation on this machine, not a JMH study.

import dev.cairn.core.expr.Condition;
import dev.cairn.core.expr.ConditionEvaluator;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.expr.ExpressionContext;
import dev.cairn.core.expr.ExpressionKind;
import dev.cairn.core.expr.UpdateApplier;
import dev.cairn.core.expr.UpdateExpression;
import dev.cairn.core.model.AttributeValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

public class ExpressionBench {
  static final String CONDITION = "attribute_exists(#id) AND (#status = :active OR size(tags) > :n) AND price BETWEEN :lo AND :hi";
  static final String UPDATE = "SET price = price + :d, #status = :active, info.seen = if_not_exists(info.seen, :n) REMOVE stale ADD hits :d";
  static final Map<String, String> NAMES = Map.of("#id", "id", "#status", "status");
  static final Map<String, AttributeValue> VALUES = Map.of(
      ":active", new AttributeValue.S("active"), ":n", new AttributeValue.N(BigDecimal.ONE),
      ":lo", new AttributeValue.N(BigDecimal.ZERO), ":hi", new AttributeValue.N(new BigDecimal("1000")),
      ":d", new AttributeValue.N(new BigDecimal("2.5")));
  static final Map<String, AttributeValue> ITEM = Map.of(
      "id", new AttributeValue.S("a1"), "status", new AttributeValue.S("active"),
      "price", new AttributeValue.N(new BigDecimal("10")), "tags", new AttributeValue.L(List.of(new AttributeValue.S("x"))),
      "info", new AttributeValue.M(Map.of()), "stale", new AttributeValue.Bool(true),
      "hits", new AttributeValue.N(BigDecimal.TEN));

  static double nanosPerOp(String name, int iterations, IntSupplier op) {
    int sink = 0;
    for (int i = 0; i < iterations; i++) {
      sink += op.getAsInt(); // warm-up
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < iterations; i++) {
      sink += op.getAsInt();
    }
    double ns = (System.nanoTime() - t0) / (double) iterations;
    System.out.printf("%-48s %9.0f ns/op%s%n", name, ns, sink == 42 ? " " : "");
    return ns;
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    ExpressionCache cache = new ExpressionCache();
    nanosPerOp("parse+bind condition (no cache)", n, () -> {
      ExpressionContext ctx = ExpressionContext.of(NAMES, VALUES);
      return ctx.condition(ExpressionKind.CONDITION, CONDITION).hashCode();
    });
    nanosPerOp("parse+bind condition (cached parse)", n, () -> {
      ExpressionContext ctx = ExpressionContext.of(NAMES, VALUES, cache);
      return ctx.condition(ExpressionKind.CONDITION, CONDITION).hashCode();
    });
    nanosPerOp("parse+bind update (no cache)", n, () -> ExpressionContext.of(NAMES, VALUES).update(UPDATE).hashCode());
    nanosPerOp("parse+bind update (cached parse)", n,
        () -> ExpressionContext.of(NAMES, VALUES, cache).update(UPDATE).hashCode());
    Condition c = ExpressionContext.of(NAMES, VALUES).condition(ExpressionKind.CONDITION, CONDITION);
    nanosPerOp("evaluate condition", n, () -> ConditionEvaluator.evaluate(c, ITEM) ? 1 : 0);
    UpdateExpression u = ExpressionContext.of(NAMES, VALUES).update(UPDATE);
    nanosPerOp("apply update (new item, UPDATED_OLD/NEW)", n, () -> UpdateApplier.apply(u, ITEM).newItem().size());
  }
}
