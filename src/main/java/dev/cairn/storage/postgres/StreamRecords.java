package dev.cairn.storage.postgres;

import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemJson;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.KeySchema;
import dev.cairn.storage.StreamIdentity;
import dev.cairn.storage.TableRecord;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the stream record of one item change, as bound to the stream CTE of {@link WriteSql}: event name,
 * the {@code dynamodb} member (Keys, NewImage/OldImage as the view type asks, SizeBytes, StreamViewType; the
 * SequenceNumber and ApproximateCreationDateTime are added when read), its size, and the userIdentity
 * (the Streams API's {@code Identity} shape: {@code PrincipalId}, {@code Type}; Lambda's event JSON lower-cases them).
 * Source: DynamoDB Streams API Reference, "Record" and "StreamRecord".
 */
final class StreamRecords {
  private StreamRecords() {
  }

  /**
   * The event of a change: INSERT (no old item), REMOVE (no new item), MODIFY (both, different), or {@code null}
   * when nothing changes (the service writes no record for an unchanged item).
   */
  static String eventName(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
    if (oldItem == null) {
      return newItem == null ? null : "INSERT";
    }
    if (newItem == null) {
      return "REMOVE";
    }
    return oldItem.equals(newItem) ? null : "MODIFY";
  }

  /** Appends the four stream parameters: event name, record JSON, size, userIdentity JSON (nulls: no record). */
  static void bind(Tuple args, TableRecord table, Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem, StreamIdentity identity) {
    String event = eventName(oldItem, newItem);
    if (event == null) {
      args.addString(null).addString(null).addInteger(0).addString(null);
      return;
    }
    String view = table.definition().streamSpecification().streamViewType();
    Map<String, AttributeValue> source = newItem != null ? newItem : oldItem;
    KeySchema ks = table.keySchema();
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    keys.put(ks.partitionKey(), source.get(ks.partitionKey()));
    if (ks.hasSortKey()) {
      keys.put(ks.sortKey(), source.get(ks.sortKey()));
    }
    StringBuilder b = new StringBuilder(256).append("{\"Keys\":").append(ItemJson.write(keys));
    long size = ItemSize.itemSize(keys);
    boolean withNew = view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
    boolean withOld = view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
    if (withNew && newItem != null) {
      b.append(",\"NewImage\":").append(ItemJson.write(newItem));
      size += ItemSize.itemSize(newItem);
    }
    if (withOld && oldItem != null) {
      b.append(",\"OldImage\":").append(ItemJson.write(oldItem));
      size += ItemSize.itemSize(oldItem);
    }
    b.append(",\"SizeBytes\":").append(size).append(",\"StreamViewType\":\"").append(view).append("\"}");
    String who = identity == null ? null
        : "{\"PrincipalId\":\"" + identity.principalId() + "\",\"Type\":\"" + identity.type() + "\"}";
    args.addString(event).addString(b.toString()).addInteger((int) size).addString(who);
  }
}
