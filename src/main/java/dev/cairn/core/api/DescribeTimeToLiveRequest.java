package dev.cairn.core.api;

/**
 * DescribeTimeToLive input. The name may also be the table's ARN (the service accepts it since resource-based policies).
 * Source: DynamoDB API Reference, "DescribeTimeToLive", Request Parameters.
 *
 * @param tableName required
 */
public record DescribeTimeToLiveRequest(String tableName) {
}
