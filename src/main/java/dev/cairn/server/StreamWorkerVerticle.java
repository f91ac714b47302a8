package dev.cairn.server;

import dev.cairn.core.model.RuntimeSetting;
import dev.cairn.engine.StreamHousekeeping;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream housekeeping every {@value #INTERVAL_MS} ms, one pass at a time: rolls over shards older than the
 * runtime setting {@code stream_shard_rollover_ms} (a closed shard gets a child, ParentShardId) and trims records
 * older than 24 hours. Safe with several processes on one database: a rollover runs under the table's definition
 * lock and closes only shards still open; trimming deletes only what is old enough.
 */
public final class StreamWorkerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(StreamWorkerVerticle.class);
  static final long INTERVAL_MS = 1000;

  private final StreamHousekeeping housekeeping;
  private final LiveSettings settings;
  private long timer = -1;
  private boolean running;

  /**
   * @param housekeeping one pass of rollover and trimming
   * @param settings     live settings (read each pass: {@code stream_shard_rollover_ms})
   */
  public StreamWorkerVerticle(StreamHousekeeping housekeeping, LiveSettings settings) {
    this.housekeeping = housekeeping;
    this.settings = settings;
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
    long period = Long.parseLong(settings.get(RuntimeSetting.STREAM_SHARD_ROLLOVER_MS));
    housekeeping.runOnce(period).onComplete(ar -> {
      running = false;
      if (ar.failed()) {
        LOG.warn("stream housekeeping failed: {}", ar.cause().toString());
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
