package dev.cairn.storage.postgres;

import dev.cairn.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Versioned catalog migrations: SQL files under {@code db/migration/} applied in order, each once, in one
 * transaction under an advisory lock so that several processes starting together migrate exactly once.
 */
public final class Migrations {
  /** The migrations in order; the last version is the schema version this build expects. */
  static final List<String> FILES = List.of("V1__catalog.sql", "V2__tables.sql", "V3__indexes.sql",
      "V4__ttl.sql", "V5__transactions.sql", "V6__streams.sql");

  /** Advisory lock key for migrations (any constant shared by all Cairn processes). */
  private static final long LOCK_KEY = 0x0ca1_2000_0001L;

  private Migrations() {
  }

  /**
   * The schema version this build expects: the highest {@code V<n>} of {@link #FILES}. Versions need not be
   * contiguous (branches number their migrations apart); each file is applied once when its version is missing.
   */
  public static int latestVersion() {
    int max = 0;
    for (String f : FILES) {
      max = Math.max(max, version(f));
    }
    return max;
  }

  /** The {@code n} of a file named {@code V<n>__name.sql}. */
  static int version(String file) {
    return Integer.parseInt(file.substring(1, file.indexOf("__")));
  }

  /**
   * Applies every migration the database lacks.
   *
   * @return the schema version after migrating
   * @throws StorageException (failed future) when the database holds a newer schema than this build knows
   */
  public static Future<Integer> migrate(Pool pool) {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock($1)")
        .execute(Tuple.of(LOCK_KEY))
        .compose(v -> conn.query("SET LOCAL client_min_messages = warning;"
            + " CREATE SCHEMA IF NOT EXISTS cairn; CREATE TABLE IF NOT EXISTS cairn.schema_version"
            + " (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
            .execute())
        .compose(v -> conn.query("SELECT version FROM cairn.schema_version").execute())
        .compose(rs -> {
          java.util.Set<Integer> applied = new java.util.HashSet<>();
          rs.forEach(r -> applied.add(r.getInteger(0)));
          int current = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
          if (current > latestVersion()) {
            return Future.failedFuture(new StorageException(StorageException.Kind.INTERNAL,
                "the database holds catalog schema version " + current + ", newer than this Cairn's "
                    + latestVersion() + "; upgrade Cairn", null));
          }
          Future<Void> chain = Future.succeededFuture();
          for (String file : FILES) {
            if (!applied.contains(version(file))) {
              chain = chain.compose(x -> apply(conn, file));
            }
          }
          return chain.map(x -> latestVersion());
        }))
        .recover(e -> Future.failedFuture(SqlStates.classify(e)));
  }

  private static Future<Void> apply(SqlConnection conn, String file) {
    int version = version(file);
    return conn.query(read(file)).execute()
        .compose(v -> conn.preparedQuery("INSERT INTO cairn.schema_version (version, name) VALUES ($1, $2)")
            .execute(Tuple.of(version, file)))
        .mapEmpty();
  }

  private static String read(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
