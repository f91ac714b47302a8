package dev.cairn.storage;

import dev.cairn.core.model.AttributeValue;
import java.util.Map;

/**
 * One row read by a Query or Scan: the base item's key bytes, the index key bytes when read from a secondary
 * index (else {@code null}), the item (for an index: its projected attributes), and the item's DynamoDB size
 * in bytes (for an index row, the size of what the index holds).
 */
public record ReadRow(byte[] pk, byte[] sk, byte[] indexPk, byte[] indexSk, Map<String, AttributeValue> item,
    int sizeBytes) {
}
