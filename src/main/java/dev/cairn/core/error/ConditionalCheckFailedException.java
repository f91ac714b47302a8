package dev.cairn.core.error;

import dev.cairn.core.model.AttributeValue;
import java.util.Map;

/**
 * {@code ConditionalCheckFailedException}: "The conditional request failed", carrying the item as it was when
 * the request set ReturnValuesOnConditionCheckFailure to ALL_OLD (the {@code Item} member of the error).
 * Source: API Reference, "PutItem" Errors and "ReturnValuesOnConditionCheckFailure".
 */
public final class ConditionalCheckFailedException extends DynamoException {
  public static final String MESSAGE = "The conditional request failed";

  private final Map<String, AttributeValue> item;

  public ConditionalCheckFailedException(Map<String, AttributeValue> item) {
    super(ErrorCode.CONDITIONAL_CHECK_FAILED, MESSAGE);
    this.item = item;
  }

  /** The item at the time of the check, or {@code null} when not asked for (or there was none). */
  public Map<String, AttributeValue> item() {
    return item;
  }
}
