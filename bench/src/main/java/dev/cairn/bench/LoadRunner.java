package dev.cairn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Drives one workload against one endpoint: a warm-up, then a measured window, both bounded by time.
 *
 * <p>Closed loop: {@code concurrency} threads, each with its own keep-alive connection, send the next request
 * as soon as the previous one is answered; latency is service time. Open loop ({@code rate > 0}): the same
 * threads send on an {@link OpenLoopSchedule} and latency counts from the intended send time, so a stalled
 * server shows up as latency rather than as fewer samples. Requests whose (intended) start falls in the
 * measured window are recorded; the warm-up's are discarded. In the open loop the window's schedule starts
 * afresh at the window's start, so a backlog left by the warm-up (a cold JIT) is not charged to the window.
 *
 * <p>Every thread stops by time: no request starts after the window, and a request in flight is bounded by
 * the socket read timeout. CPU: the generator's own process CPU time and, when given, the target process's,
 * sampled at the window's edges.
 */
public final class LoadRunner {
  /** Latencies above this are clamped into the histogram's top bucket (microseconds). */
  static final long MAX_TRACKABLE_MICROS = TimeUnit.SECONDS.toMicros(120);

  /**
   * What to run.
   *
   * @param concurrency   worker threads (one connection each)
   * @param rate          total requests per second for the open loop; {@code 0} for the closed loop
   * @param warmupMillis  warm-up duration
   * @param measureMillis measured duration
   */
  public record Settings(int concurrency, double rate, long warmupMillis, long measureMillis) {
    public Settings {
      if (concurrency < 1 || rate < 0 || warmupMillis < 0 || measureMillis < 1) {
        throw new IllegalArgumentException("concurrency >= 1, rate >= 0, durations >= 0 required");
      }
    }

    /** {@code open} or {@code closed}. */
    public String mode() {
      return rate > 0 ? "open" : "closed";
    }
  }

  private LoadRunner() {
  }

  /**
   * Runs and measures.
   *
   * @param targetName     name in the result
   * @param endpoint       where to send
   * @param workload       what to send
   * @param settings       how
   * @param targetCpuNanos the target process's cumulative CPU time, or {@code null} when unknown
   */
  public static RunResult run(String targetName, Endpoint endpoint, Workload workload, Settings settings,
      LongSupplier targetCpuNanos) throws InterruptedException {
    int n = settings.concurrency();
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long measureStart = t0 + TimeUnit.MILLISECONDS.toNanos(settings.warmupMillis());
    long end = measureStart + TimeUnit.MILLISECONDS.toNanos(settings.measureMillis());
    List<Worker> workers = new ArrayList<>(n);
    List<Thread> threads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      OpenLoopSchedule warm = settings.rate() > 0 ? OpenLoopSchedule.forWorker(t0, settings.rate(), n, i) : null;
      OpenLoopSchedule measured =
          settings.rate() > 0 ? OpenLoopSchedule.forWorker(measureStart, settings.rate(), n, i) : null;
      Worker w = new Worker(new DynamoConnection(endpoint.forWorker(i)), workload.source(0x9E3779B97F4A7C15L * (i + 1)),
          warm, measured, t0, measureStart, end);
      workers.add(w);
      Thread t = new Thread(w, "bench-worker-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    sleepUntil(measureStart);
    long genCpu0 = processCpuNanos();
    long tgtCpu0 = targetCpuNanos == null ? -1 : targetCpuNanos.getAsLong();
    sleepUntil(end);
    long genCpu1 = processCpuNanos();
    long tgtCpu1 = targetCpuNanos == null ? -1 : targetCpuNanos.getAsLong();
    long joinDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DynamoConnection.READ_TIMEOUT_MILLIS + 5_000);
    for (Thread t : threads) {
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
    }
    for (int i = 0; i < n; i++) {
      if (threads.get(i).isAlive()) {
        workers.get(i).connection.close();
        threads.get(i).interrupt();
      }
    }
    Histogram all = new Histogram(MAX_TRACKABLE_MICROS, 3);
    Map<String, Long> errors = new TreeMap<>();
    long requests = 0;
    long ok = 0;
    for (Worker w : workers) {
      all.add(w.histogram);
      requests += w.requests;
      ok += w.ok;
      w.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
      w.connection.close();
    }
    double seconds = settings.measureMillis() / 1000.0;
    Double genCpu = requests == 0 ? null : (genCpu1 - genCpu0) / 1000.0 / requests;
    Double tgtCpu = requests == 0 || tgtCpu0 < 0 || tgtCpu1 < 0 ? null : (tgtCpu1 - tgtCpu0) / 1000.0 / requests;
    boolean any = all.getTotalCount() > 0;
    return new RunResult(targetName, workload.label(), n, settings.mode(),
        settings.rate() > 0 ? settings.rate() : null, seconds, requests, ok / seconds, errors,
        any ? (double) all.getValueAtPercentile(50) : null, any ? (double) all.getValueAtPercentile(90) : null,
        any ? (double) all.getValueAtPercentile(99) : null, any ? (double) all.getValueAtPercentile(99.9) : null,
        any ? (double) all.getMaxValue() : null, genCpu, tgtCpu, null);
  }

