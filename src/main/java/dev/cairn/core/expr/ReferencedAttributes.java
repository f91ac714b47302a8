package dev.cairn.core.expr;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The top-level attribute names a bound expression reads or writes, in order of appearance: for IAM's
 * {@code dynamodb:Attributes} condition key, for index projections, and for key-attribute checks.
 */
public final class ReferencedAttributes {
  private ReferencedAttributes() {}

  /** The top-level names a condition reads. */
  public static Set<String> of(Condition condition) {
    Set<String> out = new LinkedHashSet<>();
    collect(condition, out);
    return out;
  }

  /** The top-level names an update reads or writes (targets and the paths its values read). */
  public static Set<String> of(UpdateExpression update) {
    Set<String> out = new LinkedHashSet<>();
    update.set().forEach(a -> {
      out.add(a.path().topLevelName());
      collect(a.value(), out);
    });
    update.remove().forEach(p -> out.add(p.topLevelName()));
    update.add().forEach(a -> out.add(a.path().topLevelName()));
    update.delete().forEach(a -> out.add(a.path().topLevelName()));
    return out;
  }

  /** The top-level names a projection returns. */
  public static Set<String> of(ProjectionExpression projection) {
    return projection.topLevelNames();
  }

  private static void collect(Condition c, Set<String> out) {
    if (c instanceof Condition.And a) {
      collect(a.left(), out);
      collect(a.right(), out);
    } else if (c instanceof Condition.Or o) {
      collect(o.left(), out);
      collect(o.right(), out);
    } else if (c instanceof Condition.Not n) {
      collect(n.operand(), out);
    } else if (c instanceof Condition.Compare cmp) {
      collect(cmp.left(), out);
      collect(cmp.right(), out);
    } else if (c instanceof Condition.Between b) {
      collect(b.value(), out);
      collect(b.lower(), out);
      collect(b.upper(), out);
    } else if (c instanceof Condition.In in) {
      collect(in.value(), out);
      in.candidates().forEach(x -> collect(x, out));
    } else if (c instanceof Condition.Function f) {
      f.args().forEach(x -> collect(x, out));
    }
  }

  private static void collect(Operand o, Set<String> out) {
    if (o instanceof Operand.Path p) {
      out.add(p.path().topLevelName());
    } else if (o instanceof Operand.Call c) {
      c.args().forEach(x -> collect(x, out));
    } else if (o instanceof Operand.Arithmetic a) {
      collect(a.left(), out);
      collect(a.right(), out);
    }
  }
}
