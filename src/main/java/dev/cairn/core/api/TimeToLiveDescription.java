package dev.cairn.core.api;

/**
 * TTL state of a table. Source: DynamoDB API Reference, Data Types, "TimeToLiveDescription".
 *
 * @param timeToLiveStatus {@code ENABLING}, {@code DISABLING}, {@code ENABLED} or {@code DISABLED}
 * @param attributeName    the TTL attribute; absent when TTL was never enabled
 */
public record TimeToLiveDescription(String timeToLiveStatus, String attributeName) {
}
