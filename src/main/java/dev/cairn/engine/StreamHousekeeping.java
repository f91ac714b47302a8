package dev.cairn.engine;

import dev.cairn.storage.StreamStore;
import io.vertx.core.Future;

/**
 * One pass of stream housekeeping for the stream worker: shard rollover after {@code periodMillis}, then trimming
 * of records older than 24 hours (Developer Guide, "DynamoDB Streams": records are kept for 24 hours).
 */
public final class StreamHousekeeping {
  private final StreamStore store;

  /** @param store the streams to roll over and trim */
  public StreamHousekeeping(StreamStore store) {
    this.store = store;
  }

  /** Batches of trimming per pass at most (so one pass stays short). */
  static final int MAX_TRIM_BATCHES = 20;

  /** Rolls over shards older than {@code periodMillis}, then trims; the number of shards rolled. */
  public Future<Integer> runOnce(long periodMillis) {
    return store.rollOver(periodMillis).compose(rolled -> trim(MAX_TRIM_BATCHES).map(x -> rolled));
  }

  private Future<Void> trim(int batches) {
    return store.trim().compose(n -> n > 0 && batches > 1 ? trim(batches - 1) : Future.succeededFuture());
  }
}
