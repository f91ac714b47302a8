package dev.cairn.core.api;

/**
 * UpdateTimeToLive input. Source: DynamoDB API Reference, "UpdateTimeToLive", Request Parameters.
 *
 * @param tableName               required
 * @param timeToLiveSpecification required
 */
public record UpdateTimeToLiveRequest(String tableName, TimeToLiveSpecification timeToLiveSpecification) {
}
