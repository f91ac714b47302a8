package dev.cairn.core.api;

/**
 * DeleteTable input. The name may also be the table's ARN (the service accepts it since resource-based policies).
 * Source: DynamoDB API Reference, "DeleteTable", Request Parameters.
 *
 * @param tableName required
 */
public record DeleteTableRequest(String tableName) {
}
