package dev.cairn.storage;

import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * One unconditional write of a batch: a put of {@code item} with its index entries, or, when {@code item} is null,
 * a delete of the key.
 *
 * @param pk        encoded partition key ({@code core.model.KeyCodec})
 * @param sk        encoded sort key, empty for a table without one
 * @param item      the item to put, or {@code null} to delete
 * @param sizeBytes the item's DynamoDB size in bytes (0 for a delete)
 * @param entries   one entry per secondary index (empty for a delete)
 */
public record ItemWrite(byte[] pk, byte[] sk, Map<String, AttributeValue> item, int sizeBytes,
    List<IndexEntry> entries) {
}
