package dev.cairn.core.expr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A projection expression (or translated AttributesToGet): the document paths to return.
 *
 * <p>Apply a bound projection with {@link Projector#project}. Source: DynamoDB Developer Guide, "Projection
 * expressions".
 */
public record ProjectionExpression(List<DocumentPath> paths) {
  public ProjectionExpression {
    paths = List.copyOf(paths);
  }

  /** The distinct top-level attribute names the projection reads (e.g. for index-projection checks). */
  public Set<String> topLevelNames() {
    Set<String> out = new LinkedHashSet<>();
    paths.forEach(p -> out.add(p.topLevelName()));
    return out;
  }
}
