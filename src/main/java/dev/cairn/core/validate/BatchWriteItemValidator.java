package dev.cairn.core.validate;

import dev.cairn.core.api.BatchRequests.BatchWriteItem;
import dev.cairn.core.api.BatchRequests.WriteRequest;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.KeySchema;
import dev.cairn.core.model.ValueValidation;
import java.util.List;
import java.util.Map;

/**
 * Validation of a BatchWriteItem, in the service's order: the member constraints (one ValidationException:
 * ReturnConsumedCapacity, ReturnItemCollectionMetrics, RequestItems, its table names, 1 to 25 writes per table, the
 * Key or Item of each DeleteRequest or PutRequest), then the total of 25 writes, then write by write: exactly one
 * of PutRequest and DeleteRequest, and each put item's names, size and depth. What needs the table (key schema,
 * index key types, duplicate keys, existence) is checked by the engine, for the whole request before anything is
 * written. Sources: API Reference, "BatchWriteItem" (25 requests, 400 KB items); texts and order as recorded from
 * the service by dynalite (validations/batchWriteItem.js, test/batchWriteItem.js).
 */
public final class BatchWriteItemValidator {
  /** The most writes one BatchWriteItem may carry, over all its tables. */
  public static final int MAX_WRITES = 25;
  public static final String TOO_MANY_WRITES = "Too many items requested for the BatchWriteItem call";
  /**
   * A WriteRequest with neither or both of PutRequest and DeleteRequest: the service answers with the text of an
   * attribute value with several types (dynalite, test/batchWriteItem.js "empty item in RequestItems"; DynamoDB
   * Local 3.3.1 answers the same for both cases).
   */
  public static final String NOT_ONE_REQUEST =
      "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
  static final String MAP_VALUES = "Map value must satisfy constraint: [Member must have length less than or equal to "
      + MAX_WRITES + ", Member must have length greater than or equal to 1]";

  private BatchWriteItemValidator() {
  }

  /**
   * Validates what needs no table.
   *
   * @throws DynamoException ValidationException with the service's text
   */
  public static BatchWriteItem validate(BatchWriteItem r) {
    ValidationErrors errors = new ValidationErrors()
        .enumValue(r.returnConsumedCapacity(), "returnConsumedCapacity", ItemRequestValidator.RETURN_CONSUMED_CAPACITY)
        .enumValue(r.returnItemCollectionMetrics(), "returnItemCollectionMetrics",
            ItemRequestValidator.RETURN_ITEM_COLLECTION_METRICS)
        .required(r.requestItems(), "requestItems");
    Map<String, List<WriteRequest>> items = r.requestItems();
    if (items != null) {
      if (items.isEmpty()) {
        errors.add("{}", "requestItems", "Member must have length greater than or equal to 1");
      }
      BatchConstraints.tableNames(errors, items);
      for (List<WriteRequest> writes : items.values()) {
        if (writes.isEmpty() || writes.size() > MAX_WRITES) {
          errors.add(BatchConstraints.render(items), "requestItems", MAP_VALUES);
          break;
        }
      }
      for (Map.Entry<String, List<WriteRequest>> e : items.entrySet()) {
        List<WriteRequest> writes = e.getValue();
        for (int i = 0; i < writes.size(); i++) {
          String at = "requestItems." + e.getKey() + ".member." + (i + 1) + ".member.";
          WriteRequest w = writes.get(i);
          if (w.delete() != null) {
            errors.required(w.delete().key(), at + "deleteRequest.key");
          }
          if (w.put() != null) {
            errors.required(w.put().item(), at + "putRequest.item");
          }
        }
      }
    }
    errors.throwIfAny();

    int total = 0;
    for (List<WriteRequest> writes : items.values()) {
      total += writes.size();
    }
    if (total > MAX_WRITES) {
      throw DynamoException.validation(TOO_MANY_WRITES);
    }
    for (List<WriteRequest> writes : items.values()) {
      for (WriteRequest w : writes) {
        if ((w.put() == null) == (w.delete() == null)) {
          throw DynamoException.validation(NOT_ONE_REQUEST);
        }
      }
      for (WriteRequest w : writes) {
        if (w.put() != null) {
          Map<String, AttributeValue> item = w.put().item();
          if (item.containsKey("")) {
            throw DynamoException.validation("Empty attribute name");
          }
          ItemSize.checkItemSize(item);
          ValueValidation.checkNesting(item);
        }
      }
    }
    return r;
  }

  /**
   * The key of a put item checked against the table's key schema. A missing key attribute or one of the wrong type
   * is "The provided key element does not match the schema" in a batch (dynalite records the service rewording
   * PutItem's "Missing the key" and "Type mismatch for key" texts, actions/batchWriteItem.js); empty and oversized
   * key values keep their own texts.
   *
   * @return the key in schema order
   */
  public static Map<String, AttributeValue> keyOfPut(Map<String, AttributeValue> item, KeySchema schema) {
    AttributeValue pk = item.get(schema.partitionKey());
    AttributeValue sk = schema.hasSortKey() ? item.get(schema.sortKey()) : null;
    if (pk == null || pk.type() != schema.partitionKeyType()
        || (schema.hasSortKey() && (sk == null || sk.type() != schema.sortKeyType()))) {
      throw DynamoException.validation(KeyValidator.KEY_MISMATCH);
    }
    return KeyValidator.keyOfItem(item, schema);
  }
}
