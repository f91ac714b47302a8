package dev.cairn.core.api;

/**
 * UpdateTimeToLive output: the accepted specification, {@code {"TimeToLiveSpecification": {...}}}. Source:
 * DynamoDB API Reference, "UpdateTimeToLive".
 */
public record UpdateTimeToLiveResponse(TimeToLiveSpecification timeToLiveSpecification) {
}
