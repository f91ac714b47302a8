package dev.cairn.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one background pass every {@code intervalMs}, never two at once (a pass still running when the timer fires
 * is not overlapped; the tick is skipped). A failed pass is logged and the next one runs as usual. Used for the GSI
 * back-fill, stream housekeeping and the TTL sweeper; each pass is safe with several processes on one database
 * (see the engine class each one runs).
 */
public final class PeriodicWorkerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicWorkerVerticle.class);

  private final String name;
  private final long intervalMs;
  private final Supplier<Future<?>> pass;
  private final Supplier<Future<?>> onStop;
  private long timer = -1;
  private boolean running;

  /**
   * @param name       what the pass does, for the log
   * @param intervalMs ms between two ticks
   * @param pass       one pass
   * @param onStop     run when the verticle stops (e.g. giving up a lock), or {@code null}
   */
  public PeriodicWorkerVerticle(String name, long intervalMs, Supplier<Future<?>> pass, Supplier<Future<?>> onStop) {
    this.name = name;
    this.intervalMs = intervalMs;
    this.pass = pass;
    this.onStop = onStop;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(intervalMs, id -> tick());
    return Future.succeededFuture();
  }

  private void tick() {
    if (running) {
      return;
    }
    running = true;
    Future<?> f;
    try {
      f = pass.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    f.onComplete(ar -> {
      running = false;
      if (ar.failed()) {
        LOG.warn("{} failed: {}", name, ar.cause().toString());
      }
    });
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return onStop == null ? Future.succeededFuture() : onStop.get();
  }
}
