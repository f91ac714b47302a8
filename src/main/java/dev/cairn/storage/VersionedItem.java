package dev.cairn.storage;

import dev.cairn.core.model.AttributeValue;
import java.util.Map;

/**
 * A base-table item with its key bytes and row version, as the TTL sweeper reads it: the version is what a
 * compare-and-set deletes ({@link ItemStore#deleteIfVersions}) expect.
 *
 * @param pk        encoded partition key ({@code core.model.KeyCodec})
 * @param sk        encoded sort key, empty for a table without one
 * @param item      the item
 * @param sizeBytes DynamoDB item size in bytes
 * @param version   the row version (opaque)
 */
public record VersionedItem(byte[] pk, byte[] sk, Map<String, AttributeValue> item, int sizeBytes, String version) {
}
