package dev.cairn.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.BatchRequests;
import dev.cairn.core.api.BatchRequests.KeysAndAttributes;
import dev.cairn.core.api.BatchRequests.WriteRequest;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ValidationWording;
import dev.cairn.core.validate.BatchGetItemValidator;
import dev.cairn.core.validate.BatchWriteItemValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes BatchGetItem and BatchWriteItem into their typed requests (member types first: SerializationException;
 * attribute values next) and validates them ({@link BatchGetItemValidator}, {@link BatchWriteItemValidator}).
 * Tables keep their request order. Source: API Reference, "BatchGetItem" and "BatchWriteItem", Request Syntax.
 */
public final class BatchRequestDecoder {
  /** BatchGetItem checks values as GetItem does; BatchWriteItem with the older checker (docs/value-model.md). */
  private static final ValidationWording GET_WORDING = ValidationWording.CURRENT;
  private static final ValidationWording WRITE_WORDING = ValidationWording.LEGACY;

  private final ExpressionCache cache;

  public BatchRequestDecoder(ExpressionCache cache) {
    this.cache = cache;
  }

  public BatchRequests.BatchGetItem batchGetItem(JsonNode b) {
    JsonNode items = JsonFields.object(b, "RequestItems");
    Map<String, KeysAndAttributes> tables = null;
    if (items != null) {
      tables = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : items.properties()) {
        JsonNode t = e.getValue();
        if (t.isNull()) {
          continue;
        }
        if (!t.isObject()) {
          throw JsonFields.mismatch(t, "KeysAndAttributes");
        }
        tables.put(e.getKey(), new KeysAndAttributes(keys(t), ItemRequestDecoder.stringList(t, "AttributesToGet"),
            JsonFields.string(t, "ProjectionExpression"), ItemRequestDecoder.names(t),
            JsonFields.bool(t, "ConsistentRead"), null));
      }
    }
    return BatchGetItemValidator.validate(
        new BatchRequests.BatchGetItem(tables, JsonFields.string(b, "ReturnConsumedCapacity")), cache);
  }

  private static List<Map<String, AttributeValue>> keys(JsonNode table) {
    JsonNode n = JsonFields.array(table, "Keys");
    if (n == null) {
      return null;
    }
    List<Map<String, AttributeValue>> out = new ArrayList<>(n.size());
    for (JsonNode key : n) {
      if (!key.isObject()) {
        throw JsonFields.mismatch(key, "Map");
      }
      out.add(AttributeValueJson.decodeMap(key, GET_WORDING));
    }
    return out;
  }

  private static Map<String, AttributeValue> legacyMap(JsonNode obj, String name) {
    JsonNode n = JsonFields.object(obj, name);
    return n == null ? null : AttributeValueJson.decodeMap(n, WRITE_WORDING);
  }

  public BatchRequests.BatchWriteItem batchWriteItem(JsonNode b) {
    JsonNode items = JsonFields.object(b, "RequestItems");
    Map<String, List<WriteRequest>> tables = null;
    if (items != null) {
      tables = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : items.properties()) {
        JsonNode list = e.getValue();
        if (list.isNull()) {
          continue;
        }
        if (!list.isArray()) {
          throw JsonFields.mismatch(list, "List");
        }
        List<WriteRequest> writes = new ArrayList<>(list.size());
        for (JsonNode w : list) {
          if (!w.isObject()) {
            throw JsonFields.mismatch(w, "WriteRequest");
          }
          JsonNode put = JsonFields.object(w, "PutRequest");
          JsonNode delete = JsonFields.object(w, "DeleteRequest");
          writes.add(new WriteRequest(
              put == null ? null : new BatchRequests.PutRequest(legacyMap(put, "Item")),
              delete == null ? null : new BatchRequests.DeleteRequest(legacyMap(delete, "Key"))));
        }
        tables.put(e.getKey(), writes);
      }
    }
    return BatchWriteItemValidator.validate(new BatchRequests.BatchWriteItem(tables,
        JsonFields.string(b, "ReturnConsumedCapacity"), JsonFields.string(b, "ReturnItemCollectionMetrics")));
  }
}
