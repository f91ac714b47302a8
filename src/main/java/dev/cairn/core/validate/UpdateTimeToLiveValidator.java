package dev.cairn.core.validate;

import dev.cairn.core.api.TimeToLiveSpecification;
import dev.cairn.core.api.UpdateTimeToLiveRequest;

/**
 * UpdateTimeToLive constraints, all reported together: {@code tableName} (name or ARN),
 * {@code timeToLiveSpecification} required, its {@code attributeName} required and 1..255 characters, its
 * {@code enabled} required (the lab's captures show attributeName reported before enabled). The state texts
 * ("TimeToLive is already enabled", ...) are in {@link TableMessages}. Source: DynamoDB API Reference,
 * "UpdateTimeToLive", "TimeToLiveSpecification".
 */
public final class UpdateTimeToLiveValidator {
  private UpdateTimeToLiveValidator() {
  }

  /** @throws dev.cairn.core.error.DynamoException ValidationException listing every violated constraint */
  public static void validate(UpdateTimeToLiveRequest request) {
    ValidationErrors e = new ValidationErrors();
    TableConstraints.tableNameOrArn(e, request.tableName(), "tableName");
    TimeToLiveSpecification spec = request.timeToLiveSpecification();
    TableConstraints.notNull(e, spec, "timeToLiveSpecification");
    if (spec != null) {
      TableConstraints.notNull(e, spec.attributeName(), "timeToLiveSpecification.attributeName");
      TableConstraints.length(e, spec.attributeName(), "timeToLiveSpecification.attributeName", 1, 255);
      TableConstraints.notNull(e, spec.enabled(), "timeToLiveSpecification.enabled");
    }
    e.throwIfAny();
  }
}
