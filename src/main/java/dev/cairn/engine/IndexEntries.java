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
   * Key bytes of one side (HASH or RANGE) of an index key: the plain {@link KeyCodec} encoding for one attribute
   * (so a single-attribute index key is encoded as a table key is), nothing for none, else the concatenated
   * {@link #piece pieces} of the attributes in key-schema order.
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
      out.writeBytes(piece(v));
    }
    return out.toByteArray();
  }

  /**
   * One attribute's part of a multi-attribute key: N as {@link KeyCodec} encodes it (already self-delimiting);
   * S and B as their {@link KeyCodec} bytes with each 0x00 written 0x00 0xFF, then the terminator 0x00 0x00.
   *
   * <p>Pieces are order-preserving and prefix-free: for values {@code a < b} of one type, {@code piece(a) <
   * piece(b)} unsigned, and no piece is a proper prefix of another (a shorter string ends in 0x00 0x00 where a
   * longer one continues with a byte above 0x00, or with 0x00 0xFF). So concatenations compare attribute by
   * attribute, left to right; all keys whose first k attributes equal given values share the concatenation of
   * their k pieces as a byte prefix; and a string {@code w} starts with {@code p} exactly when
   * {@code piece(w)} starts with {@link #escaped escaped(p)}.
   */
  static byte[] piece(AttributeValue v) {
    byte[] b = KeyCodec.encode(v);
    if (v instanceof AttributeValue.N) {
      return b;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 2);
    escape(b, out);
    out.write(0);
    out.write(0);
    return out.toByteArray();
  }

  /** An S or B value's escaped bytes without the terminator: the byte prefix of the pieces it begins. */
  static byte[] escaped(AttributeValue v) {
    byte[] b = KeyCodec.encode(v);
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 2);
    escape(b, out);
    return out.toByteArray();
  }

  private static void escape(byte[] b, ByteArrayOutputStream out) {
    for (byte x : b) {
      out.write(x);
      if (x == 0) {
        out.write(0xFF);
      }
    }
  }
}
