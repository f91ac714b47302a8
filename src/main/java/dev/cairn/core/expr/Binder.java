package dev.cairn.core.expr;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Substitutes placeholders in a parsed expression and runs the checks that need the names and values, in the
 * service's order. For conditions the first leaf condition (comparison, BETWEEN, IN or function) with a problem
 * decides, and within it: undefined name or value, operand count, distinct operands, operand types
 * (dynalite, db/conditionParser.pegjs). Updates follow the order an emulator checked against DynamoDB Local
 * found (see {@link #bindUpdate}). Projections: undefined name, then overlapping or conflicting paths.
 */
final class Binder {
  private static final Set<String> TYPE_NAMES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

  private final ExpressionKind kind;
  private final ExpressionContext ctx;

  // Findings of the current leaf (conditions) or of the whole expression (updates, projections).
  private String undefinedName;
  private String undefinedValue;
  private String undefinedRef; // the first undefined name or value, in source order (conditions)
  private String firstProblem; // the first problem of any kind, in traversal order (update values)
  private String operandCount;
  private String distinct;
  private String function;

  Binder(ExpressionKind kind, ExpressionContext ctx) {
    this.kind = kind;
    this.ctx = ctx;
  }

  // ---------------------------------------------------------------- conditions

  Condition bindCondition(Condition c) {
    if (c instanceof Condition.And a) {
      Condition l = bindCondition(a.left());
      return new Condition.And(l, bindCondition(a.right()));
    }
    if (c instanceof Condition.Or o) {
      Condition l = bindCondition(o.left());
      return new Condition.Or(l, bindCondition(o.right()));
    }
    if (c instanceof Condition.Not n) {
      return new Condition.Not(bindCondition(n.operand()));
    }
    resetFindings();
    Condition bound = bindLeaf(c);
    String problem = first(undefinedRef, operandCount, distinct, function);
    if (problem != null) {
      throw DynamoException.validation(kind.invalid(problem));
    }
    return bound;
  }

  private Condition bindLeaf(Condition c) {
    if (c instanceof Condition.Compare cmp) {
      Operand l = bindOperand(cmp.left());
      Operand r = bindOperand(cmp.right());
      checkDistinct(cmp.op().symbol(), l, r);
      if (cmp.op().isOrdering()) {
        checkOrderable(cmp.op().symbol(), l);
        checkOrderable(cmp.op().symbol(), r);
      }
      return new Condition.Compare(cmp.op(), l, r);
    }
    if (c instanceof Condition.Between b) {
      Operand v = bindOperand(b.value());
      Operand lo = bindOperand(b.lower());
      Operand hi = bindOperand(b.upper());
      checkDistinct("BETWEEN", v, lo);
      checkDistinct("BETWEEN", v, hi);
      checkOrderable("BETWEEN", v);
      checkOrderable("BETWEEN", lo);
      checkOrderable("BETWEEN", hi);
      if (function == null && lo instanceof Operand.Value x && hi instanceof Operand.Value y) {
        if (x.value().type() != y.value().type()) {
          function = "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: "
              + ExprValues.render(x.value()) + ", upper bound operand: " + ExprValues.render(y.value());
        } else if (ExprValues.compare(x.value(), y.value()) > 0) {
          function = "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
              + "lower bound operand: " + ExprValues.render(x.value()) + ", upper bound operand: "
              + ExprValues.render(y.value());
        }
      }
      return new Condition.Between(v, lo, hi);
    }
    if (c instanceof Condition.In in) {
      Operand v = bindOperand(in.value());
      List<Operand> list = new ArrayList<>();
      for (Operand o : in.candidates()) {
        Operand bound = bindOperand(o);
        checkDistinct("IN", v, bound);
        list.add(bound);
      }
      return new Condition.In(v, list);
    }
    Condition.Function f = (Condition.Function) c;
    List<Operand> args = bindAll(f.args());
    checkFunction(f.fn(), args);
    return new Condition.Function(f.fn(), args);
  }

  private List<Operand> bindAll(List<Operand> raw) {
    List<Operand> out = new ArrayList<>(raw.size());
    for (Operand o : raw) {
      out.add(bindOperand(o));
    }
    return out;
  }

  private void checkFunction(FunctionName fn, List<Operand> args) {
    if (args.size() != fn.arity()) {
      noteCount(fn, args.size());
      return;
    }
    if (args.size() == 2 && fn != FunctionName.LIST_APPEND) {
      checkDistinct(fn.text(), args.get(0), args.get(1));
    }
    switch (fn) {
      case ATTRIBUTE_EXISTS, ATTRIBUTE_NOT_EXISTS, IF_NOT_EXISTS -> {
        if (!(args.get(0) instanceof Operand.Path)) {
          noteFunction("Operator or function requires a document path; operator or function: " + fn.text());
        }
      }
      case BEGINS_WITH -> {
        for (Operand a : args) {
          AttributeType t = typeOf(a);
          if (t != null && t != AttributeType.S && t != AttributeType.B) {
            noteFunction(wrongType(fn.text(), t.name()));
            break;
          }
        }
      }
      case ATTRIBUTE_TYPE -> {
        if (!(args.get(0) instanceof Operand.Path)) {
          noteFunction("Operator or function requires a document path; operator or function: " + fn.text());
          return;
        }
        AttributeType t = typeOf(args.get(1));
        if (t != AttributeType.S) {
          noteFunction(wrongType(fn.text(), t == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : t.name()));
        } else {
          String name = ((AttributeValue.S) ((Operand.Value) args.get(1)).value()).value();
          if (!TYPE_NAMES.contains(name)) {
            noteFunction("Invalid attribute type name found; type: " + name
                + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
          }
        }
      }
      case SIZE -> {
        AttributeType t = typeOf(args.get(0));
        if (t == AttributeType.N || t == AttributeType.BOOL || t == AttributeType.NULL) {
          noteFunction(wrongType(fn.text(), t.name()));
        }
      }
      case LIST_APPEND -> {
        for (Operand a : args) {
          if (a instanceof Operand.Value v && v.value().type() != AttributeType.L) {
            noteFunction(wrongType(fn.text(), v.value().type().name()));
            break;
          }
        }
      }
      default -> {
        // contains takes any operands.
      }
    }
  }

  private void noteCount(FunctionName fn, int count) {
    String message = "Incorrect number of operands for operator or function; operator or function: " + fn.text()
        + ", number of operands: " + count;
    if (operandCount == null) {
      operandCount = message;
    }
    noteFirst(message);
  }

  private static String wrongType(String op, String type) {
    return "Incorrect operand type for operator or function; operator or function: " + op + ", operand type: " + type;
  }

  /** The type an operand is known to have before evaluation: a literal's, or N for size(). */
  private static AttributeType typeOf(Operand o) {
    if (o instanceof Operand.Value v) {
      return v.value().type();
    }
    if (o instanceof Operand.Call c && c.fn() == FunctionName.SIZE) {
      return AttributeType.N;
    }
    return null;
  }

  /**
   * A literal that cannot be ordered makes an ordering comparison or BETWEEN invalid; a path of such a type only
   * evaluates to false. Observed on the service by ExtendDB's tests (tests/test_expr_operand_type_and_size.py).
   */
  private void checkOrderable(String op, Operand o) {
    if (o instanceof Operand.Value v && !ExprValues.isOrderable(v.value().type())) {
      noteFunction(wrongType(op, v.value().type().name()));
    }
  }

  private void checkDistinct(String op, Operand a, Operand b) {
    if (distinct == null && a instanceof Operand.Path x && b instanceof Operand.Path y && x.equals(y)) {
      distinct = "The first operand must be distinct from the remaining operands for this operator or function; "
          + "operator: " + op + ", first operand: " + x.path();
    }
  }

  private void noteFunction(String message) {
    if (function == null) {
      function = message;
    }
    noteFirst(message);
  }

  private void noteFirst(String message) {
    if (firstProblem == null) {
      firstProblem = message;
    }
  }

  private Operand bindOperand(Operand o) {
    if (o instanceof Operand.Path p) {
      return new Operand.Path(bindPath(p.path()));
    }
    if (o instanceof Operand.ValueRef r) {
      AttributeValue v = ctx.resolveValue(r.placeholder());
      if (v == null) {
        if (undefinedValue == null) {
          undefinedValue = "An expression attribute value used in expression is not defined; attribute value: "
              + r.placeholder();
        }
        undefinedRef = undefinedRef != null ? undefinedRef : undefinedValue;
        noteFirst(undefinedValue);
        // Stand-in so binding can go on; the error above wins over any later finding.
        return new Operand.Value(AttributeValue.Null.INSTANCE);
      }
      return new Operand.Value(v);
    }
    if (o instanceof Operand.Call c) {
      if (kind == ExpressionKind.UPDATE && c.args().size() != c.fn().arity()) {
        // An update function's operands are counted before they are read.
        noteCount(c.fn(), c.args().size());
      }
      List<Operand> args = bindAll(c.args());
      checkFunction(c.fn(), args);
      return new Operand.Call(c.fn(), args);
    }
    if (o instanceof Operand.Arithmetic a) {
      Operand l = bindOperand(a.left());
      Operand r = bindOperand(a.right());
      for (Operand x : List.of(l, r)) {
        if (x instanceof Operand.Value v && v.value().type() != AttributeType.N) {
          noteFunction(wrongType(a.operator(), v.value().type().name()));
        }
      }
      return new Operand.Arithmetic(a.operator(), l, r);
    }
    return o;
  }

  private DocumentPath bindPath(DocumentPath p) {
    if (p.isBound()) {
      return p;
    }
    List<PathElement> out = new ArrayList<>(p.length());
    for (PathElement e : p.elements()) {
      if (e instanceof PathElement.NameRef r) {
        String name = ctx.resolveName(r.placeholder());
        if (name == null) {
          if (undefinedName == null) {
            undefinedName = "An expression attribute name used in the document path is not defined; attribute name: "
                + r.placeholder();
          }
          undefinedRef = undefinedRef != null ? undefinedRef : undefinedName;
          name = r.placeholder();
        }
        out.add(new PathElement.Name(name));
      } else {
        out.add(e);
      }
    }
    return new DocumentPath(out);
  }

  // ---------------------------------------------------------------- updates

  /**
   * Binds an update in the order an emulator checked against DynamoDB Local found: the names of the target
   * paths (as written), overlapping or conflicting targets, then, from the last action back to the first, the
   * names in the values, then the values, function operands and ADD/DELETE operand types.
   */
  UpdateExpression bindUpdate(Parser.ParsedUpdate parsed) {
    UpdateExpression u = parsed.expression();
    record Action(String clause, DocumentPath path, Operand value) {}
    List<Action> actions = new ArrayList<>();
    for (String clause : parsed.clauseOrder()) {
      switch (clause) {
        case "SET" -> u.set().forEach(a -> actions.add(new Action(clause, a.path(), a.value())));
        case "REMOVE" -> u.remove().forEach(p -> actions.add(new Action(clause, p, null)));
        case "ADD" -> u.add().forEach(a -> actions.add(new Action(clause, a.path(), a.value())));
        default -> u.delete().forEach(a -> actions.add(new Action(clause, a.path(), a.value())));
      }
    }
    List<DocumentPath> targets = new ArrayList<>();
    for (Action a : actions) {
      targets.add(bindPath(a.path()));
      failIf(undefinedName);
    }
    String[] overlap = checkOverlaps(targets);
    failIf(overlap[0]);
    failIf(overlap[1]);
    for (int i = actions.size() - 1; i >= 0; i--) {
      if (actions.get(i).value() != null) {
        checkNames(actions.get(i).value());
        failIf(undefinedName);
      }
    }
    List<Operand> values = new ArrayList<>(actions.size());
    for (int i = 0; i < actions.size(); i++) {
      values.add(null);
    }
    for (int i = actions.size() - 1; i >= 0; i--) {
      Action a = actions.get(i);
      if (a.value() == null) {
        continue;
      }
      resetFindings();
      Operand v = bindOperand(a.value());
      failIf(firstProblem);
      if (!a.clause().equals("SET")) {
        failIf(checkSetOperand(a.clause(), v));
      }
      values.set(i, v);
    }
    List<UpdateExpression.SetAction> set = new ArrayList<>();
    List<DocumentPath> remove = new ArrayList<>();
    List<UpdateExpression.AddAction> add = new ArrayList<>();
    List<UpdateExpression.DeleteAction> delete = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      DocumentPath p = targets.get(i);
      switch (actions.get(i).clause()) {
        case "SET" -> set.add(new UpdateExpression.SetAction(p, values.get(i)));
        case "REMOVE" -> remove.add(p);
        case "ADD" -> add.add(new UpdateExpression.AddAction(p, values.get(i)));
        default -> delete.add(new UpdateExpression.DeleteAction(p, values.get(i)));
      }
    }
    return new UpdateExpression(set, remove, add, delete);
  }

  /** Resolves every name placeholder under {@code o}, noting the first undefined one. */
  private void checkNames(Operand o) {
    if (o instanceof Operand.Path p) {
      bindPath(p.path());
    } else if (o instanceof Operand.Call c) {
      c.args().forEach(this::checkNames);
    } else if (o instanceof Operand.Arithmetic a) {
      checkNames(a.left());
      checkNames(a.right());
    }
  }

  private void failIf(String problem) {
    if (problem != null) {
      throw DynamoException.validation(kind.invalid(problem));
    }
  }

  /** ADD takes a number or a set, DELETE a set (dynalite checkOperator). */
  private static String checkSetOperand(String operator, Operand o) {
    if (o instanceof Operand.Value v) {
      AttributeType t = v.value().type();
      boolean set = t == AttributeType.SS || t == AttributeType.NS || t == AttributeType.BS;
      if (!set && !(operator.equals("ADD") && t == AttributeType.N)) {
        // The typeSet suffix is part of the service's text (seen in many user reports and emulator tests).
        return "Incorrect operand type for operator or function; operator: " + operator + ", operand type: "
            + ExprValues.longTypeName(t) + ", typeSet: ALLOWED_FOR_" + operator + "_OPERAND";
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- projections

  ProjectionExpression bindProjection(ProjectionExpression parsed) {
    List<DocumentPath> out = new ArrayList<>();
    for (DocumentPath p : parsed.paths()) {
      out.add(bindPath(p));
    }
    String[] overlap = checkOverlaps(out);
    String problem = first(undefinedName, overlap[0], overlap[1]);
    if (problem != null) {
      throw DynamoException.validation(kind.invalid(problem));
    }
    return new ProjectionExpression(out);
  }

  // ---------------------------------------------------------------- shared

  /**
   * Finds the first overlapping pair (one path a prefix of, or equal to, an earlier one) and the first
   * conflicting pair (a name where the other has an index, along a shared prefix); "path one" is the earlier.
   */
  static String[] checkOverlaps(List<DocumentPath> paths) {
    String conflict = null;
    for (int j = 0; j < paths.size(); j++) {
      for (int i = 0; i < j; i++) {
        DocumentPath one = paths.get(i);
        DocumentPath two = paths.get(j);
        int common = Math.min(one.length(), two.length());
        boolean diverged = false;
        for (int k = 0; k < common && !diverged; k++) {
          PathElement a = one.get(k);
          PathElement b = two.get(k);
          if (a.getClass() != b.getClass()) {
            if (conflict == null) {
              conflict = "Two document paths conflict with each other; must remove or rewrite one of these paths; "
                  + "path one: " + one + ", path two: " + two;
            }
            diverged = true;
          } else if (!a.equals(b)) {
            diverged = true;
          }
        }
        if (!diverged) {
          return new String[] {"Two document paths overlap with each other; must remove or rewrite one of these "
              + "paths; path one: " + one + ", path two: " + two, null};
        }
      }
    }
    return new String[] {null, conflict};
  }

  private void resetFindings() {
    undefinedName = null;
    undefinedValue = null;
    undefinedRef = null;
    firstProblem = null;
    operandCount = null;
    distinct = null;
    function = null;
  }

  private static String first(String... findings) {
    for (String f : findings) {
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
