package dev.cairn.core.api;

/**
 * One key attribute and its scalar type, as in CreateTable and UpdateTable input and in a table description.
 * Both members are raw wire strings ({@code null} when absent) so the validator can quote them back.
 * Source: DynamoDB API Reference, Data Types, "AttributeDefinition".
 *
 * @param attributeName 1..255 characters
 * @param attributeType {@code S}, {@code N} or {@code B}
 */
public record AttributeDefinition(String attributeName, String attributeType) {
}
