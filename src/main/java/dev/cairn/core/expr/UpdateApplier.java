package dev.cairn.core.expr;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.Bytes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a bound {@link UpdateExpression} to an item.
 *
 * <p>Semantics: every value is worked out from the item as it was before the update (so
 * {@code SET a = b, b = a} swaps), and list positions refer to the list as it was ({@code REMOVE l[0], l[1]}
 * removes the first two elements; later ones shift down). A SET past the end of a list appends (several in
 * index order). REMOVE of a missing attribute, member or index changes nothing, but every target's parent must
 * exist and be a map (before a name) or a list (before an index). DELETE of the last members removes the
 * attribute. Pure and thread-safe. Source: DynamoDB Developer Guide, "Update expressions".
 *
 * <p>Errors (ValidationException, texts as the service sends them, without an expression prefix):
 * "The document path provided in the update expression is invalid for update" (a target's parent is missing or
 * of the wrong type), "The provided expression refers to an attribute that does not exist in the
 * item" (a path operand is missing), "An operand in the update expression has an incorrect data type" (+/- on
 * non-numbers, list_append on non-lists, ADD or DELETE on a value of another type), and the number range errors.
 */
public final class UpdateApplier {
  static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
  static final String MISSING_OPERAND =
      "The provided expression refers to an attribute that does not exist in the item";
  static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";

  private UpdateApplier() {}

  /**
   * The result of an update.
   *
   * @param newItem the item after the update (never null; the caller keeps or adds the key attributes)
   * @param updatedOld for ReturnValues UPDATED_OLD: the updated paths as they were, shaped like a projection of
   *     the old item on the target paths (nested maps keep only updated members, list elements keep their
   *     relative order); empty when nothing existed there
   * @param updatedNew for ReturnValues UPDATED_NEW: the same on the new item
   */
  public record Result(
      Map<String, AttributeValue> newItem,
      Map<String, AttributeValue> updatedOld,
      Map<String, AttributeValue> updatedNew) {
    public Result {
      newItem = Collections.unmodifiableMap(new LinkedHashMap<>(newItem));
      updatedOld = Collections.unmodifiableMap(new LinkedHashMap<>(updatedOld));
      updatedNew = Collections.unmodifiableMap(new LinkedHashMap<>(updatedNew));
    }
  }

