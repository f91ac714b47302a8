package dev.cairn.engine;

import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.Projection;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.expr.KeyAttributes;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.KeyCodec;
import dev.cairn.core.model.KeySchema;
import dev.cairn.core.validate.KeyValidator;
import dev.cairn.storage.ReadRow;
import dev.cairn.storage.TableDefinition;
import dev.cairn.storage.TableRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Query or Scan reads: the table itself or one of its secondary indexes, with the key schema that orders
 * it (a GSI's own KeySchema; an LSI's is the table's partition key and its own sort key), the attribute names an
 * ExclusiveStartKey and a LastEvaluatedKey hold (the table's key, plus the index's key attributes), and, for an
 * index, which attributes its rows hold. Checks in the service's order and wording (dynalite, actions/query.js
 * and actions/scan.js, recorded from the service).
 */
final class ReadTarget {
  static final String INVALID_START_KEY = "The provided starting key is invalid";
  private static final byte[] NO_SORT_KEY = new byte[0];

  final TableRecord table;
  final TableDefinition.Index index;
  final boolean global;
  /** The key schema of what is read (the table's, or the index's). */
  final KeySchema schema;
  /** The table's primary key. */
  final KeySchema tableSchema;
  /** The HASH attributes of what is read, in key-schema order (more than one only on a multi-attribute GSI). */
  final List<String> hashNames;
  /** The RANGE attributes of what is read, in key-schema order (possibly none). */
  final List<String> rangeNames;

  private ReadTarget(TableRecord table, TableDefinition.Index index, boolean global, KeySchema schema,
      List<String> hashNames, List<String> rangeNames) {
    this.table = table;
    this.index = index;
    this.global = global;
    this.schema = schema;
    this.tableSchema = table.keySchema();
    this.hashNames = List.copyOf(hashNames);
    this.rangeNames = List.copyOf(rangeNames);
  }

  /** Whether the key has more than one HASH or RANGE attribute (a GSI with a multi-attribute key). */
  boolean multiAttribute() {
    return hashNames.size() > 1 || rangeNames.size() > 1;
  }

  /** The defined type of a key attribute of the table. */
  AttributeType typeOf(String attribute) {
    return table.definition().typeOf(attribute);
  }

  /**
   * The table, or the index named {@code indexName}.
   *
   * @throws DynamoException "The table does not have the specified index: x" (or, for a Scan with an
   *     ExclusiveStartKey, "The provided starting key is invalid"), "Consistent reads are not supported on global
   *     secondary indexes"
   */
  static ReadTarget resolve(TableRecord table, String indexName, Boolean consistentRead, boolean scanWithStartKey) {
    if (indexName == null) {
      KeySchema k = table.keySchema();
      return new ReadTarget(table, null, false, k, List.of(k.partitionKey()),
          k.hasSortKey() ? List.of(k.sortKey()) : List.of());
    }
    TableDefinition def = table.definition();
    TableDefinition.Index found = null;
    boolean global = false;
    if (def != null) {
      for (TableDefinition.Index i : nonNull(def.globalSecondaryIndexes())) {
        if (i.indexName().equals(indexName)) {
          found = i;
          global = true;
        }
      }
      for (TableDefinition.Index i : nonNull(def.localSecondaryIndexes())) {
        if (i.indexName().equals(indexName)) {
          found = i;
        }
      }
    }
    if (found == null) {
      throw DynamoException.validation(scanWithStartKey ? INVALID_START_KEY
          : "The table does not have the specified index: " + indexName);
    }
    if (global && Boolean.TRUE.equals(consistentRead)) {
      throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
    }
    List<String> hash = new ArrayList<>(1);
    List<String> range = new ArrayList<>(1);
    for (KeySchemaElement e : found.keySchema()) {
      (KeySchemaElement.HASH.equals(e.keyType()) ? hash : range).add(e.attributeName());
    }
    if (!global) {
      // An LSI's KeySchema names the table's partition key and its own sort key.
      hash = List.of(table.keySchema().partitionKey());
    }
    String pk = hash.get(0);
    String sk = range.isEmpty() ? null : range.get(0);
    KeySchema schema = new KeySchema(pk, def.typeOf(pk), sk, sk == null ? null : def.typeOf(sk));
    return new ReadTarget(table, found, global, schema, hash, range);
  }

  private static List<TableDefinition.Index> nonNull(List<TableDefinition.Index> l) {
    return l == null ? List.of() : l;
  }

  /** The internal id of the index read, or {@code null} for the table. */
  Long indexId() {
    return index == null ? null : index.indexId();
  }

  /** The key attribute names of what is read. */
  KeyAttributes keyAttributes() {
    return new KeyAttributes(schema.partitionKey(), schema.sortKey());
  }

  /** Whether the index keeps every attribute (always true for the table). */
  boolean projectsAll() {
    return index == null || index.projection() == null
        || Projection.ALL.equals(index.projection().projectionType());
  }

