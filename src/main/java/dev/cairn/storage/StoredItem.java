package dev.cairn.storage;

import dev.cairn.core.model.AttributeValue;
import java.util.Map;

/**
 * An item as read from storage.
 *
 * @param item      the attributes
 * @param sizeBytes the item's DynamoDB size in bytes (as computed when it was written)
 * @param version   an opaque token that changes with every write of the row: the compare-and-set writes of
 *                  {@link ItemStore} succeed only while it is unchanged
 */
public record StoredItem(Map<String, AttributeValue> item, int sizeBytes, String version) {
}
