package dev.cairn.core.api;

/**
 * Turns TTL on or off for a table; UpdateTimeToLive echoes it back. Source: DynamoDB API Reference, Data
 * Types, "TimeToLiveSpecification" (both members required; attribute name 1..255 characters).
 */
public record TimeToLiveSpecification(Boolean enabled, String attributeName) {
}
