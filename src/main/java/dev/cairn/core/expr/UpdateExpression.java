package dev.cairn.core.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An update expression: SET, REMOVE, ADD and DELETE actions, each clause at most once, no two target paths
 * overlapping or conflicting.
 *
 * <p>Apply a bound expression with {@link UpdateApplier#apply}. Source: DynamoDB Developer Guide, "Update
 * expressions".
 */
public record UpdateExpression(
    List<SetAction> set, List<DocumentPath> remove, List<AddAction> add, List<DeleteAction> delete) {

  public UpdateExpression {
    set = List.copyOf(set);
    remove = List.copyOf(remove);
    add = List.copyOf(add);
    delete = List.copyOf(delete);
  }

  /** {@code SET path = value}; {@code value} may be a path, a value, a function or {@code +}/{@code -}. */
  public record SetAction(DocumentPath path, Operand value) {
    public SetAction {
      Objects.requireNonNull(path);
      Objects.requireNonNull(value);
    }
  }

  /** {@code ADD path :value}: add to a number or add members to a set. */
  public record AddAction(DocumentPath path, Operand value) {
    public AddAction {
      Objects.requireNonNull(path);
      Objects.requireNonNull(value);
    }
  }

  /** {@code DELETE path :value}: remove members from a set. */
  public record DeleteAction(DocumentPath path, Operand value) {
    public DeleteAction {
      Objects.requireNonNull(path);
      Objects.requireNonNull(value);
    }
  }

  /**
   * Whether the update only takes things away (REMOVE and DELETE, no SET or ADD). Such an update does not create
   * an absent item, where any other update does (even one that sets nothing): behaviour of the service recorded
   * by ScyllaDB's DynamoDB-verified tests (test_item.py, test_update_item_non_existent).
   */
  public boolean onlyRemoves() {
    return set.isEmpty() && add.isEmpty() && (!remove.isEmpty() || !delete.isEmpty());
  }

  /** Every target path, in clause order SET, REMOVE, ADD, DELETE. */
  public List<DocumentPath> targetPaths() {
    List<DocumentPath> out = new ArrayList<>();
    set.forEach(a -> out.add(a.path()));
    out.addAll(remove);
    add.forEach(a -> out.add(a.path()));
    delete.forEach(a -> out.add(a.path()));
    return out;
  }

  /**
   * The top-level attribute names the update writes, for the engine's key-attribute check ("Cannot update
   * attribute pk. This attribute is part of the key").
   */
  public Set<String> targetTopLevelNames() {
    Set<String> out = new LinkedHashSet<>();
    for (DocumentPath p : targetPaths()) {
      out.add(p.topLevelName());
    }
    return out;
  }
}
