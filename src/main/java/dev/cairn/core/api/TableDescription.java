package dev.cairn.core.api;

import java.time.Instant;
import java.util.List;

/**
 * What CreateTable, DescribeTable ({@code Table}), UpdateTable and DeleteTable return about a table. Every
 * member may be {@code null}, meaning absent on the wire (the encoder omits it, never writes JSON null).
 * Timestamps are written as epoch seconds with a fraction (a JSON number). Replica, restore and archival
 * members are not modelled. Source: DynamoDB API Reference, Data Types, "TableDescription".
 *
 * @param tableName                 the name
 * @param tableArn                  {@code arn:aws:dynamodb:<region>:<account>:table/<name>}
 * @param tableId                   a UUID that changes when a table is deleted and re-created
 * @param tableStatus               {@code CREATING}, {@code UPDATING}, {@code DELETING}, {@code ACTIVE}, ...
 * @param creationDateTime          when the table was created
 * @param attributeDefinitions      the key attributes (the service lists them sorted by name)
 * @param keySchema                 the table key
 * @param provisionedThroughput     capacity, with zeros for a PAY_PER_REQUEST table
 * @param billingModeSummary        present once a billing mode was set explicitly
 * @param tableSizeBytes            approximate size, updated periodically
 * @param itemCount                 approximate count, updated periodically
 * @param globalSecondaryIndexes    in creation order
 * @param localSecondaryIndexes     in creation order
 * @param streamSpecification       absent when the stream is (or was) disabled
 * @param latestStreamLabel         label of the latest stream, kept after it is disabled
 * @param latestStreamArn           ARN of the latest stream, kept after it is disabled
 * @param sseDescription            present when a KMS key was requested
 * @param tableClassSummary         present once a table class was set
 * @param deletionProtectionEnabled always reported by the service
 * @param onDemandThroughput        present when set
 * @param warmThroughput            the table's warm throughput
 */
public record TableDescription(String tableName, String tableArn, String tableId, String tableStatus,
    Instant creationDateTime, List<AttributeDefinition> attributeDefinitions, List<KeySchemaElement> keySchema,
    ProvisionedThroughputDescription provisionedThroughput, BillingModeSummary billingModeSummary,
    Long tableSizeBytes, Long itemCount, List<GlobalSecondaryIndexDescription> globalSecondaryIndexes,
    List<LocalSecondaryIndexDescription> localSecondaryIndexes, StreamSpecification streamSpecification,
    String latestStreamLabel, String latestStreamArn, SSEDescription sseDescription,
    TableClassSummary tableClassSummary, Boolean deletionProtectionEnabled,
    OnDemandThroughput onDemandThroughput, WarmThroughputDescription warmThroughput) {

  /**
   * Provisioned capacity as described: the current units, when they last went up or down, and how many
   * decreases were made in the current UTC day. Source: "ProvisionedThroughputDescription".
   */
  public record ProvisionedThroughputDescription(Instant lastIncreaseDateTime, Instant lastDecreaseDateTime,
      Long numberOfDecreasesToday, Long readCapacityUnits, Long writeCapacityUnits) {
  }

  /** The billing mode and when the table last switched to PAY_PER_REQUEST. Source: "BillingModeSummary". */
  public record BillingModeSummary(String billingMode, Instant lastUpdateToPayPerRequestDateTime) {
  }

  /**
   * A global secondary index as described; {@code keySchema} may hold up to 4 HASH and 4 RANGE elements.
   * Source: "GlobalSecondaryIndexDescription".
   *
   * @param indexStatus {@code CREATING}, {@code UPDATING}, {@code DELETING} or {@code ACTIVE}
   * @param backfilling whether a CREATING index is being back-filled (present only while creating)
   */
  public record GlobalSecondaryIndexDescription(String indexName, List<KeySchemaElement> keySchema,
      Projection projection, String indexStatus, Boolean backfilling,
      ProvisionedThroughputDescription provisionedThroughput, Long indexSizeBytes, Long itemCount,
      String indexArn, OnDemandThroughput onDemandThroughput, WarmThroughputDescription warmThroughput) {
  }

  /** A local secondary index as described. Source: "LocalSecondaryIndexDescription". */
  public record LocalSecondaryIndexDescription(String indexName, List<KeySchemaElement> keySchema,
      Projection projection, Long indexSizeBytes, Long itemCount, String indexArn) {
  }

  /**
   * Server-side encryption state. Source: "SSEDescription".
   *
   * @param status  {@code ENABLING}, {@code ENABLED}, {@code DISABLING}, {@code DISABLED} or {@code UPDATING}
   * @param sseType {@code KMS}
   */
  public record SSEDescription(String status, String sseType, String kmsMasterKeyArn,
      Instant inaccessibleEncryptionDateTime) {
  }

  /** The table class and when it last changed. Source: "TableClassSummary". */
  public record TableClassSummary(String tableClass, Instant lastUpdateDateTime) {
  }

  /**
   * Warm throughput of a table or index and whether a change is in progress. Source:
   * "TableWarmThroughputDescription", "GlobalSecondaryIndexWarmThroughputDescription" (same members).
   */
  public record WarmThroughputDescription(Long readUnitsPerSecond, Long writeUnitsPerSecond, String status) {
  }
}
