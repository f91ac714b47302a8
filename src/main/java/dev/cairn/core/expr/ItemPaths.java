package dev.cairn.core.expr;

import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/** Reads a bound document path from an item. */
final class ItemPaths {
  private ItemPaths() {}

  /**
   * The value at {@code path}, or {@code null} when the item lacks it: a missing attribute or member, an index
   * past the end, or a step into a value of the wrong type (a name into a non-map, an index into a non-list).
   */
  static AttributeValue get(Map<String, AttributeValue> item, DocumentPath path) {
    if (item == null) {
      return null;
    }
    AttributeValue cur = item.get(name(path.get(0)));
    for (int i = 1; i < path.length() && cur != null; i++) {
      cur = step(cur, path.get(i));
    }
    return cur;
  }

  static AttributeValue step(AttributeValue cur, PathElement e) {
    if (e instanceof PathElement.Index ix) {
      if (cur instanceof AttributeValue.L l) {
        List<AttributeValue> list = l.value();
        return ix.index() < list.size() ? list.get(ix.index()) : null;
      }
      return null;
    }
    if (cur instanceof AttributeValue.M m) {
      return m.value().get(name(e));
    }
    return null;
  }

  static String name(PathElement e) {
    if (e instanceof PathElement.Name n) {
      return n.name();
    }
    throw new IllegalStateException("expression not bound: " + e);
  }
}
