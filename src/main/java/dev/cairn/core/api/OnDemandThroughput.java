package dev.cairn.core.api;

/**
 * Maximum on-demand request units per second of a table or global secondary index; {@code -1} removes a
 * limit. Members are {@code null} when absent. Source: DynamoDB API Reference, Data Types,
 * "OnDemandThroughput".
 */
public record OnDemandThroughput(Long maxReadRequestUnits, Long maxWriteRequestUnits) {
}
