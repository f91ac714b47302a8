package dev.cairn.core.api;

/**
 * DescribeContinuousBackups input. The name may also be the table's ARN (the service accepts it since resource-based policies).
 * Source: DynamoDB API Reference, "DescribeContinuousBackups", Request Parameters.
 *
 * @param tableName required
 */
public record DescribeContinuousBackupsRequest(String tableName) {
}
