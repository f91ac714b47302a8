package dev.cairn.storage;

import dev.cairn.core.api.AttributeDefinition;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.OnDemandThroughput;
import dev.cairn.core.api.Projection;
import dev.cairn.core.api.ProvisionedThroughput;
import dev.cairn.core.api.SSESpecification;
import dev.cairn.core.api.StreamSpecification;
import dev.cairn.core.api.Tag;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.KeySchema;
import java.util.List;

/**
 * The stable part of a table's description, as the catalog keeps it ({@code cairn.tables.definition}, jsonb
 * readable with psql): everything CreateTable and UpdateTable set. Dynamic parts (status, item count, size)
 * are computed when described. Times are epoch milliseconds.
 *
 * @param timeToLiveAttribute the TTL attribute name when TTL is enabled, else {@code null}
 */
public record TableDefinition(List<AttributeDefinition> attributeDefinitions, List<KeySchemaElement> keySchema,
    String billingMode, ProvisionedThroughput provisionedThroughput, OnDemandThroughput onDemandThroughput,
    List<Index> globalSecondaryIndexes, List<Index> localSecondaryIndexes, StreamSpecification streamSpecification,
    SSESpecification sseSpecification, String tableClass, boolean deletionProtectionEnabled, List<Tag> tags,
    Long lastUpdateToPayPerRequestMillis, String timeToLiveAttribute) {

  /**
   * A secondary index.
   *
   * @param indexId     internal id (its rows' relation or key prefix), unique per table
   * @param status      CREATING, UPDATING, DELETING or ACTIVE
   * @param backfilling whether a new GSI is still being filled from existing items
   */
  public record Index(long indexId, String indexName, List<KeySchemaElement> keySchema, Projection projection,
      ProvisionedThroughput provisionedThroughput, OnDemandThroughput onDemandThroughput, String status,
      boolean backfilling) {
  }

  /** A copy with other tags. */
  public TableDefinition withTags(List<Tag> newTags) {
    return new TableDefinition(attributeDefinitions, keySchema, billingMode, provisionedThroughput,
        onDemandThroughput, globalSecondaryIndexes, localSecondaryIndexes, streamSpecification, sseSpecification,
        tableClass, deletionProtectionEnabled, newTags, lastUpdateToPayPerRequestMillis, timeToLiveAttribute);
  }

  /** A copy with another TTL attribute ({@code null}: TTL disabled). */
  public TableDefinition withTimeToLiveAttribute(String attribute) {
    return new TableDefinition(attributeDefinitions, keySchema, billingMode, provisionedThroughput,
        onDemandThroughput, globalSecondaryIndexes, localSecondaryIndexes, streamSpecification, sseSpecification,
        tableClass, deletionProtectionEnabled, tags, lastUpdateToPayPerRequestMillis, attribute);
  }

  /** A copy with other global secondary indexes. */
  public TableDefinition withGlobalSecondaryIndexes(List<Index> gsis) {
    return new TableDefinition(attributeDefinitions, keySchema, billingMode, provisionedThroughput,
        onDemandThroughput, gsis, localSecondaryIndexes, streamSpecification, sseSpecification, tableClass,
        deletionProtectionEnabled, tags, lastUpdateToPayPerRequestMillis, timeToLiveAttribute);
  }

  /** Every secondary index: the GSIs, then the LSIs, in definition order (the order index rows are written in). */
  public List<Index> allIndexes() {
    List<Index> all = new java.util.ArrayList<>();
    if (globalSecondaryIndexes != null) {
      all.addAll(globalSecondaryIndexes);
    }
    if (localSecondaryIndexes != null) {
      all.addAll(localSecondaryIndexes);
    }
    return all;
  }

  /** The primary key with its attribute types. */
  public KeySchema primaryKey() {
    String pk = null;
    String sk = null;
    for (KeySchemaElement e : keySchema) {
      if (KeySchemaElement.HASH.equals(e.keyType())) {
        pk = e.attributeName();
      } else {
        sk = e.attributeName();
      }
    }
    return new KeySchema(pk, typeOf(pk), sk, sk == null ? null : typeOf(sk));
  }

  /** The defined type of an attribute, or {@code null} when it has no definition. */
  public AttributeType typeOf(String attributeName) {
    for (AttributeDefinition d : attributeDefinitions) {
      if (d.attributeName().equals(attributeName)) {
        return AttributeType.fromWire(d.attributeType());
      }
    }
    return null;
  }
}
