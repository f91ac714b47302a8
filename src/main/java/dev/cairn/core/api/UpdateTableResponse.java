package dev.cairn.core.api;

/**
 * UpdateTable output: {@code {"TableDescription": {...}}}. Source: DynamoDB API Reference, "UpdateTable", Response
 * Elements.
 */
public record UpdateTableResponse(TableDescription tableDescription) {
}
