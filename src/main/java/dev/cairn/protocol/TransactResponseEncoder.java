package dev.cairn.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.api.TransactRequests;
import dev.cairn.core.error.TransactionCanceledException;
import dev.cairn.core.model.AttributeValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * JSON of the transactional responses and of TransactionCanceledException's reasons. TransactWriteItems:
 * {@code {"ConsumedCapacity": [...], "ItemCollectionMetrics": {"<table>": [...]}}}; TransactGetItems:
 * {@code {"Responses": [{"Item": {...}}, {}], "ConsumedCapacity": [...]}} (an empty ItemResponse for an absent
 * item); the error: {@code "CancellationReasons": [{"Code": "None"}, {"Code": "ConditionalCheckFailed",
 * "Message": "...", "Item": {...}}]}. Source: API Reference, "TransactWriteItems", "TransactGetItems",
 * "CancellationReason".
 */
final class TransactResponseEncoder {
  private TransactResponseEncoder() {
  }

  static boolean handles(Object response) {
    return response instanceof TransactRequests.TransactWriteResult
        || response instanceof TransactRequests.TransactGetResult;
  }

  static void write(JsonGenerator g, Object response) throws IOException {
    g.writeStartObject();
    if (response instanceof TransactRequests.TransactWriteResult w) {
      consumed(g, w.consumedCapacity());
      if (w.itemCollectionMetrics() != null && !w.itemCollectionMetrics().isEmpty()) {
        ItemResponseEncoder.itemCollectionMetricsByTable(g, w.itemCollectionMetrics());
      }
    } else if (response instanceof TransactRequests.TransactGetResult r) {
      g.writeArrayFieldStart("Responses");
      for (Map<String, AttributeValue> item : r.items()) {
        g.writeStartObject();
        if (item != null) {
          ItemResponseEncoder.item(g, "Item", item);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      consumed(g, r.consumedCapacity());
    }
    g.writeEndObject();
  }

  private static void consumed(JsonGenerator g, List<ItemRequests.ConsumedCapacity> capacity) throws IOException {
    if (capacity == null) {
      return;
    }
    g.writeArrayFieldStart("ConsumedCapacity");
    for (ItemRequests.ConsumedCapacity c : capacity) {
      ItemResponseEncoder.consumedCapacity(g, c);
    }
    g.writeEndArray();
  }

  /** The {@code CancellationReasons} member of a TransactionCanceledException. */
  static void reasons(JsonGenerator g, TransactionCanceledException e) throws IOException {
    g.writeArrayFieldStart("CancellationReasons");
    for (TransactionCanceledException.Reason r : e.reasons()) {
      g.writeStartObject();
      if (r.item() != null) {
        ItemResponseEncoder.item(g, "Item", r.item());
      }
      g.writeStringField("Code", r.code());
      if (r.message() != null) {
        g.writeStringField("Message", r.message());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
