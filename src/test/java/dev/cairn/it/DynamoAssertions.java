package dev.cairn.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Assertions on DynamoDB errors as the SDK surfaces them: error code (short {@code __type}) and message. */
final class DynamoAssertions {
  private DynamoAssertions() {
  }

  /** Asserts the call fails with this error code and exact message; returns the exception. */
  static AwsServiceException assertDynamoError(String code, String message, Executable call) {
    AwsServiceException e = assertThrows(AwsServiceException.class, call);
    assertEquals(code, e.awsErrorDetails().errorCode(), () -> "error code of " + e);
    if (message != null) {
      assertEquals(message, e.awsErrorDetails().errorMessage(), () -> "message of " + e);
    }
    assertEquals(400, e.statusCode());
    return e;
  }
}
