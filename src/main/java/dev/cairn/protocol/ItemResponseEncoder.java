package dev.cairn.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.api.ReadPage;
import dev.cairn.core.model.AttributeValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * JSON of the single-item responses: {@code {"Attributes": {...}, "ConsumedCapacity": {...},
 * "ItemCollectionMetrics": {...}}} for writes and {@code {"Item": {...}, "ConsumedCapacity": {...}}} for
 * GetItem, each member present only when there is something to say; Query and Scan pages ({@link ReadPage}).
 * Source: API Reference, "PutItem", "GetItem", "Query" and "Scan" Response Syntax.
 */
final class ItemResponseEncoder {
  private ItemResponseEncoder() {
  }

  static boolean handles(Object response) {
    return response instanceof ItemRequests.WriteResult || response instanceof ItemRequests.GetResult
        || response instanceof ReadPage;
  }

  static void write(JsonGenerator g, Object response) throws IOException {
    g.writeStartObject();
    if (response instanceof ItemRequests.WriteResult w) {
      if (w.attributes() != null) {
        item(g, "Attributes", w.attributes());
      }
      consumed(g, w.consumedCapacity());
      if (w.itemCollectionMetrics() != null) {
        g.writeObjectFieldStart("ItemCollectionMetrics");
        item(g, "ItemCollectionKey", w.itemCollectionMetrics().itemCollectionKey());
        g.writeArrayFieldStart("SizeEstimateRangeGB");
        for (Double d : w.itemCollectionMetrics().sizeEstimateRangeGB()) {
          g.writeNumber(d);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
    } else if (response instanceof ReadPage p) {
      page(g, p);
    } else if (response instanceof ItemRequests.GetResult r) {
      if (r.item() != null) {
        item(g, "Item", r.item());
      }
      consumed(g, r.consumedCapacity());
    }
    g.writeEndObject();
  }

  /**
   * A Query or Scan page: {@code Items} (absent for Select COUNT), {@code Count}, {@code ScannedCount},
   * {@code LastEvaluatedKey} when the page stopped early, {@code ConsumedCapacity} when asked for (API
   * Reference, "Query" and "Scan", Response Syntax).
   */
  private static void page(JsonGenerator g, ReadPage p) throws IOException {
    if (p.items() != null) {
      g.writeArrayFieldStart("Items");
      for (Map<String, AttributeValue> item : p.items()) {
        AttributeValueJson.writeItem(g, item);
      }
      g.writeEndArray();
    }
    g.writeNumberField("Count", p.count());
    g.writeNumberField("ScannedCount", p.scannedCount());
    if (p.lastEvaluatedKey() != null) {
      item(g, "LastEvaluatedKey", p.lastEvaluatedKey());
    }
    consumed(g, p.consumedCapacity());
  }

  static void item(JsonGenerator g, String field, Map<String, AttributeValue> item) throws IOException {
    g.writeFieldName(field);
    AttributeValueJson.writeItem(g, item);
  }

  /**
   * {@code "ItemCollectionMetrics": {table: [{ItemCollectionKey, SizeEstimateRangeGB}, ...]}}, the per-table shape
   * of BatchWriteItem and TransactWriteItems (API Reference, "ItemCollectionMetrics").
   */
  static void itemCollectionMetricsByTable(JsonGenerator g,
      Map<String, List<ItemRequests.ItemCollectionMetrics>> byTable) throws IOException {
    g.writeObjectFieldStart("ItemCollectionMetrics");
    for (Map.Entry<String, List<ItemRequests.ItemCollectionMetrics>> e : byTable.entrySet()) {
      g.writeArrayFieldStart(e.getKey());
      for (ItemRequests.ItemCollectionMetrics m : e.getValue()) {
        g.writeStartObject();
        item(g, "ItemCollectionKey", m.itemCollectionKey());
        g.writeArrayFieldStart("SizeEstimateRangeGB");
        for (Double d : m.sizeEstimateRangeGB()) {
          g.writeNumber(d);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  static void consumed(JsonGenerator g, ItemRequests.ConsumedCapacity c) throws IOException {
    if (c == null) {
      return;
    }
    g.writeFieldName("ConsumedCapacity");
    consumedCapacity(g, c);
  }

  /** One ConsumedCapacity object (also used in lists by batch responses). */
  static void consumedCapacity(JsonGenerator g, ItemRequests.ConsumedCapacity c) throws IOException {
    g.writeStartObject();
    g.writeStringField("TableName", c.tableName());
    g.writeNumberField("CapacityUnits", c.capacityUnits());
    if (c.readCapacityUnits() != null) {
      g.writeNumberField("ReadCapacityUnits", c.readCapacityUnits());
    }
    if (c.writeCapacityUnits() != null) {
      g.writeNumberField("WriteCapacityUnits", c.writeCapacityUnits());
    }
    if (c.tableUnits() != null) {
      g.writeObjectFieldStart("Table");
      g.writeNumberField("CapacityUnits", c.tableUnits());
      g.writeEndObject();
    }
    if (c.indexUnits() != null && !c.indexUnits().isEmpty()) {
      g.writeObjectFieldStart("GlobalSecondaryIndexes");
      for (Map.Entry<String, Double> e : c.indexUnits().entrySet()) {
        g.writeObjectFieldStart(e.getKey());
        g.writeNumberField("CapacityUnits", e.getValue());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

}
