package dev.cairn.storage;

/**
 * A storage failure in the storage seam's own vocabulary; the engine maps it to an API error in one place.
 * Database-specific details stay in the message and cause, never on the wire.
 */
public final class StorageException extends RuntimeException {
  /** The classes of failure the engine distinguishes. */
  public enum Kind {
    /** A unique key was violated (e.g. a name already taken). */
    ALREADY_EXISTS,
    /** A referenced row does not exist. */
    NOT_FOUND,
    /** Serialization failure or deadlock: the caller may retry. */
    CONFLICT,
    /** The database cannot be reached or is shutting down. */
    UNAVAILABLE,
    /** The table's definition changed since the caller read it: refresh it and plan the write again. */
    STALE_DEFINITION,
    /** Anything else: a bug or an unexpected database state. */
    INTERNAL
  }

  private final Kind kind;

  public StorageException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
