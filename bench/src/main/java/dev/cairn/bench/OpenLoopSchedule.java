package dev.cairn.bench;

/**
 * The intended send times of one worker in an open-loop run. The total rate is split evenly over the workers
 * and the workers are phase-shifted, so together they send one request every {@code 1/rate} seconds. Latency
 * is measured from the intended send time, not from the moment the worker got round to sending: a worker
 * that falls behind sends at once and the wait it suffered counts as latency (the coordinated-omission
 * correction; Gil Tene, "How NOT to Measure Latency").
 *
 * <p>Immutable and pure: times are {@code System.nanoTime()} values supplied by the caller.
 */
public final class OpenLoopSchedule {
  private final long startNanos;
  private final long intervalNanos;
  private final double exactInterval;

  private OpenLoopSchedule(long startNanos, double exactInterval) {
    this.startNanos = startNanos;
    this.exactInterval = exactInterval;
    this.intervalNanos = (long) exactInterval;
  }

  /**
   * The schedule of worker {@code index} out of {@code workers} for a total rate.
   *
   * @param t0          the run's start ({@code System.nanoTime()})
   * @param ratePerSec  total requests per second over all workers, {@code > 0}
   * @param workers     number of workers, {@code >= 1}
   * @param index       this worker, {@code 0 <= index < workers}
   */
  public static OpenLoopSchedule forWorker(long t0, double ratePerSec, int workers, int index) {
    if (!(ratePerSec > 0) || workers < 1 || index < 0 || index >= workers) {
      throw new IllegalArgumentException("rate > 0, workers >= 1, 0 <= index < workers required");
    }
    double globalInterval = 1e9 / ratePerSec;
    return new OpenLoopSchedule(t0 + Math.round(index * globalInterval), globalInterval * workers);
  }

  /** The intended send time of this worker's {@code i}-th request (from 0). */
  public long intendedStart(long i) {
    return startNanos + Math.round(i * exactInterval);
  }

  /** The worker's interval between requests in nanoseconds (rounded down). */
  public long intervalNanos() {
    return intervalNanos;
  }

  /** How many of this worker's requests have an intended start in {@code [from, to)}. */
  public long countIn(long from, long to) {
    long n = 0;
    for (long i = firstAtOrAfter(from); intendedStart(i) < to; i++) {
      n++;
    }
    return n;
  }

  private long firstAtOrAfter(long t) {
    if (t <= startNanos) {
      return 0;
    }
    long i = Math.max(0, (long) Math.floor((t - startNanos) / exactInterval) - 1);
    while (intendedStart(i) < t) {
      i++;
    }
    return i;
  }
}
