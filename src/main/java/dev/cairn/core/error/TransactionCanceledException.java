package dev.cairn.core.error;

import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code TransactionCanceledException}: the whole transaction was cancelled; {@code CancellationReasons} holds
 * one reason per action in request order ({@code None} for the actions that did not cause it). The message lists
 * the codes: "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed,
 * None]" (the service's text, e.g. AWS Knowledge Center "Why is my TransactWriteItems API call failing").
 * Source: API Reference, "TransactWriteItems" Errors and "CancellationReason".
 */
public final class TransactionCanceledException extends DynamoException {
  /** Reason codes the service uses. */
  public static final String NONE = "None";
  public static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
  public static final String TRANSACTION_CONFLICT = "TransactionConflict";
  public static final String VALIDATION_ERROR = "ValidationError";
  /** The message of a TransactionConflict reason (the service's text for an item in another transaction). */
  public static final String CONFLICT_MESSAGE = "Transaction is ongoing for the item";

  /**
   * One reason.
   *
   * @param code    the reason code ({@code None}, {@code ConditionalCheckFailed}, ...)
   * @param message the message, or {@code null} ({@code None} has none)
   * @param item    the item as it was, only for a failed condition whose action asked for ALL_OLD
   */
  public record Reason(String code, String message, Map<String, AttributeValue> item) {
    public static final Reason NONE_REASON = new Reason(NONE, null, null);
  }

  private final List<Reason> reasons;

  public TransactionCanceledException(List<Reason> reasons) {
    super(ErrorCode.TRANSACTION_CANCELED, message(reasons));
    this.reasons = List.copyOf(reasons);
  }

  private static String message(List<Reason> reasons) {
    StringJoiner codes = new StringJoiner(", ", "[", "]");
    for (Reason r : reasons) {
      codes.add(r.code());
    }
    return "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes;
  }

  /** The reasons, one per action in request order. */
  public List<Reason> reasons() {
    return reasons;
  }
}
