package dev.cairn.core.expr;

import java.util.Objects;

/**
 * One step of a document path: an attribute or map-member name, a {@code #name} placeholder not yet substituted,
 * or a list index.
 *
 * <p>Parsed expressions (the ones the cache holds) may contain {@link NameRef}; bound expressions (from
 * {@link ExpressionContext}) hold only {@link Name} and {@link Index}. Source: DynamoDB Developer Guide,
 * "Specifying item attributes when using expressions" (document paths).
 */
public sealed interface PathElement permits PathElement.Name, PathElement.NameRef, PathElement.Index {

  /** A literal attribute or map-member name, as written (or as substituted from ExpressionAttributeNames). */
  record Name(String name) implements PathElement {
    public Name {
      Objects.requireNonNull(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** An expression attribute name placeholder such as {@code #n}, resolved at binding time. */
  record NameRef(String placeholder) implements PathElement {
    public NameRef {
      Objects.requireNonNull(placeholder);
    }

    @Override
    public String toString() {
      return placeholder;
    }
  }

  /** A list index, {@code [i]}, zero-based and non-negative. */
  record Index(int index) implements PathElement {
    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("negative list index " + index);
      }
    }

    /** Rendered as DynamoDB renders it in error texts: {@code [3]}. */
    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }
}
