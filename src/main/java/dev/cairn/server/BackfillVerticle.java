package dev.cairn.server;

import dev.cairn.engine.IndexBackfill;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs pending GSI back-fills every {@value #INTERVAL_MS} ms, one pass at a time. Several processes may run it
 * on one database: each batch claims the index's position row with {@code FOR UPDATE SKIP LOCKED}, so work is
 * never done twice at once, and a restarted process resumes from the saved position.
 */
public final class BackfillVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(BackfillVerticle.class);
  static final long INTERVAL_MS = 500;

  private final IndexBackfill backfill;
  private long timer = -1;
  private boolean running;

  public BackfillVerticle(IndexBackfill backfill) {
    this.backfill = backfill;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(INTERVAL_MS, id -> pass());
    return Future.succeededFuture();
  }

  private void pass() {
    if (running) {
      return;
    }
    running = true;
    backfill.runOnce().onComplete(ar -> {
      running = false;
      if (ar.failed()) {
        LOG.warn("index back-fill pass failed: {}", ar.cause().toString());
      }
    });
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }
}
