package dev.cairn.storage.postgres.embedded;

/**
 * The embedded PostgreSQL could not be prepared, started or stopped.
 *
 * <p>The message is written for an operator: it names the folder, file or process at fault and, when
 * PostgreSQL itself failed, ends with the last lines of {@code postgres.log}.
 */
public final class EmbeddedPostgresException extends RuntimeException {
  EmbeddedPostgresException(String message) {
    super(message);
  }

  EmbeddedPostgresException(String message, Throwable cause) {
    super(message, cause);
  }
}
