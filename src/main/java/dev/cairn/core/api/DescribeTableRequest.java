package dev.cairn.core.api;

/**
 * DescribeTable input. The name may also be the table's ARN (the service accepts it since resource-based policies).
 * Source: DynamoDB API Reference, "DescribeTable", Request Parameters.
 *
 * @param tableName required
 */
public record DescribeTableRequest(String tableName) {
}
