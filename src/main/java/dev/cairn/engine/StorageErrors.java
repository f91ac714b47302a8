package dev.cairn.engine;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.storage.StorageException;

/** The one place where storage failures become API errors. */
public final class StorageErrors {
  private StorageErrors() {
  }

  /**
   * The API error for a failure; a {@link DynamoException} passes through. Storage internals are not put on
   * the wire: the caller logs the cause with the request id.
   */
  public static DynamoException toApiError(Throwable failure) {
    if (failure instanceof DynamoException de) {
      return de;
    }
    if (failure instanceof StorageException se) {
      return switch (se.kind()) {
        case CONFLICT -> DynamoException.of(ErrorCode.TRANSACTION_CONFLICT,
            "Transaction is ongoing for the item");
        case UNAVAILABLE -> DynamoException.of(ErrorCode.SERVICE_UNAVAILABLE, "Service Unavailable");
        default -> DynamoException.of(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
      };
    }
    return DynamoException.of(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
  }
}
