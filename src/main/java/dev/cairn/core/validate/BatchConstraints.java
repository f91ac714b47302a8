package dev.cairn.core.validate;

import java.util.Collection;
import java.util.Map;

/**
 * Member constraints shared by BatchGetItem and BatchWriteItem: the table names are the keys of RequestItems,
 * so the service reports a bad one as a map-key constraint of {@code requestItems} (dynalite, test/batchGetItem.js
 * and test/batchWriteItem.js: "Map keys must satisfy constraint: [...]").
 */
final class BatchConstraints {
  static final String MAP_KEYS = "Map keys must satisfy constraint: [Member must have length less than or equal to 255,"
      + " Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: "
      + ValidationErrors.NAME_PATTERN + "]";

  private BatchConstraints() {
  }

  /** Records one violation for RequestItems when any of its table names breaks the table-name rules. */
  static void tableNames(ValidationErrors errors, Map<String, ?> requestItems) {
    for (String name : requestItems.keySet()) {
      if (name.length() < 3 || name.length() > 255 || !ValidationErrors.isName(name)) {
        errors.add(render(requestItems), "requestItems", MAP_KEYS);
        return;
      }
    }
  }

  /**
   * A value as the service quotes it in a constraint violation. The service prints its own model objects, which
   * Cairn does not have; the shape ({@code {...}} for a map, {@code [...]} for a list) is what clients can rely on.
   */
  static String render(Object value) {
    if (value instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      for (Object k : m.keySet()) {
        if (b.length() > 1) {
          b.append(", ");
        }
        b.append(k).append("=...");
      }
      return b.append('}').toString();
    }
    if (value instanceof Collection<?> c) {
      return "[" + c.size() + " members]";
    }
    return String.valueOf(value);
  }
}
