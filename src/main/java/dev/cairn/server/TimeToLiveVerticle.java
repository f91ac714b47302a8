package dev.cairn.server;

import dev.cairn.core.model.RuntimeSetting;
import dev.cairn.core.model.SettingsView;
import dev.cairn.engine.TimeToLiveSweeper;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the TTL sweeper every {@code ttl_sweep_interval_ms} (runtime setting; checked every {@value #CHECK_MS} ms,
 * so a change applies within a second) in the one process per database that holds the TTL leader lock; the others
 * try to take the lock at each interval, so one takes over within an interval when the sweeping process dies.
 */
public final class TimeToLiveVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TimeToLiveVerticle.class);

  private final TimeToLiveSweeper sweeper;
  private final SettingsView settings;
  static final long CHECK_MS = 1000;

  private long timer = -1;
  private boolean stopped;
  private long lastSweepMillis = System.currentTimeMillis();

  public TimeToLiveVerticle(TimeToLiveSweeper sweeper, SettingsView settings) {
    this.sweeper = sweeper;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    schedule();
    return Future.succeededFuture();
  }

  private void schedule() {
    if (!stopped) {
      timer = vertx.setTimer(CHECK_MS, id -> tick());
    }
  }

  private void tick() {
    if (System.currentTimeMillis() - lastSweepMillis < settings.getLong(RuntimeSetting.TTL_SWEEP_INTERVAL_MS)) {
      schedule();
      return;
    }
    lastSweepMillis = System.currentTimeMillis();
    sweeper.sweepIfLeader(System.currentTimeMillis() / 1000)
        .onComplete(ar -> {
          if (ar.failed()) {
            LOG.warn("TTL sweep failed: {}", ar.cause().toString());
          } else if (ar.result() > 0) {
            LOG.debug("TTL sweep deleted {} items", ar.result());
          }
          schedule();
        });
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return sweeper.release();
  }
}
