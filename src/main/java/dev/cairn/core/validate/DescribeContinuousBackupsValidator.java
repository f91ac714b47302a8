package dev.cairn.core.validate;

import dev.cairn.core.api.DescribeContinuousBackupsRequest;

/**
 * DescribeContinuousBackups constraints: {@code TableName} is required and is either a table name (3..255 characters of
 * {@code [a-zA-Z0-9_.-]}) or a table ARN (up to 1024 characters). Whether the table exists is the engine's
 * check, after this one. Source: DynamoDB API Reference, "DescribeContinuousBackups", Request Parameters.
 */
public final class DescribeContinuousBackupsValidator {
  private DescribeContinuousBackupsValidator() {
  }

  /** @throws dev.cairn.core.error.DynamoException ValidationException listing every violated constraint */
  public static void validate(DescribeContinuousBackupsRequest request) {
    ValidationErrors e = new ValidationErrors();
    TableConstraints.tableNameOrArn(e, request.tableName(), "tableName");
    e.throwIfAny();
  }
}