  /**
   * Applies {@code update} to {@code oldItem}.
   *
   * <p>Errors come in the service's order (as modelled by an emulator built against it): a target whose parent
   * exists but is not a map (for a name) or list (for an index); then wrong operand types; then, clause by
   * clause from DELETE back to SET, a target whose parent is missing, then an attribute a SET reads that is
   * missing; then numbers out of range.
   *
   * @param oldItem the stored item, or {@code null} when there is none
   * @param key the item's key attributes, the starting item when {@code oldItem} is null (UpdateItem creates
   *     the item); may be {@code null} or empty
   * @throws DynamoException the runtime errors listed on the class
   */
  public static Result apply(UpdateExpression update, Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> key) {
    Map<String, AttributeValue> base = oldItem != null ? oldItem : key != null ? key : Map.of();
    List<Act> acts = new ArrayList<>();
    update.set().forEach(a -> acts.add(new Act(Kind.SET, a.path(), a.value())));
    update.remove().forEach(p -> acts.add(new Act(Kind.REMOVE, p, null)));
    update.add().forEach(a -> acts.add(new Act(Kind.ADD, a.path(), a.value())));
    update.delete().forEach(a -> acts.add(new Act(Kind.DELETE, a.path(), a.value())));

    // 1. A parent that is there but of the wrong kind.
    for (Act x : acts) {
      if (!x.path.isTopLevel() && parent(base, x.path) != null && !writable(base, x.path)) {
        throw DynamoException.validation(INVALID_PATH);
      }
    }
    // 2. Operand types; a missing attribute read by SET is kept for step 3.
    for (Act x : acts) {
      if (x.kind == Kind.SET) {
        try {
          x.value = evaluate(x.operand, base);
        } catch (MissingOperand e) {
          x.missing = true;
        }
      } else if (x.kind == Kind.ADD || x.kind == Kind.DELETE) {
        AttributeValue operand = evaluate(x.operand, base);
        AttributeValue current = writable(base, x.path) ? ItemPaths.get(base, x.path) : null;
        if (current != null) {
          x.value = x.kind == Kind.ADD ? add(current, operand) : delete(current, operand);
        } else {
          x.value = x.kind == Kind.ADD ? operand : null;
        }
        x.removes = x.kind == Kind.DELETE && current != null && x.value == null;
      }
    }
    // 3. Missing parents, then missing operands, a clause at a time from the last.
    for (Kind k : List.of(Kind.DELETE, Kind.ADD, Kind.REMOVE, Kind.SET)) {
      for (Act x : acts) {
        if (x.kind == k && !writable(base, x.path)) {
          throw DynamoException.validation(INVALID_PATH);
        }
      }
      for (Act x : acts) {
        if (x.kind == k && x.missing) {
          throw DynamoException.validation(MISSING_OPERAND);
        }
      }
    }
    // 4. Every write was worked out from the item as it was; apply them to a mutable copy.
    Map<String, Object> out = Mutable.copy(base);
    Map<List<Object>, List<Act>> listWrites = new java.util.IdentityHashMap<>();
    for (Act x : acts) {
      boolean remove = x.kind == Kind.REMOVE || x.removes;
      if (!remove && x.value == null) {
        continue; // DELETE on a missing attribute
      }
      String top = ItemPaths.name(x.path.get(0));
      if (x.path.isTopLevel()) {
        if (remove) {
          out.remove(top);
        } else {
          out.put(top, x.value);
        }
        continue;
      }
      Object parent = Mutable.get(out, x.path, x.path.length() - 1);
      PathElement last = x.path.get(x.path.length() - 1);
      if (last instanceof PathElement.Index) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) parent;
        listWrites.computeIfAbsent(list, l -> new ArrayList<>()).add(x);
      } else {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parent;
        if (remove) {
          map.remove(ItemPaths.name(last));
        } else {
          map.put(ItemPaths.name(last), x.value);
        }
      }
    }
    // List positions refer to the list as it was; writes past the end append in index order.
    for (Map.Entry<List<Object>, List<Act>> e : listWrites.entrySet()) {
      List<Object> list = e.getKey();
      List<Object> old = new ArrayList<>(list);
      java.util.Set<Integer> removed = new java.util.HashSet<>();
      java.util.TreeMap<Integer, Object> appended = new java.util.TreeMap<>();
      for (Act x : e.getValue()) {
        int i = ((PathElement.Index) x.path.get(x.path.length() - 1)).index();
        boolean remove = x.kind == Kind.REMOVE || x.removes;
        if (remove) {
          if (i < old.size()) {
            removed.add(i);
          }
        } else if (i < old.size()) {
          old.set(i, x.value);
        } else {
          appended.put(i, x.value);
        }
      }
      list.clear();
      for (int i = 0; i < old.size(); i++) {
        if (!removed.contains(i)) {
          list.add(old.get(i));
        }
      }
      list.addAll(appended.values());
    }
    Map<String, AttributeValue> item = Mutable.freeze(out);
    ProjectionExpression touched = new ProjectionExpression(update.targetPaths());
    return new Result(item, Projector.project(touched, oldItem), Projector.project(touched, item));
  }

  /** {@link #apply(UpdateExpression, Map, Map)} without a key. */
  public static Result apply(UpdateExpression update, Map<String, AttributeValue> oldItem) {
    return apply(update, oldItem, null);
  }

  private enum Kind {
    SET, REMOVE, ADD, DELETE
  }

  /** One action and what it will write. */
  private static final class Act {
    final Kind kind;
    final DocumentPath path;
    final Operand operand;
    AttributeValue value;
    boolean missing;
    boolean removes;

    Act(Kind kind, DocumentPath path, Operand operand) {
      this.kind = kind;
      this.path = path;
      this.operand = operand;
    }
  }

  /** Thrown inside evaluation when a SET reads a missing attribute; reported after path errors. */
  private static final class MissingOperand extends RuntimeException {
    MissingOperand() {
      super(MISSING_OPERAND, null, false, false);
    }
  }

  private static AttributeValue parent(Map<String, AttributeValue> item, DocumentPath p) {
    return ItemPaths.get(item, new DocumentPath(p.elements().subList(0, p.length() - 1)));
  }

  /** Whether the target's parent exists and is a map (before a name) or a list (before an index). */
  private static boolean writable(Map<String, AttributeValue> item, DocumentPath p) {
    if (p.isTopLevel()) {
      return true;
    }
    AttributeValue parent = parent(item, p);
    return p.get(p.length() - 1) instanceof PathElement.Index ? parent instanceof AttributeValue.L
        : parent instanceof AttributeValue.M;
  }

  // ---------------------------------------------------------------- evaluation

  static AttributeValue evaluate(Operand o, Map<String, AttributeValue> item) {
    if (o instanceof Operand.Value v) {
      return v.value();
    }
    if (o instanceof Operand.Path p) {
      AttributeValue v = ItemPaths.get(item, p.path());
      if (v == null) {
        throw new MissingOperand();
      }
      return v;
    }
    if (o instanceof Operand.Arithmetic a) {
      AttributeValue l = evaluate(a.left(), item);
      if (!(l instanceof AttributeValue.N x)) {
        throw DynamoException.validation(WRONG_TYPE);
      }
      AttributeValue r = evaluate(a.right(), item);
      if (!(r instanceof AttributeValue.N y)) {
        throw DynamoException.validation(WRONG_TYPE);
      }
      BigDecimal result = a.operator().equals("+") ? ExprValues.add(x.value(), y.value())
          : ExprValues.subtract(x.value(), y.value());
      return new AttributeValue.N(result);
    }
    if (o instanceof Operand.Call c) {
      if (c.fn() == FunctionName.IF_NOT_EXISTS) {
        AttributeValue v = ItemPaths.get(item, ((Operand.Path) c.args().get(0)).path());
        return v != null ? v : evaluate(c.args().get(1), item);
      }
      if (c.fn() == FunctionName.LIST_APPEND) {
        AttributeValue l = evaluate(c.args().get(0), item);
        if (!(l instanceof AttributeValue.L x)) {
          throw DynamoException.validation(WRONG_TYPE);
        }
        AttributeValue r = evaluate(c.args().get(1), item);
        if (!(r instanceof AttributeValue.L y)) {
          throw DynamoException.validation(WRONG_TYPE);
        }
        List<AttributeValue> out = new ArrayList<>(x.value());
        out.addAll(y.value());
        return new AttributeValue.L(out);
      }
    }
    throw new IllegalStateException("operand not bound or not allowed in an update: " + o);
  }

  static AttributeValue add(AttributeValue current, AttributeValue operand) {
    if (current instanceof AttributeValue.N x && operand instanceof AttributeValue.N y) {
      return new AttributeValue.N(ExprValues.add(x.value(), y.value()));
    }
    if (current instanceof AttributeValue.SS x && operand instanceof AttributeValue.SS y) {
      return new AttributeValue.SS(union(x.value(), y.value()));
    }
    if (current instanceof AttributeValue.NS x && operand instanceof AttributeValue.NS y) {
      return new AttributeValue.NS(union(x.value(), y.value()));
    }
    if (current instanceof AttributeValue.BS x && operand instanceof AttributeValue.BS y) {
      return new AttributeValue.BS(union(x.value(), y.value()));
    }
    if (current instanceof AttributeValue.L x && operand instanceof AttributeValue.L y) {
      // Only legacy AttributeUpdates ADD reaches here with lists (it appends); expressions reject L earlier.
      List<AttributeValue> out = new ArrayList<>(x.value());
      out.addAll(y.value());
      return new AttributeValue.L(out);
    }
    throw DynamoException.validation(WRONG_TYPE);
  }

  /** The set without the operand's members, or {@code null} when nothing is left (the attribute goes away). */
  static AttributeValue delete(AttributeValue current, AttributeValue operand) {
    if (current instanceof AttributeValue.SS x && operand instanceof AttributeValue.SS y) {
      Set<String> rest = minus(x.value(), y.value());
      return rest.isEmpty() ? null : new AttributeValue.SS(rest);
    }
    if (current instanceof AttributeValue.NS x && operand instanceof AttributeValue.NS y) {
      Set<BigDecimal> rest = minus(x.value(), y.value());
      return rest.isEmpty() ? null : new AttributeValue.NS(rest);
    }
    if (current instanceof AttributeValue.BS x && operand instanceof AttributeValue.BS y) {
      Set<Bytes> rest = minus(x.value(), y.value());
      return rest.isEmpty() ? null : new AttributeValue.BS(rest);
    }
    throw DynamoException.validation(WRONG_TYPE);
  }

  private static <T> Set<T> union(Set<T> a, Set<T> b) {
    Set<T> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }

  private static <T> Set<T> minus(Set<T> a, Set<T> b) {
    Set<T> out = new LinkedHashSet<>(a);
    out.removeAll(b);
    return out;
  }

}
