package dev.cairn.engine;

import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.KeyCodec;
import dev.cairn.core.model.KeySchema;
import java.util.Map;

/**
 * A validated primary key with its storage encoding ({@link KeyCodec}: order-preserving bytes; an empty sort
 * key for a table without one).
 */
record ItemKeys(Map<String, AttributeValue> key, byte[] pk, byte[] sk) {
  private static final byte[] NO_SORT_KEY = new byte[0];

  static ItemKeys of(Map<String, AttributeValue> key, KeySchema schema) {
    byte[] pk = KeyCodec.encode(key.get(schema.partitionKey()));
    byte[] sk = schema.hasSortKey() ? KeyCodec.encode(key.get(schema.sortKey())) : NO_SORT_KEY;
    return new ItemKeys(key, pk, sk);
  }
}
