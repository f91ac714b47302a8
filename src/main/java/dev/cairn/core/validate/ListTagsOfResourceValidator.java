package dev.cairn.core.validate;

import dev.cairn.core.api.ListTagsOfResourceRequest;

/**
 * ListTagsOfResource validation: {@code resourceArn} required, 1..1283 characters, then the ARN shape.
 * {@code NextToken} is not validated (the service ignores an invalid token). Source: DynamoDB API Reference,
 * "ListTagsOfResource".
 */
public final class ListTagsOfResourceValidator {
  private ListTagsOfResourceValidator() {
  }

  /** @throws dev.cairn.core.error.DynamoException ValidationException with the service's text */
  public static void validate(ListTagsOfResourceRequest request) {
    ValidationErrors e = new ValidationErrors();
    TableConstraints.notNull(e, request.resourceArn(), "resourceArn");
    TableConstraints.length(e, request.resourceArn(), "resourceArn", 1, 1283);
    e.throwIfAny();
    TableRules.resourceArn(request.resourceArn());
  }
}
