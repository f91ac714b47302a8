package dev.cairn.core.expr;

import dev.cairn.core.model.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a bound {@link ProjectionExpression} to an item, producing the item DynamoDB returns.
 *
 * <p>Shape: only the projected paths that exist are kept; a nested map keeps only its projected members; a list
 * keeps only its projected elements, in their original relative order and compacted ({@code l[2], l[0]} on
 * {@code [a, b, c]} gives {@code [a, c]}); paths that are missing or step into a value of the wrong type are
 * skipped. Pure and thread-safe. Source: DynamoDB Developer Guide, "Projection expressions".
 */
public final class Projector {
  private Projector() {}

  /**
   * The projection of {@code item}.
   *
   * @param item the item, or {@code null} (the result is then empty)
   * @return a new map holding the projected attributes, in the item's attribute order
   */
  public static Map<String, AttributeValue> project(ProjectionExpression projection,
      Map<String, AttributeValue> item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    if (item == null || item.isEmpty()) {
      return out;
    }
    Node root = new Node();
    for (DocumentPath p : projection.paths()) {
      AttributeValue top = item.get(ItemPaths.name(p.get(0)));
      if (top != null) {
        root.child(ItemPaths.name(p.get(0))).add(top, p, 1);
      }
    }
    // Keep the item's attribute order so results are stable whatever the projection order.
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      Node n = root.members == null ? null : root.members.get(e.getKey());
      if (n != null && !n.isEmpty()) {
        out.put(e.getKey(), n.build(e.getValue()));
      }
    }
    return out;
  }

  /** The projected part of one value: whole, or only some members or elements. */
  private static final class Node {
    boolean whole;
    Map<String, Node> members;
    TreeMap<Integer, Node> elements;

    Node child(String name) {
      if (members == null) {
        members = new LinkedHashMap<>();
      }
      return members.computeIfAbsent(name, k -> new Node());
    }

    void add(AttributeValue value, DocumentPath p, int i) {
      if (i == p.length()) {
        whole = true;
        return;
      }
      AttributeValue next = ItemPaths.step(value, p.get(i));
      if (next == null) {
        // Nothing there; an empty node left on the way is skipped by build().
        return;
      }
      Node n;
      if (p.get(i) instanceof PathElement.Index ix) {
        if (elements == null) {
          elements = new TreeMap<>();
        }
        n = elements.computeIfAbsent(ix.index(), k -> new Node());
      } else {
        n = child(ItemPaths.name(p.get(i)));
      }
      n.add(next, p, i + 1);
    }

    boolean isEmpty() {
      return !whole && (members == null || members.values().stream().allMatch(Node::isEmpty))
          && (elements == null || elements.values().stream().allMatch(Node::isEmpty));
    }

    AttributeValue build(AttributeValue value) {
      if (whole) {
        return value;
      }
      if (value instanceof AttributeValue.M m && members != null) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : m.value().entrySet()) {
          Node n = members.get(e.getKey());
          if (n != null && !n.isEmpty()) {
            out.put(e.getKey(), n.build(e.getValue()));
          }
        }
        return new AttributeValue.M(out);
      }
      if (value instanceof AttributeValue.L l && elements != null) {
        List<AttributeValue> out = new ArrayList<>();
        for (Map.Entry<Integer, Node> e : elements.entrySet()) {
          if (!e.getValue().isEmpty()) {
            out.add(e.getValue().build(l.value().get(e.getKey())));
          }
        }
        return new AttributeValue.L(out);
      }
      return value;
    }
  }
}
