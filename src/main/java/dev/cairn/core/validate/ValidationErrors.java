package dev.cairn.core.validate;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects constraint violations of one request and raises them as the service does: one
 * {@code ValidationException} whose text is {@code "N validation error(s) detected: "} followed by the
 * violations joined with {@code "; "}, in the order the members were checked.
 * Source: the service's wire behaviour (Coral model validation), as documented by the SDKs' error samples.
 */
public final class ValidationErrors {
  /** Table and index names: 3..255 characters of {@code [a-zA-Z0-9_.-]}. */
  public static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

  /** Whether {@code value} matches {@link #NAME_PATTERN} (checked by hand: it runs on every request). */
  public static boolean isName(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
          || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The most violations one ValidationException lists. */
  public static final int MAX_REPORTED = 10;

  private final List<String> errors = new ArrayList<>();

  /**
   * Records that {@code value} at {@code member} failed {@code constraint}. A {@code null} value is written
   * unquoted ({@code Value null at 'keySchema' ...}), as the service does.
   */
  public ValidationErrors add(Object value, String member, String constraint) {
    String shown = value == null ? "null" : "'" + value + "'";
    errors.add("Value " + shown + " at '" + member + "' failed to satisfy constraint: " + constraint);
    return this;
  }

  /**
   * Records a violation the service words freely rather than as a member constraint, e.g. Query's "Cannot
   * specify the ProjectionExpression when choosing to get only the Count"; it still counts in the
   * {@code "N validation error(s) detected: "} head.
   */
  public ValidationErrors message(String text) {
    errors.add(text);
    return this;
  }

  /** Checks a table name: its pattern, then its length. {@code null} is not checked. */
  public ValidationErrors tableName(String value, String member) {
    if (value == null) {
      return this;
    }
    if (!isName(value)) {
      add(value, member, "Member must satisfy regular expression pattern: " + NAME_PATTERN);
    }
    if (value.length() < 3) {
      add(value, member, "Member must have length greater than or equal to 3");
    }
    if (value.length() > 255) {
      add(value, member, "Member must have length less than or equal to 255");
    }
    return this;
  }

  /**
   * Checks the table name of a data-plane action (the item actions): at least 1 character (the model's minimum since
   * TableName also takes an ARN), then the name pattern and at most 255 characters. An empty name reports only its
   * length. Captured for PutItem and UpdateItem in 2026 (conformance suite, error-messages/putItem.test.ts,
   * validation-ordering/updateItem.test.ts); API Reference, GetItem, TableName: "Minimum length of 1". A name of one
   * or two characters therefore reaches the table lookup (ResourceNotFoundException). {@code null} is not checked.
   */
  public ValidationErrors dataPlaneTableName(String value, String member) {
    if (value == null) {
      return this;
    }
    if (value.isEmpty()) {
      add(value, member, "Member must have length greater than or equal to 1");
      return this;
    }
    if (!isName(value)) {
      add(value, member, "Member must satisfy regular expression pattern: " + NAME_PATTERN);
    }
    if (value.length() > 255) {
      add(value, member, "Member must have length less than or equal to 255");
    }
    return this;
  }

  /** Checks that an integer lies in {@code [min, max]}. {@code null} is not checked. */
  public ValidationErrors range(Integer value, String member, long min, long max) {
    if (value == null) {
      return this;
    }
    if (value < min) {
      add(value, member, "Member must have value greater than or equal to " + min);
    } else if (value > max) {
      add(value, member, "Member must have value less than or equal to " + max);
    }
    return this;
  }

  /** Records a missing required member ({@code "Value null at 'member' failed ... must not be null"}). */
  public ValidationErrors required(Object value, String member) {
    if (value == null) {
      errors.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }
    return this;
  }

  /** Checks an enum member against the service's value set, written in the service's order. */
  public ValidationErrors enumValue(String value, String member, java.util.List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      add(value, member, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
    }
    return this;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /**
   * Throws the collected violations as one {@code ValidationException}, if there are any. Only the first
   * {@value #MAX_REPORTED} are reported and counted, as the service does (dynalite's CreateTable test with nine
   * empty GlobalSecondaryIndexes expects "10 validation errors detected" for 27 violations).
   */
  public void throwIfAny() {
    if (errors.isEmpty()) {
      return;
    }
    List<String> shown = errors.size() > MAX_REPORTED ? errors.subList(0, MAX_REPORTED) : errors;
    String head = shown.size() + (shown.size() == 1 ? " validation error detected: " : " validation errors detected: ");
    throw DynamoException.validation(head + String.join("; ", shown));
  }

  /** The envelope the service puts around a single violation. */
  public static final String ONE = "1 validation error detected: ";

  /**
   * The same error inside the single-violation envelope ({@code "1 validation error detected: " + text}) when it
   * is a ValidationException; any other error unchanged. PutItem, UpdateItem and DeleteItem report their
   * request-level checks this way (expressions, legacy parameters, ReturnValues, malformed numbers, duplicate set
   * members), while GetItem and the checks against the table's key schema answer bare. Captured from the service
   * in eu-west-2 and us-east-1, 2026-10 (conformance suite paritysuite/dynamodb-conformance,
   * tests/tier3/error-messages/{putItem,deleteItem,updateItem,valueLayers}.test.ts).
   */
  public static RuntimeException enveloped(RuntimeException e) {
    if (e instanceof DynamoException d && d.code() == ErrorCode.VALIDATION && d.getClass() == DynamoException.class
        && !d.getMessage().startsWith(ONE)) {
      return DynamoException.validation(ONE + d.getMessage());
    }
    return e;
  }
}
