package dev.cairn.core.api;

import java.util.List;

/**
 * UpdateTable input, as decoded from the wire (members {@code null} when absent). Replica, witness and
 * multi-region members are not modelled. Source: DynamoDB API Reference, "UpdateTable", Request Parameters.
 *
 * @param tableName                   table name (or ARN); required
 * @param attributeDefinitions        only consumed by a GSI {@code Create}: its new key attributes
 * @param billingMode                 switch between PROVISIONED and PAY_PER_REQUEST
 * @param provisionedThroughput       new table capacity
 * @param globalSecondaryIndexUpdates Create/Update/Delete actions
 * @param streamSpecification         enable (with a view type) or disable (without) the stream
 * @param sseSpecification            new encryption settings
 * @param tableClass                  new table class
 * @param deletionProtectionEnabled   new deletion protection
 * @param onDemandThroughput          new on-demand limits
 * @param warmThroughput              new warm throughput
 */
public record UpdateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions,
    String billingMode, ProvisionedThroughput provisionedThroughput,
    List<GlobalSecondaryIndexUpdate> globalSecondaryIndexUpdates, StreamSpecification streamSpecification,
    SSESpecification sseSpecification, String tableClass, Boolean deletionProtectionEnabled,
    OnDemandThroughput onDemandThroughput, WarmThroughput warmThroughput) {
}