  /** The generator's process CPU time (all threads, GC included) in nanoseconds, or -1 when unavailable. */
  static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }

  static void sleepUntil(long deadlineNanos) throws InterruptedException {
    long left;
    while ((left = deadlineNanos - System.nanoTime()) > 0) {
      if (left > 2_000_000) {
        Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left - 1_000_000)));
      } else {
        LockSupport.parkNanos(left);
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  /**
   * The {@code __type} of an error response without its namespace
   * ({@code com.amazonaws.dynamodb.v20120810#ResourceNotFoundException} gives
   * {@code ResourceNotFoundException}); {@code HTTP <status>} when the body has none.
   */
  static String errorType(int status, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    int i = text.indexOf("\"__type\"");
    if (i >= 0) {
      int colon = text.indexOf(':', i + 8);
      int q1 = colon < 0 ? -1 : text.indexOf('"', colon + 1);
      int q2 = q1 < 0 ? -1 : text.indexOf('"', q1 + 1);
      if (q2 > q1) {
        String type = text.substring(q1 + 1, q2);
        int hash = type.lastIndexOf('#');
        return hash >= 0 ? type.substring(hash + 1) : type;
      }
    }
    return "HTTP " + status;
  }

  private static final class Worker implements Runnable {
    final DynamoConnection connection;
    final Workload.Source source;
    final OpenLoopSchedule warmSchedule;
    final OpenLoopSchedule schedule;
    final long t0;
    final long measureStart;
    final long end;
    final Histogram histogram = new Histogram(MAX_TRACKABLE_MICROS, 3);
    final Map<String, Long> errors = new HashMap<>();
    long requests;
    long ok;

    Worker(DynamoConnection connection, Workload.Source source, OpenLoopSchedule warmSchedule,
        OpenLoopSchedule schedule, long t0, long measureStart, long end) {
      this.connection = connection;
      this.source = source;
      this.warmSchedule = warmSchedule;
      this.schedule = schedule;
      this.t0 = t0;
      this.measureStart = measureStart;
      this.end = end;
    }

    @Override
    public void run() {
      try {
        sleepUntil(t0);
        long i = 0;
        long w = 0;
        boolean warming = warmSchedule != null && measureStart > t0;
        while (!Thread.currentThread().isInterrupted()) {
          long intended;
          if (schedule != null) {
            // The measured window has its own schedule: a backlog built up while a cold server warmed up is
            // dropped at the window's start instead of being charged to the window's requests.
            intended = warming ? warmSchedule.intendedStart(w++) : -1;
            if (warming && (intended >= measureStart || System.nanoTime() >= measureStart)) {
              warming = false;
            }
            if (!warming) {
              intended = schedule.intendedStart(i++);
            }
            if (intended >= end) {
              return;
            }
            sleepUntil(intended);
          } else {
            intended = System.nanoTime();
            if (intended >= end) {
              return;
            }
          }
          Workload.Request req = source.next();
          String error = null;
          boolean ioError = false;
          try {
            HttpResponseReader.Response r = connection.call(req.action(), req.body());
            if (r.status() != 200) {
              error = errorType(r.status(), r.body());
            }
          } catch (IOException e) {
            connection.close();
            error = e.getClass().getSimpleName();
            ioError = true;
          }
          long done = System.nanoTime();
          if (intended >= measureStart) {
            requests++;
            histogram.recordValue(Math.min(MAX_TRACKABLE_MICROS, Math.max(0, (done - intended) / 1000)));
            if (error == null) {
              ok++;
            } else {
              errors.merge(error, 1L, Long::sum);
            }
          }
          if (ioError && done < end) {
            Thread.sleep(10); // a dead server must not turn the loop into a busy spin
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
