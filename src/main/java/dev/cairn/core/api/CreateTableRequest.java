package dev.cairn.core.api;

import java.util.List;

/**
 * CreateTable input, as decoded from the wire (members {@code null} when absent, lists kept in request
 * order). Global-table members ({@code GlobalTableSourceArn}, settings replication) are not modelled.
 * Source: DynamoDB API Reference, "CreateTable", Request Parameters.
 *
 * @param tableName                 3..255 characters of {@code [a-zA-Z0-9_.-]}; required
 * @param attributeDefinitions      exactly the attributes used by the table and index keys; required
 * @param keySchema                 one {@code HASH} element, optionally one {@code RANGE}; required
 * @param localSecondaryIndexes     at most 5; only on a table with a sort key
 * @param globalSecondaryIndexes    at most 20
 * @param billingMode               {@code PROVISIONED} (the default) or {@code PAY_PER_REQUEST}
 * @param provisionedThroughput     required when PROVISIONED, forbidden when PAY_PER_REQUEST
 * @param streamSpecification       optional
 * @param sseSpecification          optional
 * @param tags                      at most 50
 * @param tableClass                {@code STANDARD} (default) or {@code STANDARD_INFREQUENT_ACCESS}
 * @param deletionProtectionEnabled optional, default false
 * @param warmThroughput            optional
 * @param onDemandThroughput        optional, only with PAY_PER_REQUEST
 * @param resourcePolicy            optional policy document (JSON text), kept verbatim
 */
public record CreateTableRequest(String tableName, List<AttributeDefinition> attributeDefinitions,
    List<KeySchemaElement> keySchema, List<LocalSecondaryIndex> localSecondaryIndexes,
    List<GlobalSecondaryIndex> globalSecondaryIndexes, String billingMode,
    ProvisionedThroughput provisionedThroughput, StreamSpecification streamSpecification,
    SSESpecification sseSpecification, List<Tag> tags, String tableClass, Boolean deletionProtectionEnabled,
    WarmThroughput warmThroughput, OnDemandThroughput onDemandThroughput, String resourcePolicy) {
}
