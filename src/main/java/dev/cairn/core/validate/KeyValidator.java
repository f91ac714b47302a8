package dev.cairn.core.validate;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.KeySchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key checks against a table's key schema, with the service's texts. PutItem's item must hold every key
 * attribute with its defined type; Get/Delete/UpdateItem's {@code Key} must hold exactly the key attributes.
 * Key strings and binaries cannot be empty; the partition key is at most 2048 bytes and the sort key 1024.
 * Sources: API Reference "PutItem" and "GetItem" (Key), Developer Guide "Service, account, and table quotas"
 * (key sizes); texts as the service returns them (recorded by dynalite).
 */
public final class KeyValidator {
  static final String KEY_MISMATCH = "The provided key element does not match the schema";

  private KeyValidator() {
  }

  /** The key attributes of a PutItem item, in schema order. */
  public static Map<String, AttributeValue> keyOfItem(Map<String, AttributeValue> item, KeySchema schema) {
    Map<String, AttributeValue> key = new LinkedHashMap<>(2);
    itemKeyAttribute(item, schema.partitionKey(), schema.partitionKeyType(), key);
    if (schema.hasSortKey()) {
      itemKeyAttribute(item, schema.sortKey(), schema.sortKeyType(), key);
    }
    checkSizes(key, schema);
    return key;
  }

  private static void itemKeyAttribute(Map<String, AttributeValue> item, String name, AttributeType type,
      Map<String, AttributeValue> out) {
    AttributeValue v = item.get(name);
    if (v == null) {
      throw DynamoException.validation("One or more parameter values were invalid: Missing the key " + name
          + " in the item");
    }
    if (v.type() != type) {
      throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for key " + name
          + " expected: " + type + " actual: " + v.type());
    }
    checkNotEmpty(name, v);
    out.put(name, v);
  }

  /**
   * Checks a {@code Key} parameter: exactly the schema's attributes, of the defined types.
   *
   * @return the key in schema order
   */
  public static Map<String, AttributeValue> key(Map<String, AttributeValue> key, KeySchema schema) {
    int expected = schema.hasSortKey() ? 2 : 1;
    AttributeValue pk = key.get(schema.partitionKey());
    AttributeValue sk = schema.hasSortKey() ? key.get(schema.sortKey()) : null;
    if (key.size() != expected || pk == null || (schema.hasSortKey() && sk == null)
        || pk.type() != schema.partitionKeyType() || (sk != null && sk.type() != schema.sortKeyType())) {
      throw DynamoException.validation(KEY_MISMATCH);
    }
    checkNotEmpty(schema.partitionKey(), pk);
    Map<String, AttributeValue> out = new LinkedHashMap<>(2);
    out.put(schema.partitionKey(), pk);
    if (sk != null) {
      checkNotEmpty(schema.sortKey(), sk);
      out.put(schema.sortKey(), sk);
    }
    checkSizes(out, schema);
    return out;
  }

  private static void checkNotEmpty(String name, AttributeValue v) {
    if (v instanceof AttributeValue.S s && s.value().isEmpty()) {
      throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key"
          + " attribute cannot contain an empty string value. Key: " + name);
    }
    if (v instanceof AttributeValue.B b && b.value().length() == 0) {
      throw DynamoException.validation("One or more parameter values are not valid. The AttributeValue for a key"
          + " attribute cannot contain an empty binary value. Key: " + name);
    }
  }

  private static void checkSizes(Map<String, AttributeValue> key, KeySchema schema) {
    ItemSize.checkPartitionKeySize(key.get(schema.partitionKey()));
    if (schema.hasSortKey()) {
      ItemSize.checkSortKeySize(key.get(schema.sortKey()));
    }
  }
}
