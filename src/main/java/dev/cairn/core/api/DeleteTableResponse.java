package dev.cairn.core.api;

/**
 * DeleteTable output: {@code {"TableDescription": {...}}}. Source: DynamoDB API Reference, "DeleteTable", Response
 * Elements.
 */
public record DeleteTableResponse(TableDescription tableDescription) {
}
