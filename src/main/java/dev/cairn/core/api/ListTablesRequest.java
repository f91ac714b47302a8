package dev.cairn.core.api;

/**
 * ListTables input. Source: DynamoDB API Reference, "ListTables".
 *
 * @param limit                   maximum names to return, 1..100; {@code null} means 100
 * @param exclusiveStartTableName the {@code LastEvaluatedTableName} of a previous page, or {@code null}
 */
public record ListTablesRequest(Integer limit, String exclusiveStartTableName) {
}
