package dev.cairn.core.validate;

import dev.cairn.core.api.ListTablesRequest;

/**
 * ListTables constraints: {@code ExclusiveStartTableName} 3..255 characters of {@code [a-zA-Z0-9_.-]},
 * {@code Limit} 1..100. Source: DynamoDB API Reference, "ListTables", Request Parameters.
 */
public final class ListTablesValidator {
  private ListTablesValidator() {
  }

  /** @throws dev.cairn.core.error.DynamoException ValidationException listing every violated constraint */
  public static void validate(ListTablesRequest request) {
    new ValidationErrors()
        .tableName(request.exclusiveStartTableName(), "exclusiveStartTableName")
        .range(request.limit(), "limit", 1, 100)
        .throwIfAny();
  }
}
