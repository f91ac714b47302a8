package dev.cairn.engine;

import dev.cairn.storage.StreamStore;
import io.vertx.core.Future;

/**
 * One pass of stream housekeeping for the stream worker: shard rollover after {@code periodMillis}, then trimming
 * of records older than 24 hours (Developer Guide, "DynamoDB Streams": records are kept for 24 hours).
 */
public final class StreamHousekeeping {
  private final StreamStore store;

  public StreamHousekeeping(StreamStore store) {
    this.store = store;
  }

  /** Rolls over shards older than {@code periodMillis}, then trims one batch; the number of shards rolled. */
  public Future<Integer> runOnce(long periodMillis) {
    return store.rollOver(periodMillis).compose(rolled -> store.trim().map(trimmed -> rolled));
  }
}
