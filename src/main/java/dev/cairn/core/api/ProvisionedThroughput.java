package dev.cairn.core.api;

/**
 * Requested provisioned capacity of a table or global secondary index, in capacity units per second.
 * Members are {@code null} when absent. Source: DynamoDB API Reference, Data Types, "ProvisionedThroughput"
 * (both required, Long, minimum 1).
 */
public record ProvisionedThroughput(Long readCapacityUnits, Long writeCapacityUnits) {
}
