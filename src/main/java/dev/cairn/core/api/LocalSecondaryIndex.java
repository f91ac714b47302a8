package dev.cairn.core.api;

import java.util.List;

/**
 * A local secondary index requested by CreateTable: the table's partition key and another sort key.
 * Source: DynamoDB API Reference, Data Types, "LocalSecondaryIndex".
 *
 * @param indexName  3..255 characters of {@code [a-zA-Z0-9_.-]}
 * @param keySchema  exactly the table's {@code HASH} element and one {@code RANGE} element
 * @param projection required
 */
public record LocalSecondaryIndex(String indexName, List<KeySchemaElement> keySchema, Projection projection) {
}