  /** Whether an index row holds this top-level attribute (keys always; INCLUDE's NonKeyAttributes). */
  boolean holds(String attribute) {
    if (projectsAll() || keyNames().contains(attribute)) {
      return true;
    }
    List<String> extra = index.projection().nonKeyAttributes();
    return extra != null && extra.contains(attribute);
  }

  /** The attributes of a start or last-evaluated key: the table's key, then the index's key attributes. */
  List<String> keyNames() {
    List<String> names = new ArrayList<>(4);
    names.add(tableSchema.partitionKey());
    if (tableSchema.hasSortKey()) {
      names.add(tableSchema.sortKey());
    }
    if (index != null) {
      for (String n : hashNames) {
        if (!names.contains(n)) {
          names.add(n);
        }
      }
      for (String n : rangeNames) {
        if (!names.contains(n)) {
          names.add(n);
        }
      }
    }
    return names;
  }

  /**
   * The LastEvaluatedKey of an item read: its key attributes ({@link #keyNames()}), in that order.
   */
  Map<String, AttributeValue> lastKey(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>(4);
    for (String n : keyNames()) {
      AttributeValue v = item.get(n);
      if (v != null) {
        key.put(n, v);
      }
    }
    return key;
  }

  /**
   * Checks an ExclusiveStartKey's attributes against the key schema read: the right number of attributes, each
   * key attribute of the schema present with its defined type (table key attributes outside the index schema are
   * checked by {@link #checkStartKeyTable}).
   *
   * @param scanOfTable a Scan of the table, whose count mismatch the service words differently
   * @throws DynamoException "The provided starting key is invalid", "The provided key element does not match the
   *     schema", or for a Scan of the table "The provided starting key is invalid: The provided key element does
   *     not match the schema"
   */
  void checkStartKeyShape(Map<String, AttributeValue> start, boolean scanOfTable) {
    if (start == null) {
      return;
    }
    if (start.size() != keyNames().size()) {
      throw DynamoException.validation(scanOfTable
          ? INVALID_START_KEY + ": The provided key element does not match the schema" : INVALID_START_KEY);
    }
    if (scanOfTable) {
      return;
    }
    for (String n : hashNames) {
      checkPiece(start, n, typeOf(n));
    }
    for (String n : rangeNames) {
      checkPiece(start, n, typeOf(n));
    }
  }

  private static void checkPiece(Map<String, AttributeValue> start, String name, AttributeType type) {
    AttributeValue v = start.get(name);
    if (v == null) {
      throw DynamoException.validation(INVALID_START_KEY);
    }
    if (v.type() != type) {
      throw DynamoException.validation("The provided key element does not match the schema");
    }
  }

  /**
   * Checks the table-key part of an ExclusiveStartKey as a primary key (types, empty values, sizes).
   *
   * @throws DynamoException "The provided starting key is invalid: " followed by the key error, e.g. "The provided
   *     key element does not match the schema"
   */
  void checkStartKeyTable(Map<String, AttributeValue> start) {
    if (start == null) {
      return;
    }
    Map<String, AttributeValue> tableKey = new LinkedHashMap<>();
    tableKey.put(tableSchema.partitionKey(), start.get(tableSchema.partitionKey()));
    if (tableSchema.hasSortKey()) {
      tableKey.put(tableSchema.sortKey(), start.get(tableSchema.sortKey()));
    }
    tableKey.values().removeIf(java.util.Objects::isNull);
    try {
      KeyValidator.key(tableKey, tableSchema);
    } catch (DynamoException e) {
      throw DynamoException.validation(INVALID_START_KEY + ": " + e.getMessage());
    }
  }

  /** The storage row an ExclusiveStartKey stands for (table key bytes; index key bytes for an index). */
  ReadRow startRow(Map<String, AttributeValue> start) {
    if (start == null) {
      return null;
    }
    byte[] pk = KeyCodec.encode(start.get(tableSchema.partitionKey()));
    byte[] sk = tableSchema.hasSortKey() ? KeyCodec.encode(start.get(tableSchema.sortKey())) : NO_SORT_KEY;
    if (index == null) {
      return new ReadRow(pk, sk, null, null, null, 0);
    }
    return new ReadRow(pk, sk, IndexEntries.encode(values(start, hashNames)),
        IndexEntries.encode(values(start, rangeNames)), null, 0);
  }

  private static List<AttributeValue> values(Map<String, AttributeValue> key, List<String> names) {
    List<AttributeValue> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(key.get(n));
    }
    return out;
  }

  /** The top-level names a projection reads that an index row lacks (empty for the table). */
  Set<String> missing(Set<String> names) {
    Set<String> out = new HashSet<>();
    for (String n : names) {
      if (!holds(n)) {
        out.add(n);
      }
    }
    return out;
  }
}
