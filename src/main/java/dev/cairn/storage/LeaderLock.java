package dev.cairn.storage;

import io.vertx.core.Future;

/**
 * A lock that at most one server process on a database holds at a time, for work that must run once per database
 * (the TTL sweeper). It is held until {@link #release()} or until the process or its database connection dies, at
 * which point another process can take it over.
 */
public interface LeaderLock {
  /** {@code true} when this process holds the lock, taking it if it is free. Never fails: trouble means false. */
  Future<Boolean> tryAcquire();

  /** Gives the lock up (closing what holds it); safe to call when not held. */
  Future<Void> release();
}
