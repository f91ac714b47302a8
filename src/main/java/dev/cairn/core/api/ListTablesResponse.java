package dev.cairn.core.api;

import java.util.List;

/**
 * ListTables output: names in ascending order; {@code lastEvaluatedTableName} is present only when more names
 * may follow. Source: DynamoDB API Reference, "ListTables".
 */
public record ListTablesResponse(List<String> tableNames, String lastEvaluatedTableName) {
}
