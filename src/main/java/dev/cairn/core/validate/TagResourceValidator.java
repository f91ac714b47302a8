package dev.cairn.core.validate;

import dev.cairn.core.api.TagResourceRequest;
import dev.cairn.core.error.DynamoException;

/**
 * TagResource validation: model constraints ({@code resourceArn} required, 1..1283 characters; {@code tags}
 * required), then the ARN shape ("ARNs must start with 'arn:'", no index ARNs), then "Atleast one Tag needs
 * to be provided as Input." for an empty list (the service's spelling), then the tag rules (at most 50;
 * key, {@code aws:} prefix, value, duplicates). Texts confirmed; the order of the semantic steps is Cairn's.
 * Source: DynamoDB API Reference, "TagResource"; Developer Guide, "Tagging restrictions".
 */
public final class TagResourceValidator {
  private TagResourceValidator() {
  }

  /** @throws DynamoException ValidationException with the service's text */
  public static void validate(TagResourceRequest request) {
    ValidationErrors e = new ValidationErrors();
    TableConstraints.notNull(e, request.resourceArn(), "resourceArn");
    TableConstraints.length(e, request.resourceArn(), "resourceArn", 1, 1283);
    TableConstraints.notNull(e, request.tags(), "tags");
    e.throwIfAny();
    TableRules.resourceArn(request.resourceArn());
    if (request.tags().isEmpty()) {
      throw DynamoException.validation("Atleast one Tag needs to be provided as Input.");
    }
    TableRules.tags(request.tags());
  }
}
