package dev.cairn.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.core.api.BatchRequests.BatchGetResult;
import dev.cairn.core.api.BatchRequests.BatchWriteResult;
import dev.cairn.core.api.BatchRequests.KeysAndAttributes;
import dev.cairn.core.api.BatchRequests.WriteRequest;
import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.model.AttributeValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * JSON of the batch responses. BatchGetItem: {@code {"Responses": {table: [item, ...]}, "UnprocessedKeys": {table:
 * KeysAndAttributes}, "ConsumedCapacity": [...]}}; BatchWriteItem: {@code {"UnprocessedItems": {table:
 * [WriteRequest, ...]}, "ConsumedCapacity": [...], "ItemCollectionMetrics": {table: [...]}}}. UnprocessedKeys and
 * UnprocessedItems are always present ({@code {}} when everything was done), as the service sends them; the
 * others only when there is something to say. Source: API Reference, "BatchGetItem" and "BatchWriteItem",
 * Response Syntax.
 */
final class BatchResponseEncoder {
  private BatchResponseEncoder() {
  }

  static boolean handles(Object response) {
    return response instanceof BatchGetResult || response instanceof BatchWriteResult;
  }

  static void write(JsonGenerator g, Object response) throws IOException {
    g.writeStartObject();
    if (response instanceof BatchGetResult r) {
      g.writeObjectFieldStart("Responses");
      for (Map.Entry<String, List<Map<String, AttributeValue>>> e : r.responses().entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        for (Map<String, AttributeValue> item : e.getValue()) {
          AttributeValueJson.writeItem(g, item);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("UnprocessedKeys");
      for (Map.Entry<String, KeysAndAttributes> e : r.unprocessedKeys().entrySet()) {
        g.writeFieldName(e.getKey());
        keysAndAttributes(g, e.getValue());
      }
      g.writeEndObject();
      consumedList(g, r.consumedCapacity());
    } else if (response instanceof BatchWriteResult r) {
      g.writeObjectFieldStart("UnprocessedItems");
      for (Map.Entry<String, List<WriteRequest>> e : r.unprocessedItems().entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        for (WriteRequest w : e.getValue()) {
          g.writeStartObject();
          if (w.put() != null) {
            g.writeObjectFieldStart("PutRequest");
            ItemResponseEncoder.item(g, "Item", w.put().item());
          } else {
            g.writeObjectFieldStart("DeleteRequest");
            ItemResponseEncoder.item(g, "Key", w.delete().key());
          }
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      consumedList(g, r.consumedCapacity());
      if (r.itemCollectionMetrics() != null) {
        ItemResponseEncoder.itemCollectionMetricsByTable(g, r.itemCollectionMetrics());
      }
    }
    g.writeEndObject();
  }

  /** A table's unprocessed keys with the projection parameters it was sent with. */
  private static void keysAndAttributes(JsonGenerator g, KeysAndAttributes k) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("Keys");
    for (Map<String, AttributeValue> key : k.keys()) {
      AttributeValueJson.writeItem(g, key);
    }
    g.writeEndArray();
    if (k.attributesToGet() != null) {
      g.writeArrayFieldStart("AttributesToGet");
      for (String a : k.attributesToGet()) {
        g.writeString(a);
      }
      g.writeEndArray();
    }
    if (k.consistentRead() != null) {
      g.writeBooleanField("ConsistentRead", k.consistentRead());
    }
    if (k.projectionExpression() != null) {
      g.writeStringField("ProjectionExpression", k.projectionExpression());
    }
    if (k.expressionAttributeNames() != null) {
      g.writeObjectFieldStart("ExpressionAttributeNames");
      for (Map.Entry<String, String> e : k.expressionAttributeNames().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void consumedList(JsonGenerator g, List<ItemRequests.ConsumedCapacity> list) throws IOException {
    if (list == null) {
      return;
    }
    g.writeArrayFieldStart("ConsumedCapacity");
    for (ItemRequests.ConsumedCapacity c : list) {
      ItemResponseEncoder.consumedCapacity(g, c);
    }
    g.writeEndArray();
  }
}
