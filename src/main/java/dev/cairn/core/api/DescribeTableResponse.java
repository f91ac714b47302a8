package dev.cairn.core.api;

/**
 * DescribeTable output: {@code {"Table": {...}}}. Source: DynamoDB API Reference, "DescribeTable", Response
 * Elements.
 */
public record DescribeTableResponse(TableDescription table) {
}
