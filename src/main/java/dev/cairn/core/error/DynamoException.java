package dev.cairn.core.error;

import java.util.Objects;

/**
 * An API error: an {@link ErrorCode} and the message the service would send.
 *
 * <p>Thrown anywhere below the gateway and turned into exactly one error response by {@code protocol}. The
 * stack trace is not filled in: these are expected outcomes, not bugs. Subclasses carry the extra members
 * some errors have on the wire (the old item of a failed condition, cancellation reasons).
 */
public class DynamoException extends RuntimeException {
  private final ErrorCode code;

  public DynamoException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code);
  }

  public ErrorCode code() {
    return code;
  }

  /** A {@code ValidationException} with the given text. */
  public static DynamoException validation(String message) {
    return new DynamoException(ErrorCode.VALIDATION, message);
  }

  /** A {@code ValidationException} with a formatted text (see {@link String#format}). */
  public static DynamoException validation(String format, Object... args) {
    return new DynamoException(ErrorCode.VALIDATION, String.format(format, args));
  }

  public static DynamoException of(ErrorCode code, String message) {
    return new DynamoException(code, message);
  }

  @Override
  public String toString() {
    return code.shortName() + ": " + getMessage();
  }
}
