package dev.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes a comparison as {@code results.md} (tables for people) and {@code results.json} (the same numbers
 * for tools): every run, then per workload and concurrency the ratios Cairn / DynamoDB Local and Cairn /
 * PostgreSQL ceiling of throughput (mean ops/s over the rounds) and of p99 latency (mean over the rounds).
 */
public final class Report {
  /** One row of the ratio table; a ratio is {@code null} when either side did not run. */
  public record Ratio(String workload, int concurrency, Double cairnOverDynamoDbLocalOps,
      Double cairnOverCeilingOps, Double cairnOverDynamoDbLocalP99, Double cairnOverCeilingP99) {
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Report() {
  }

  /** Ratios per (workload, concurrency), in the order the results first name them. */
  public static List<Ratio> ratios(List<RunResult> results) {
    Map<String, int[]> keys = new LinkedHashMap<>();
    for (RunResult r : results) {
      keys.putIfAbsent(r.workload() + "\u0000" + r.concurrency(), new int[] {r.concurrency()});
    }
    List<Ratio> out = new ArrayList<>();
    for (Map.Entry<String, int[]> k : keys.entrySet()) {
      String workload = k.getKey().substring(0, k.getKey().indexOf('\u0000'));
      int c = k.getValue()[0];
      Double cairnOps = mean(results, CairnTarget.NAME, workload, c, true);
      Double ddbOps = mean(results, DynamoDbLocalTarget.NAME, workload, c, true);
      Double pgOps = mean(results, PgCeiling.NAME, workload, c, true);
      Double cairnP99 = mean(results, CairnTarget.NAME, workload, c, false);
      Double ddbP99 = mean(results, DynamoDbLocalTarget.NAME, workload, c, false);
      Double pgP99 = mean(results, PgCeiling.NAME, workload, c, false);
      out.add(new Ratio(workload, c, div(cairnOps, ddbOps), div(cairnOps, pgOps), div(cairnP99, ddbP99),
          div(cairnP99, pgP99)));
    }
    return out;
  }

  private static Double mean(List<RunResult> results, String target, String workload, int c, boolean ops) {
    OptionalDouble m = results.stream()
        .filter(r -> r.target().equals(target) && r.workload().equals(workload) && r.concurrency() == c
            && r.unsupported() == null && r.requests() > 0)
        .mapToDouble(r -> ops ? r.opsPerSec() : (r.p99() == null ? Double.NaN : r.p99()))
        .filter(d -> !Double.isNaN(d))
        .average();
    return m.isPresent() ? m.getAsDouble() : null;
  }

  private static Double div(Double a, Double b) {
    return a == null || b == null || b == 0 ? null : a / b;
  }

  /** Writes both files into {@code dir}. */
  public static void write(Path dir, Map<String, Object> meta, List<RunResult> results) throws IOException {
    Files.createDirectories(dir);
    List<Ratio> ratios = ratios(results);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("meta", meta);
    json.put("results", results);
    json.put("ratios", ratios);
    Files.writeString(dir.resolve("results.json"), JSON.writeValueAsString(json), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results.md"), markdown(meta, results, ratios), StandardCharsets.UTF_8);
  }

  /** The Markdown report. */
  public static String markdown(Map<String, Object> meta, List<RunResult> results, List<Ratio> ratios) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Cairn benchmark ").append(meta.getOrDefault("timestamp", "")).append("\n\n");
    for (Map.Entry<String, Object> m : meta.entrySet()) {
      sb.append("- ").append(m.getKey()).append(": `").append(m.getValue()).append("`\n");
    }
    sb.append("\nLatencies in milliseconds; CPU in microseconds per request (generator: the load generator's "
        + "process, or pgbench; server: the target's JVM, PostgreSQL not included). ops/s counts successful "
        + "requests only.\n\n");
    sb.append("| workload | conc | mode | target | ops/s | p50 | p90 | p99 | p99.9 | max | errors | "
        + "gen CPU µs/req | server CPU µs/req |\n");
    sb.append("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
    for (RunResult r : results) {
      sb.append("| ").append(r.workload()).append(" | ").append(r.concurrency()).append(" | ")
          .append(r.mode()).append(r.targetRate() == null ? "" : " " + fmt(r.targetRate(), 0) + "/s")
          .append(" | ").append(r.target()).append(" | ");
      if (r.unsupported() != null) {
        sb.append(r.unsupported()).append(" | | | | | | | | |\n");
        continue;
      }
      sb.append(fmt(r.opsPerSec(), 0)).append(" | ").append(ms(r.p50())).append(" | ").append(ms(r.p90()))
          .append(" | ").append(ms(r.p99())).append(" | ").append(ms(r.p999())).append(" | ").append(ms(r.max()))
          .append(" | ").append(errors(r)).append(" | ").append(fmt(r.generatorCpuMicros(), 1)).append(" | ")
          .append(fmt(r.targetCpuMicros(), 1)).append(" |\n");
    }
    StringBuilder busy = new StringBuilder();
    for (RunResult r : results) {
      double cores = generatorCores(r);
      if (cores >= GENERATOR_CORES_WARNING) {
        busy.append("- ").append(r.workload()).append(" c=").append(r.concurrency()).append(" on ")
            .append(r.target()).append(": ").append(fmt(cores, 2)).append(" cores\n");
      }
    }
    if (busy.length() > 0) {
      sb.append("\nThe load generator itself used at least ").append(fmt(GENERATOR_CORES_WARNING, 1))
          .append(" CPU cores in these rows, so it competed with the target for the machine:\n\n").append(busy);
    }
    sb.append("\n## Ratios\n\nThroughput ratio above 1: Cairn is faster. Latency ratio above 1: Cairn is slower.\n\n");
    sb.append("| workload | conc | Cairn / DynamoDB Local (ops/s) | Cairn / ceiling (ops/s) | "
        + "Cairn / DynamoDB Local (p99) | Cairn / ceiling (p99) |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    for (Ratio q : ratios) {
      sb.append("| ").append(q.workload()).append(" | ").append(q.concurrency()).append(" | ")
          .append(ratio(q.cairnOverDynamoDbLocalOps(), results, q, DynamoDbLocalTarget.NAME)).append(" | ")
          .append(ratio(q.cairnOverCeilingOps(), results, q, PgCeiling.NAME)).append(" | ")
          .append(ratio(q.cairnOverDynamoDbLocalP99(), results, q, DynamoDbLocalTarget.NAME)).append(" | ")
          .append(ratio(q.cairnOverCeilingP99(), results, q, PgCeiling.NAME)).append(" |\n");
    }
    return sb.toString();
  }

  /** A ratio, or the reason it is missing (the n/a text of whichever side did not run). */
  private static String ratio(Double value, List<RunResult> results, Ratio q, String other) {
    if (value != null) {
      return fmt(value, 2);
    }
    for (String t : new String[] {CairnTarget.NAME, other}) {
      for (RunResult r : results) {
        if (r.target().equals(t) && r.workload().equals(q.workload()) && r.concurrency() == q.concurrency()
            && r.unsupported() != null) {
          return t + ": " + r.unsupported();
        }
      }
    }
    return "n/a";
  }

  /** Rows where the generator used at least this many cores are listed under the table. */
  static final double GENERATOR_CORES_WARNING = 0.5;

  /** CPU cores the generator used during a row: CPU per request times requests per second. */
  static double generatorCores(RunResult r) {
    if (r.generatorCpuMicros() == null || r.seconds() <= 0) {
      return 0;
    }
    return r.generatorCpuMicros() * r.requests() / r.seconds() / 1e6;
  }

  private static String errors(RunResult r) {
    if (r.errorCount() == 0) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    r.errors().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
    return sb.toString();
  }

  private static String ms(Double micros) {
    return micros == null ? "" : fmt(micros / 1000.0, micros < 10_000 ? 3 : 1);
  }

  static String fmt(Double v, int decimals) {
    return v == null ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
