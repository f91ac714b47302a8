package dev.cairn.storage.postgres;

import dev.cairn.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.ConnectException;

/**
 * The one place where PostgreSQL failures become {@link StorageException}s, by SQLSTATE class.
 * Source: PostgreSQL documentation, Appendix A "PostgreSQL Error Codes".
 */
public final class SqlStates {
  public static final String UNIQUE_VIOLATION = "23505";
  public static final String FOREIGN_KEY_VIOLATION = "23503";
  public static final String SERIALIZATION_FAILURE = "40001";
  public static final String DEADLOCK_DETECTED = "40P01";
  public static final String LOCK_NOT_AVAILABLE = "55P03";
  public static final String UNDEFINED_TABLE = "42P01";
  public static final String INVALID_CATALOG_NAME = "3D000";
  /** Raised by {@code cairn.check_table_version}: the table definition changed under a write. */
  public static final String STALE_DEFINITION = "CN001";

  private SqlStates() {
  }

  /** {@code f}, with a failure classified ({@link #classify}). */
  static <T> Future<T> classified(Future<T> f) {
    return f.recover(e -> Future.failedFuture(classify(e)));
  }

  /** Classifies any failure of the PG client; a {@link StorageException} passes through unchanged. */
  public static StorageException classify(Throwable failure) {
    if (failure instanceof StorageException se) {
      return se;
    }
    if (failure instanceof PgException pg) {
      String state = pg.getSqlState() == null ? "" : pg.getSqlState();
      StorageException.Kind kind = switch (state) {
        case UNIQUE_VIOLATION -> StorageException.Kind.ALREADY_EXISTS;
        case FOREIGN_KEY_VIOLATION, UNDEFINED_TABLE -> StorageException.Kind.NOT_FOUND;
        case SERIALIZATION_FAILURE, DEADLOCK_DETECTED, LOCK_NOT_AVAILABLE -> StorageException.Kind.CONFLICT;
        case STALE_DEFINITION -> StorageException.Kind.STALE_DEFINITION;
        default -> state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
            ? StorageException.Kind.UNAVAILABLE
            : StorageException.Kind.INTERNAL;
      };
      return new StorageException(kind, "SQLSTATE " + state + ": " + pg.getErrorMessage(), pg);
    }
    if (failure instanceof ConnectException || failure instanceof IOException
        || failure instanceof VertxException) {
      return new StorageException(StorageException.Kind.UNAVAILABLE, String.valueOf(failure.getMessage()), failure);
    }
    return new StorageException(StorageException.Kind.INTERNAL, String.valueOf(failure), failure);
  }
}
