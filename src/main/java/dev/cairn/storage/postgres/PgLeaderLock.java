package dev.cairn.storage.postgres;

import dev.cairn.storage.LeaderLock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;

/**
 * {@link LeaderLock} as a session-level PostgreSQL advisory lock ({@code pg_try_advisory_lock}) on a connection of
 * its own, outside the pools: PostgreSQL releases it when that connection ends, so a crashed process never keeps
 * it. The connection carries nothing else. Calls come from one verticle's context.
 */
final class PgLeaderLock implements LeaderLock {
  /** Advisory-lock class shared with migrations' and tables' keys (3233) but distinct from them. */
  private static final int LOCK_CLASS = 3234;

  private final Vertx vertx;
  private final PgConnectOptions options;
  private final int key;
  private PgConnection connection;
  private boolean held;

  PgLeaderLock(Vertx vertx, PgConnectOptions options, int key) {
    this.vertx = vertx;
    this.options = new PgConnectOptions(options).setPipeliningLimit(1).setCachePreparedStatements(false);
    this.key = key;
  }

  @Override
  public Future<Boolean> tryAcquire() {
    if (held && connection != null) {
      return Future.succeededFuture(true);
    }
    Future<PgConnection> conn = connection != null ? Future.succeededFuture(connection)
        : PgConnection.connect(vertx, options).map(c -> {
          connection = c;
          c.closeHandler(v -> {
            connection = null;
            held = false;
          });
          return c;
        });
    return conn.compose(c -> c.preparedQuery("SELECT pg_try_advisory_lock($1, $2)").execute(Tuple.of(LOCK_CLASS, key)))
        .map(rs -> {
          held = rs.iterator().next().getBoolean(0);
          return held;
        })
        .otherwise(e -> false);
  }

  @Override
  public Future<Void> release() {
    PgConnection c = connection;
    connection = null;
    held = false;
    return c == null ? Future.succeededFuture() : c.close().otherwiseEmpty();
  }
}
