package dev.cairn.storage;

import dev.cairn.core.model.AttributeValue;
import java.util.Map;

/**
 * What one secondary index holds for one item: the encoded index keys and the projected attributes, or
 * nothing ({@code indexPk == null}) when the item lacks an index key attribute (a sparse index skips it).
 *
 * @param indexId   the index's internal id
 * @param indexPk   encoded index partition key, or {@code null} when the item is not in the index
 * @param indexSk   encoded index sort key (empty for a hash-only index)
 * @param item      the projected attributes
 * @param sizeBytes the DynamoDB size of the projected attributes
 */
public record IndexEntry(long indexId, byte[] indexPk, byte[] indexSk, Map<String, AttributeValue> item,
    int sizeBytes) {
  /** The entry of an item that is not in the index. */
  public static IndexEntry absent(long indexId) {
    return new IndexEntry(indexId, null, null, null, 0);
  }

  public boolean present() {
    return indexPk != null;
  }
}
