package dev.cairn.core.api;

/**
 * DescribeTimeToLive output: {@code {"TimeToLiveDescription": {...}}}. Source: DynamoDB API Reference,
 * "DescribeTimeToLive".
 */
public record DescribeTimeToLiveResponse(TimeToLiveDescription timeToLiveDescription) {
}
