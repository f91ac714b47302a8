package dev.cairn.core.api;

import java.util.List;

/**
 * One entry of UpdateTable's {@code GlobalSecondaryIndexUpdates}: exactly one of {@code create},
 * {@code update}, {@code delete} must be present. Source: DynamoDB API Reference, Data Types,
 * "GlobalSecondaryIndexUpdate", "CreateGlobalSecondaryIndexAction", "UpdateGlobalSecondaryIndexAction",
 * "DeleteGlobalSecondaryIndexAction".
 */
public record GlobalSecondaryIndexUpdate(Create create, Update update, Delete delete) {

  /** Adds an index (back-filled online); its key attributes must be in the request's AttributeDefinitions. */
  public record Create(String indexName, List<KeySchemaElement> keySchema, Projection projection,
      ProvisionedThroughput provisionedThroughput, OnDemandThroughput onDemandThroughput,
      WarmThroughput warmThroughput) {
  }

  /** Changes an existing index's throughput settings. */
  public record Update(String indexName, ProvisionedThroughput provisionedThroughput,
      OnDemandThroughput onDemandThroughput, WarmThroughput warmThroughput) {
  }

  /** Removes an index. */
  public record Delete(String indexName) {
  }

  /** The name of the index this entry touches, or {@code null} when it has no action or no name. */
  public String indexName() {
    if (create != null) {
      return create.indexName();
    }
    if (update != null) {
      return update.indexName();
    }
    return delete == null ? null : delete.indexName();
  }
}
