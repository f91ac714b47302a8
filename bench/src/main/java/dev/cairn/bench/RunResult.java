package dev.cairn.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one measured run of one workload against one target, as written to the JSON report.
 * Latencies are in microseconds; CPU figures in microseconds of CPU per completed request; {@code null} where
 * not measured.
 *
 * @param target             target name ({@code cairn}, {@code dynamodb-local}, {@code postgres-ceiling})
 * @param workload           workload label, e.g. {@code put+gsi}
 * @param concurrency        worker threads (or pgbench clients)
 * @param mode               {@code closed} or {@code open}
 * @param targetRate         requested rate for open loop, else {@code null}
 * @param seconds            measured duration
 * @param requests           requests completed in the measured window (errors included)
 * @param opsPerSec          successful requests per second
 * @param errors             errors by {@code __type} (or exception class), counted in the measured window
 * @param p50                median latency
 * @param p90                90th percentile
 * @param p99                99th percentile
 * @param p999               99.9th percentile
 * @param max                maximum
 * @param generatorCpuMicros the load generator's own CPU per request
 * @param targetCpuMicros    the target process's CPU per request (its JVM only, not PostgreSQL)
 * @param unsupported        when set, the workload did not run and this says why (e.g.
 *                           {@code n/a (UnknownOperationException)}); the numbers are then meaningless
 */
public record RunResult(String target, String workload, int concurrency, String mode, Double targetRate,
    double seconds, long requests, double opsPerSec, Map<String, Long> errors, Double p50, Double p90, Double p99,
    Double p999, Double max, Double generatorCpuMicros, Double targetCpuMicros, String unsupported) {

  /** A placeholder for a workload the target does not support (yet). */
  public static RunResult unsupported(String target, String workload, int concurrency, String mode,
      Double rate, String why) {
    return new RunResult(target, workload, concurrency, mode, rate, 0, 0, 0, new TreeMap<>(), null, null, null,
        null, null, null, null, why);
  }

  /** Total errors. */
  public long errorCount() {
    return errors == null ? 0 : errors.values().stream().mapToLong(Long::longValue).sum();
  }
}
