package dev.cairn.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import org.junit.jupiter.api.function.Executable;

/** Domain assertions for the value-model tests. */
final class DynamoAssertions {
  private DynamoAssertions() {}

  /** Asserts that {@code call} throws a ValidationException with exactly {@code message}. */
  static void assertValidation(String message, Executable call) {
    DynamoException e = assertThrows(DynamoException.class, call);
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals(message, e.getMessage());
  }
}
