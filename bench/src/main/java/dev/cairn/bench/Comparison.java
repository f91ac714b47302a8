package dev.cairn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One whole comparison: starts the chosen targets (Cairn, DynamoDB Local) once, prepares each workload on
 * each target (tables, preload), then for every workload and concurrency measures the targets one after the
 * other, round after round, so slow drifts of the shared machine fall on all of them alike. The PostgreSQL
 * ceiling runs in the same rotation with pgbench. Writes {@code results.md} and {@code results.json} into
 * the results folder; logs, scripts and credentials stay in the work folder.
 *
 * <p>A workload a target cannot run is recorded as "n/a (&lt;__type&gt;)" and the run goes on; a target that
 * does not start is recorded as n/a for everything. Every target is stopped at the end, also on failure.
 */
public final class Comparison {
  /**
   * What to compare.
   *
   * @param targets       target names in rotation order
   * @param kinds         workloads
   * @param concurrencies worker counts
   * @param rate          open-loop total rate, 0 for closed loop (the ceiling always runs closed)
   * @param targetWarmupMillis closed-loop ListTables right after a server starts (JIT), not recorded
   * @param warmupMillis  warm-up per measurement
   * @param measureMillis measured window per measurement
   * @param rounds        how many times the rotation repeats
   * @param items         key space / preload size
   * @param itemBytes     item size
   * @param gsi           tables with a GSI
   * @param streams       tables with a stream
   * @param cairnJar      Cairn's fat jar
   * @param cairnDb       Cairn's database (re-created)
   * @param ceilingDb     the ceiling's database (re-created)
   * @param ddbLocalHome  {@code bench/dynamodb-local}
   * @param serverJvmArgs JVM options for the servers
   * @param resultsDir    where the report goes
   * @param workDir       where logs and data go
   */
  public record Plan(List<String> targets, List<Workload.Kind> kinds, List<Integer> concurrencies, double rate,
      long targetWarmupMillis, long warmupMillis, long measureMillis, int rounds, int items, int itemBytes, boolean gsi, boolean streams,
      Path cairnJar, PgTools cairnDb, PgTools ceilingDb, Path ddbLocalHome, List<String> serverJvmArgs,
      Path resultsDir, Path workDir) {
  }

  private final Plan plan;
  private final List<RunResult> results = new ArrayList<>();

  public Comparison(Plan plan) {
    this.plan = plan;
  }

  /** Timestamp used for folder names: {@code 2026-11-23T09-30-00Z}. */
  public static String timestamp() {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
  }

  /** Runs everything and writes the report; returns the results. */
  public List<RunResult> run(Map<String, Object> meta) throws Exception {
    Map<String, Target> started = new LinkedHashMap<>();
    Map<String, Endpoint> endpoints = new HashMap<>();
    Map<String, String> startFailures = new HashMap<>();
    PgCeiling ceiling = null;
    meta.put("loadavg_start", loadAverage());
    try {
      for (String name : plan.targets()) {
        if (name.equals(PgCeiling.NAME)) {
          ceiling = new PgCeiling(plan.ceilingDb(), plan.workDir().resolve("ceiling"));
          continue;
        }
        Target t = newTarget(name);
        started.put(name, t);
        log("starting " + name);
        try {
          endpoints.put(name, t.start());
          log(name + " ready at " + endpoints.get(name).uri());
          if (name.startsWith(CairnTarget.NAME)) {
            String check = signatureCheck(endpoints.get(name));
            log("SigV4 check on " + name + ": " + check);
            meta.put("sigv4_check_" + name, check);
          }
          if (plan.targetWarmupMillis() > 0) {
            log("warming up " + name + " (" + plan.targetWarmupMillis() / 1000 + " s of ListTables, not recorded)");
            LoadRunner.run(name, endpoints.get(name), new Workload(Workload.Kind.LISTTABLES, false, false, 1, 64),
                new LoadRunner.Settings(4, 0, 0, plan.targetWarmupMillis()), null);
          }
        } catch (Exception e) {
          log(name + " did not start: " + e.getMessage());
          startFailures.put(name, "n/a (start failed: " + firstLine(e.getMessage()) + ")");
          t.close();
        }
      }
      for (Workload.Kind kind : plan.kinds()) {
        Workload w = new Workload(kind, plan.gsi(), plan.streams(), plan.items(), plan.itemBytes());
        Map<String, String> unsupported = new HashMap<>(startFailures);
        for (String name : plan.targets()) {
          if (unsupported.containsKey(name)) {
            continue;
          }
          String why = name.equals(PgCeiling.NAME) ? prepareCeiling(ceiling, w) : prepare(name, endpoints.get(name), w);
          if (why != null) {
            unsupported.put(name, why);
          }
        }
        for (int c : plan.concurrencies()) {
          for (int round = 0; round < plan.rounds(); round++) {
            for (String name : plan.targets()) {
              results.add(measure(name, w, c, endpoints.get(name), started.get(name), ceiling, unsupported));
              writeReport(meta); // a partial report survives an interrupted run
            }
          }
        }
      }
    } finally {
      for (Target t : started.values()) {
        log("stopping " + t.name());
        t.close();
      }
      if (ceiling != null) {
        ceiling.close();
      }
      meta.put("loadavg_end", loadAverage());
      writeReport(meta);
    }
    return results;
  }

