package dev.cairn.core.api;

import java.util.List;

/**
 * A global secondary index requested by CreateTable. Source: DynamoDB API Reference, Data Types,
 * "GlobalSecondaryIndex".
 *
 * @param indexName             3..255 characters of {@code [a-zA-Z0-9_.-]}
 * @param keySchema             1..8 elements: up to 4 {@code HASH} then up to 4 {@code RANGE}
 * @param projection            required
 * @param provisionedThroughput required when the table is PROVISIONED, forbidden when PAY_PER_REQUEST
 * @param onDemandThroughput    optional
 * @param warmThroughput        optional
 */
public record GlobalSecondaryIndex(String indexName, List<KeySchemaElement> keySchema, Projection projection,
    ProvisionedThroughput provisionedThroughput, OnDemandThroughput onDemandThroughput,
    WarmThroughput warmThroughput) {
}
