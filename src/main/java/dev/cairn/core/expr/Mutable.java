package dev.cairn.core.expr;

import dev.cairn.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mutable working copy of an item for applying an update: maps become LinkedHashMaps, lists ArrayLists, other
 * values stay as they are.
 */
final class Mutable {
  private Mutable() {}

  static Map<String, Object> copy(Map<String, AttributeValue> item) {
    Map<String, Object> out = new LinkedHashMap<>();
    item.forEach((k, v) -> out.put(k, thaw(v)));
    return out;
  }

  private static Object thaw(AttributeValue v) {
    if (v instanceof AttributeValue.M m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.value().forEach((k, x) -> out.put(k, thaw(x)));
      return out;
    }
    if (v instanceof AttributeValue.L l) {
      List<Object> out = new ArrayList<>(l.value().size());
      l.value().forEach(x -> out.add(thaw(x)));
      return out;
    }
    return v;
  }

  /** The container reached by the first {@code n} elements of {@code p} (which must exist). */
  static Object get(Map<String, Object> item, DocumentPath p, int n) {
    Object cur = item.get(ItemPaths.name(p.get(0)));
    for (int i = 1; i < n; i++) {
      PathElement e = p.get(i);
      if (e instanceof PathElement.Index ix) {
        cur = ((List<?>) cur).get(ix.index());
      } else {
        cur = ((Map<?, ?>) cur).get(ItemPaths.name(e));
      }
    }
    return cur;
  }

  static Map<String, AttributeValue> freeze(Map<String, Object> item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    item.forEach((k, v) -> out.put(k, freezeValue(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static AttributeValue freezeValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return new AttributeValue.M(freeze((Map<String, Object>) m));
    }
    if (v instanceof List<?> l) {
      List<AttributeValue> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(freezeValue(x)));
      return new AttributeValue.L(out);
    }
    return (AttributeValue) v;
  }
}