  private RunResult measure(String name, Workload w, int c, Endpoint endpoint, Target target, PgCeiling ceiling,
      Map<String, String> unsupported) throws InterruptedException {
    String mode = name.equals(PgCeiling.NAME) || plan.rate() <= 0 ? "closed" : "open";
    Double rate = mode.equals("open") ? plan.rate() : null;
    if (unsupported.containsKey(name)) {
      return RunResult.unsupported(name, w.label(), c, mode, rate, unsupported.get(name));
    }
    log(name + " " + w.label() + " c=" + c + " (" + plan.warmupMillis() / 1000 + " s warm-up, "
        + plan.measureMillis() / 1000 + " s)");
    RunResult r;
    try {
      if (name.equals(PgCeiling.NAME)) {
        r = ceiling.run(w, c, plan.warmupMillis(), plan.measureMillis());
      } else {
        r = LoadRunner.run(name, endpoint, w,
            new LoadRunner.Settings(c, rate == null ? 0 : rate, plan.warmupMillis(), plan.measureMillis()),
            target.cpuNanos());
      }
    } catch (IOException e) {
      log(name + " " + w.label() + " failed: " + e.getMessage());
      return RunResult.unsupported(name, w.label(), c, mode, rate, "failed: " + firstLine(e.getMessage()));
    }
    log(String.format(java.util.Locale.ROOT, "  %.0f ops/s, p50 %s ms, p99 %s ms, errors %d", r.opsPerSec(),
        r.p50() == null ? "-" : Report.fmt(r.p50() / 1000, 3), r.p99() == null ? "-" : Report.fmt(r.p99() / 1000, 3),
        r.errorCount()));
    return r;
  }

  /** Creates and preloads the workload's table and probes one request; returns why it cannot run, or null. */
  String prepare(String name, Endpoint endpoint, Workload w) {
    Loader loader = new Loader(endpoint, 4);
    Workload.TableSpec t = w.table();
    try {
      if (t != null) {
        Set<String> done = prepared.computeIfAbsent(name, k -> new HashSet<>());
        if (!done.contains(t.name())) {
          log(name + ": creating " + t.name());
          loader.createTable(t);
          done.add(t.name());
        }
        if (w.kind().needsPreload && !done.contains(t.name() + "+data")) {
          long start = System.nanoTime();
          long n = loader.preload(w, t);
          log(name + ": preloaded " + n + " items in " + (System.nanoTime() - start) / 1_000_000 + " ms");
          done.add(t.name() + "+data");
        }
      }
      Workload.Request probe = w.source(42).next();
      loader.call(probe.action(), new String(probe.body(), StandardCharsets.UTF_8));
      return null;
    } catch (Loader.TargetException e) {
      log(name + " cannot run " + w.label() + ": " + e.getMessage());
      return "UnknownOperationException".equals(e.type) ? "n/a (UnknownOperationException)"
          : "n/a (" + firstLine(e.getMessage()) + ")";
    } catch (Exception e) {
      log(name + " cannot run " + w.label() + ": " + e);
      return "n/a (" + firstLine(String.valueOf(e.getMessage())) + ")";
    }
  }

  private final Map<String, Set<String>> prepared = new HashMap<>();

  /**
   * Proves the signer against a server that verifies signatures: a correctly signed ListTables must answer
   * 200 and one signed with a wrong secret must be refused.
   */
  static String signatureCheck(Endpoint e) {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Endpoint wrong = new Endpoint(e.uri(), e.caBundle(), e.accessKey(), e.secretKey() + "x", e.region());
    try (DynamoConnection good = new DynamoConnection(e); DynamoConnection bad = new DynamoConnection(wrong)) {
      HttpResponseReader.Response ok = good.call("ListTables", body);
      HttpResponseReader.Response refused = bad.call("ListTables", body);
      boolean pass = ok.status() == 200 && refused.status() != 200;
      return (pass ? "ok" : "FAILED") + ": signed " + ok.status() + ", wrong secret " + refused.status() + " "
          + LoadRunner.errorType(refused.status(), refused.body());
    } catch (IOException ex) {
      return "FAILED: " + ex.getMessage();
    }
  }

  private String prepareCeiling(PgCeiling ceiling, Workload w) {
    String why = PgCeiling.unsupportedReason(plan.gsi(), plan.streams());
    if (why != null) {
      return why;
    }
    try {
      ceiling.prepare(w);
      return null;
    } catch (Exception e) {
      log("ceiling cannot run " + w.label() + ": " + e.getMessage());
      return "n/a (" + firstLine(String.valueOf(e.getMessage())) + ")";
    }
  }

  private Target newTarget(String name) {
    switch (name) {
      case CairnTarget.NAME:
        return new CairnTarget(plan.cairnJar(), plan.cairnDb(), plan.workDir().resolve("cairn"), plan.serverJvmArgs());
      case CairnTarget.NAME_TWO_PROCESSES:
        return new CairnTarget(plan.cairnJar(), plan.cairnDb().withDatabase(plan.cairnDb().database() + "_x2"),
            plan.workDir().resolve("cairn-x2"), plan.serverJvmArgs(), 2);
      case DynamoDbLocalTarget.NAME:
        return new DynamoDbLocalTarget(plan.ddbLocalHome(), plan.workDir().resolve("dynamodb-local"),
            plan.serverJvmArgs());
      default:
        throw new IllegalArgumentException("unknown target " + name + " (cairn, cairn-x2, dynamodb-local, "
            + PgCeiling.NAME + ")");
    }
  }

  private void writeReport(Map<String, Object> meta) {
    try {
      Report.write(plan.resultsDir(), meta, results);
    } catch (IOException e) {
      log("could not write the report: " + e.getMessage());
    }
  }

  /** {@code /proc/loadavg} (1, 5 and 15 minutes), or "unknown": the machine may be shared. */
  static String loadAverage() {
    try {
      String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }

  static void log(String s) {
    System.err.println("[bench " + DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneOffset.UTC).format(Instant.now())
        .substring(0, 8) + "] " + s);
  }
}
