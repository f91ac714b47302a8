package dev.cairn.core.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A document path such as {@code a.b[2].c}: the first element names a top-level attribute, later ones map members
 * or list indexes.
 *
 * <p>{@link #toString()} renders it as DynamoDB does in error texts, e.g. {@code [a, b, [2], c]}. Source:
 * DynamoDB Developer Guide, "Specifying item attributes when using expressions".
 */
public record DocumentPath(List<PathElement> elements) {
  public DocumentPath {
    elements = List.copyOf(elements);
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("empty document path");
    }
  }

  /** A path of one top-level attribute name, taken literally (no parsing, no placeholder). */
  public static DocumentPath of(String topLevelName) {
    return new DocumentPath(List.of(new PathElement.Name(topLevelName)));
  }

  /** A path from names (String) and indexes (Integer), taken literally. */
  public static DocumentPath of(Object... steps) {
    List<PathElement> out = new ArrayList<>();
    for (Object s : steps) {
      out.add(s instanceof Integer i ? new PathElement.Index(i) : new PathElement.Name((String) s));
    }
    return new DocumentPath(out);
  }

  /** The number of elements (DynamoDB's "nesting levels"). */
  public int length() {
    return elements.size();
  }

  /** The element at {@code i}. */
  public PathElement get(int i) {
    return elements.get(i);
  }

  /** The top-level attribute name; only meaningful on a bound path. */
  public String topLevelName() {
    return elements.get(0) instanceof PathElement.Name n ? n.name() : elements.get(0).toString();
  }

  /** Whether the path is a single top-level name (no member or index step). */
  public boolean isTopLevel() {
    return elements.size() == 1;
  }

  /** Whether no {@code #name} placeholder is left. */
  public boolean isBound() {
    return elements.stream().noneMatch(e -> e instanceof PathElement.NameRef);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(elements.get(i));
    }
    return sb.append(']').toString();
  }
}
