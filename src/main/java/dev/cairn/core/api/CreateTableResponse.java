package dev.cairn.core.api;

/**
 * CreateTable output: {@code {"TableDescription": {...}}}. Source: DynamoDB API Reference, "CreateTable", Response
 * Elements.
 */
public record CreateTableResponse(TableDescription tableDescription) {
}
