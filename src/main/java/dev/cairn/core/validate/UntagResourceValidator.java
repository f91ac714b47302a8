package dev.cairn.core.validate;

import dev.cairn.core.api.UntagResourceRequest;
import dev.cairn.core.error.DynamoException;

/**
 * UntagResource validation: model constraints ({@code resourceArn} required, 1..1283 characters;
 * {@code tagKeys} required), then the ARN shape, then "Atleast one Tag Key needs to be provided as Input."
 * for an empty list, then more than 50 keys ("Number of Tags exceed ...", lab DDB-TABLE-108), then each key
 * ("The Tag Key provided is invalid, Key: " for an empty or malformed key). Texts confirmed (lab DDB-TABLE-457);
 * step order Cairn's. Source: DynamoDB API Reference, "UntagResource".
 */
public final class UntagResourceValidator {
  private UntagResourceValidator() {
  }

  /** @throws DynamoException ValidationException with the service's text */
  public static void validate(UntagResourceRequest request) {
    ValidationErrors e = new ValidationErrors();
    TableConstraints.notNull(e, request.resourceArn(), "resourceArn");
    TableConstraints.length(e, request.resourceArn(), "resourceArn", 1, 1283);
    TableConstraints.notNull(e, request.tagKeys(), "tagKeys");
    e.throwIfAny();
    TableRules.resourceArn(request.resourceArn());
    if (request.tagKeys().isEmpty()) {
      throw DynamoException.validation("Atleast one Tag Key needs to be provided as Input.");
    }
    if (request.tagKeys().size() > TableRules.MAX_TAGS) {
      throw TableMessages.tooManyTags();
    }
    for (String key : request.tagKeys()) {
      TableRules.tagKey(key);
    }
  }
}
