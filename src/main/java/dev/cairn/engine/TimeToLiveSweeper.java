package dev.cairn.engine;

import dev.cairn.core.model.TimeToLive;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.LeaderLock;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.StreamIdentity;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TableStore;
import dev.cairn.storage.VersionedItem;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * One TTL sweep over every table with TTL enabled: first the pending computation of expiry times for items that
 * existed before TTL was enabled, then the deletion of expired items found through the expiry index, in bounded
 * batches. Each deletion goes through the normal delete statement (the compare-and-set delete of
 * {@link ItemStore#deleteIfCurrent}, which removes the index entries too; a batch's deletes are sent together,
 * {@link ItemStore#deleteIfVersions}, one commit) and only if the item is still the version found expired, so a
 * concurrent write that extends the TTL wins; the next sweep looks again. Expired items not yet swept are still
 * returned by reads, as in the service. On a table with a stream each deletion writes a REMOVE record whose
 * {@code userIdentity} is the service's ({@link StreamIdentity#TIME_TO_LIVE}). Source: Developer Guide, "Time to
 * Live (TTL)", "DynamoDB Streams and Time to Live".
 *
 * <p>Only one process per database sweeps ({@link #sweepIfLeader}: the TTL leader lock). Capacity: TTL deletions
 * consume no write capacity, and nothing here is metered.
 */
public final class TimeToLiveSweeper {
  /** Items deleted per batch (one read statement, then one statement batch of that many deletes). */
  public static final int BATCH = 100;
  /** Upper bound of batches per table and sweep, so one large table cannot starve the others. */
  public static final int MAX_BATCHES_PER_TABLE = 50;

  private final TableStore tables;
  private final ItemStore items;
  private final LeaderLock lock;
  /** When the last sweep started (epoch ms); touched only from the one verticle that runs the sweeper. */
  private long lastSweepMillis;

  /**
   * @param lock the lock electing the one sweeping process per database
   */
  public TimeToLiveSweeper(TableStore tables, ItemStore items, LeaderLock lock) {
    this.tables = tables;
    this.items = items;
    this.lock = lock;
  }

  /**
   * Sweeps once if this process holds (or can take) the TTL leader lock; otherwise does nothing.
   *
   * @return the number of items deleted
   */
  public Future<Integer> sweepIfLeader(long nowEpochSeconds) {
    return lock.tryAcquire().compose(leader -> leader ? sweepOnce(nowEpochSeconds) : Future.succeededFuture(0));
  }

  /**
   * Sweeps ({@link #sweepIfLeader}) when {@code intervalMillis} (runtime setting {@code ttl_sweep_interval_ms}) has
   * passed since the last sweep started; otherwise does nothing. Called every second, so a changed interval applies
   * within a second.
   *
   * @return the number of items deleted
   */
  public Future<Integer> sweepIfDue(long nowMillis, long intervalMillis) {
    if (nowMillis - lastSweepMillis < intervalMillis) {
      return Future.succeededFuture(0);
    }
    lastSweepMillis = nowMillis;
    return sweepIfLeader(nowMillis / 1000);
  }

  /** Gives up the leader lock (at shutdown), so another process takes over at once. */
  public Future<Void> release() {
    return lock.release();
  }

  /**
   * Sweeps once.
   *
   * @param nowEpochSeconds the current time in epoch seconds
   * @return the number of items deleted
   */
  public Future<Integer> sweepOnce(long nowEpochSeconds) {
    return tables.timeToLiveTables().compose(list -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (TableRecord t : list) {
        chain = chain.compose(total -> backfill(t, 0).compose(v -> sweep(t, nowEpochSeconds, 0, 0))
            .map(n -> total + n));
      }
      return chain;
    });
  }

  private Future<Void> backfill(TableRecord t, int batches) {
    if (batches >= MAX_BATCHES_PER_TABLE) {
      return Future.succeededFuture();
    }
    return tables.timeToLiveBackfillBatch(t, 500)
        .compose(n -> n > 0 ? backfill(t, batches + 1) : Future.succeededFuture());
  }

  private Future<Integer> sweep(TableRecord t, long now, int batches, int deleted) {
    if (batches >= MAX_BATCHES_PER_TABLE) {
      return Future.succeededFuture(deleted);
    }
    String attribute = t.definition().timeToLiveAttribute();
    return items.expired(t.ref(), now, TimeToLive.oldestDeletable(now), BATCH).compose(found -> {
      List<VersionedItem> due = new ArrayList<>(found.size());
      for (VersionedItem v : found) {
        if (TimeToLive.deletable(TimeToLive.expiry(v.item(), attribute), now)) {
          due.add(v);
        }
      }
      return items.deleteIfVersions(t, due, StreamIdentity.TIME_TO_LIVE).transform(ar -> {
        if (ar.failed() && ar.cause() instanceof StorageException se
            && se.kind() == StorageException.Kind.STALE_DEFINITION) {
          // A changed definition (TTL disabled, an index added...) is picked up by the next sweep.
          return Future.succeededFuture(deleted);
        }
        if (ar.failed()) {
          return Future.failedFuture(ar.cause());
        }
        int n = deleted + ar.result();
        return found.size() < BATCH ? Future.succeededFuture(n) : sweep(t, now, batches + 1, n);
      });
    });
  }
}
