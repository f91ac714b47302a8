package dev.cairn.core.api;

/**
 * Requested pre-warmed throughput of a table or global secondary index, in units per second. Members are
 * {@code null} when absent. Source: DynamoDB API Reference, Data Types, "WarmThroughput".
 */
public record WarmThroughput(Long readUnitsPerSecond, Long writeUnitsPerSecond) {
}
