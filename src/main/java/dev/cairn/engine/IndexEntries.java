package dev.cairn.engine;

import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.Projection;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.KeyCodec;
import dev.cairn.core.model.KeySchema;
import dev.cairn.storage.IndexEntry;
import dev.cairn.storage.TableDefinition;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each secondary index holds for an item: its index key bytes and projected attributes, or nothing when
 * the item lacks an index key attribute (sparse indexes). An index key attribute of the wrong type, or an
 * empty string or binary, is the service's ValidationException. Single-attribute keys use {@link KeyCodec}
 * directly (so {@code begins_with} is a byte prefix); multi-attribute keys (up to four HASH and four RANGE
 * attributes) concatenate self-delimiting encodings so that byte order is the order of the attributes left
 * to right. Sources: Developer Guide, "Improving data access with secondary indexes", "Projections";
 * "Multi-attribute keys for global secondary indexes".
 */
final class IndexEntries {
  private IndexEntries() {
  }

  /** Every index of the table (GSIs, then LSIs), in the definition's order. */
  static List<TableDefinition.Index> indexes(TableDefinition d) {
    return d.allIndexes();
  }

  /** The entries of {@code item} for every index; an empty list for a table without indexes. */
  static List<IndexEntry> of(TableDefinition d, KeySchema tableKey, Map<String, AttributeValue> item) {
    List<TableDefinition.Index> all = indexes(d);
    if (all.isEmpty()) {
      return List.of();
    }
    List<IndexEntry> out = new ArrayList<>(all.size());
    for (TableDefinition.Index index : all) {
      out.add(entry(d, tableKey, index, item));
    }
    return out;
  }

  static IndexEntry entry(TableDefinition d, KeySchema tableKey, TableDefinition.Index index,
      Map<String, AttributeValue> item) {
    List<AttributeValue> hash = new ArrayList<>(1);
    List<AttributeValue> range = new ArrayList<>(1);
    boolean complete = true;
    for (KeySchemaElement e : index.keySchema()) {
      AttributeValue v = item.get(e.attributeName());
      if (v == null) {
        complete = false;
        continue;
      }
      AttributeType expected = d.typeOf(e.attributeName());
      if (v.type() != expected) {
        throw DynamoException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
            + e.attributeName() + " Expected: " + expected + " Actual: " + v.type() + " IndexName: "
            + index.indexName());
      }
      if ((v instanceof AttributeValue.S s && s.value().isEmpty())
          || (v instanceof AttributeValue.B b && b.value().length() == 0)) {
        throw DynamoException.validation("One or more parameter values are not valid. A value specified for a"
            + " secondary index key is not supported. The AttributeValue for a key attribute cannot contain an"
            + " empty " + (v instanceof AttributeValue.S ? "string" : "binary") + " value. IndexName: "
            + index.indexName() + ", IndexKey: " + e.attributeName());
      }
      (KeySchemaElement.HASH.equals(e.keyType()) ? hash : range).add(v);
    }
    if (!complete) {
      return IndexEntry.absent(index.indexId());
    }
    Map<String, AttributeValue> projected = project(index, tableKey, item);
    return new IndexEntry(index.indexId(), encode(hash), encode(range), projected,
        (int) ItemSize.itemSize(projected));
  }

  /** The index's projection of an item: table keys and index keys, plus INCLUDE's attributes, or everything. */
  static Map<String, AttributeValue> project(TableDefinition.Index index, KeySchema tableKey,
      Map<String, AttributeValue> item) {
    Projection p = index.projection();
    if (p == null || Projection.ALL.equals(p.projectionType())) {
      return item;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    copy(item, tableKey.partitionKey(), out);
    if (tableKey.hasSortKey()) {
      copy(item, tableKey.sortKey(), out);
    }
    for (KeySchemaElement e : index.keySchema()) {
      copy(item, e.attributeName(), out);
    }
    if (Projection.INCLUDE.equals(p.projectionType()) && p.nonKeyAttributes() != null) {
      for (String name : p.nonKeyAttributes()) {
        copy(item, name, out);
      }
    }
    return out;
  }

  private static void copy(Map<String, AttributeValue> from, String name, Map<String, AttributeValue> to) {
    AttributeValue v = from.get(name);
    if (v != null) {
      to.put(name, v);
    }
  }

  /**
   * Key bytes of one side (HASH or RANGE) of an index key: the plain encoding for one attribute, else
   * self-delimiting pieces (S and B escape 0x00 as 0x00 0xFF and end with 0x00 0x00; N is self-delimiting).
   */
  static byte[] encode(List<AttributeValue> values) {
    if (values.isEmpty()) {
      return new byte[0];
    }
    if (values.size() == 1) {
      return KeyCodec.encode(values.get(0));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (AttributeValue v : values) {
      byte[] b = KeyCodec.encode(v);
      if (v instanceof AttributeValue.N) {
        out.writeBytes(b);
        continue;
      }
      for (byte x : b) {
        out.write(x);
        if (x == 0) {
          out.write(0xFF);
        }
      }
      out.write(0);
      out.write(0);
    }
    return out.toByteArray();
  }
}
