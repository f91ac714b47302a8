package dev.cairn.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code cairn-bench} command line: {@code compare} (the whole comparison with a report), {@code run}
 * (one workload against one running endpoint) and {@code load} (create and preload a workload's table).
 */
@Command(name = "cairn-bench", mixinStandardHelpOptions = true,
    description = "Load generator and comparisons for Cairn (DynamoDB wire protocol on PostgreSQL).",
    subcommands = {BenchMain.Compare.class, BenchMain.Run.class, BenchMain.Load.class})
public final class BenchMain implements Runnable {
  /** Entry point; exits with the command's status. */
  public static void main(String[] args) {
    int rc = new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    System.exit(rc);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Options that shape a workload. */
  static final class WorkloadOptions {
    @Option(names = "--items", defaultValue = "10000", description = "key space and preload size (default ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--item-bytes", defaultValue = "1024", description = "item size in bytes (default ${DEFAULT-VALUE})")
    int itemBytes;

    @Option(names = "--gsi", description = "tables with a global secondary index")
    boolean gsi;

    @Option(names = "--streams", description = "tables with a stream (NEW_AND_OLD_IMAGES)")
    boolean streams;
  }

  /** Options naming one running endpoint; defaults from the AWS_* environment variables. */
  static final class EndpointOptions {
    @Option(names = "--endpoint", description = "endpoint URL (default $AWS_ENDPOINT_URL_DYNAMODB)")
    String endpoint = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");

    @Option(names = "--ca-bundle", description = "PEM CA bundle for HTTPS (default $AWS_CA_BUNDLE)")
    Path caBundle = System.getenv("AWS_CA_BUNDLE") == null ? null : Path.of(System.getenv("AWS_CA_BUNDLE"));

    @Option(names = "--access-key", description = "access key id (default $AWS_ACCESS_KEY_ID)")
    String accessKey = System.getenv("AWS_ACCESS_KEY_ID");

    @Option(names = "--secret-key", description = "secret access key (default $AWS_SECRET_ACCESS_KEY)")
    String secretKey = System.getenv("AWS_SECRET_ACCESS_KEY");

    @Option(names = "--region", description = "signing region (default $AWS_REGION or us-east-1)")
    String region = System.getenv("AWS_REGION") == null ? "us-east-1" : System.getenv("AWS_REGION");

    Endpoint endpoint() {
      if (endpoint == null || accessKey == null || secretKey == null) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "--endpoint, --access-key and --secret-key (or the AWS_* variables) are required");
      }
      URI uri = URI.create(endpoint);
      return new Endpoint(uri, "https".equals(uri.getScheme()) ? caBundle : null, accessKey, secretKey, region);
    }
  }

  /** Runs one workload against one endpoint and prints the result as JSON. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run one workload against a running endpoint and print the result.")
  static final class Run implements Callable<Integer> {
    @CommandLine.Mixin
    EndpointOptions target = new EndpointOptions();

    @CommandLine.Mixin
    WorkloadOptions workload = new WorkloadOptions();

    @Option(names = {"-w", "--workload"}, required = true,
        description = "listtables, put, get, update, query, mixed, batchwrite, transactwrite")
    String kind;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "1", description = "worker threads (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--rate", defaultValue = "0", description = "open loop at this total rate (req/s); 0: closed loop")
    double rate;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds (default ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--duration", defaultValue = "10", description = "measured seconds (default ${DEFAULT-VALUE})")
    double duration;

    @Option(names = "--load", description = "create the table and preload it first")
    boolean load;

    @Override
    public Integer call() throws Exception {
      WorkloadOptions o = workload == null ? new WorkloadOptions() : workload;
      Workload w = new Workload(Workload.Kind.parse(kind), o.gsi, o.streams, o.items, o.itemBytes);
      Endpoint e = target.endpoint();
      if (load && w.table() != null) {
        Loader loader = new Loader(e, 4);
        loader.createTable(w.table());
        if (w.kind().needsPreload) {
          loader.preload(w, w.table());
        }
      }
      RunResult r = LoadRunner.run("endpoint", e, w, new LoadRunner.Settings(concurrency, rate,
          Math.round(warmup * 1000), Math.round(duration * 1000)), null);
      System.out.println(new com.fasterxml.jackson.databind.ObjectMapper()
          .writerWithDefaultPrettyPrinter().writeValueAsString(r));
      return 0;
    }
  }

  /** Creates and preloads a workload's table on a running endpoint. */
  @Command(name = "load", mixinStandardHelpOptions = true,
      description = "Create a workload's table (waiting for ACTIVE) and preload its key space.")
  static final class Load implements Callable<Integer> {
    @CommandLine.Mixin
    EndpointOptions target = new EndpointOptions();

    @CommandLine.Mixin
    WorkloadOptions workload = new WorkloadOptions();

    @Option(names = {"-w", "--workload"}, required = true, description = "the workload whose table to load")
    String kind;

    @Option(names = "--threads", defaultValue = "4", description = "parallel connections (default ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
      WorkloadOptions o = workload == null ? new WorkloadOptions() : workload;
      Workload w = new Workload(Workload.Kind.parse(kind), o.gsi, o.streams, o.items, o.itemBytes);
      if (w.table() == null) {
        System.err.println("listtables needs no table");
        return 0;
      }
      Loader loader = new Loader(target.endpoint(), threads);
      loader.createTable(w.table());
      long n = loader.preload(w, w.table());
      System.err.println("loaded " + n + " items into " + w.table().name());
      return 0;
    }
  }

  /** The whole comparison: targets started here, workloads in rotation, a Markdown and JSON report. */
  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = "Start Cairn and DynamoDB Local, run the workloads on them and on the PostgreSQL ceiling "
          + "(pgbench), and write bench/results/<timestamp>/results.{md,json}.")
  static final class Compare implements Callable<Integer> {
    @CommandLine.Mixin
    WorkloadOptions workload = new WorkloadOptions();

    @Option(names = "--workloads", split = ",", defaultValue = "listtables,put,get,update,query,mixed,batchwrite,transactwrite",
        description = "comma-separated (default ${DEFAULT-VALUE})")
    List<String> workloads;

    @Option(names = "--targets", split = ",", defaultValue = "cairn,dynamodb-local,postgres-ceiling",
        description = "comma-separated, in rotation order: cairn, cairn-x2 (two Cairn processes on one database),"
            + " dynamodb-local, postgres-ceiling (default ${DEFAULT-VALUE})")
    List<String> targets;

    @Option(names = {"-c", "--concurrency"}, split = ",", defaultValue = "1,16",
        description = "comma-separated worker counts (default ${DEFAULT-VALUE})")
    List<Integer> concurrency;

    @Option(names = "--rate", defaultValue = "0",
        description = "open loop at this total rate (req/s) for the HTTP targets; 0: closed loop")
    double rate;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds (default ${DEFAULT-VALUE})")
    double warmup;

    @Option(names = "--duration", defaultValue = "10", description = "measured seconds (default ${DEFAULT-VALUE})")
    double duration;

    @Option(names = "--target-warmup", defaultValue = "20",
        description = "seconds of ListTables right after each server starts, not recorded (default ${DEFAULT-VALUE})")
    double targetWarmup;

    @Option(names = "--rounds", defaultValue = "1", description = "rotations per measurement (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--bench-dir", defaultValue = ".", description = "the bench/ folder (default: the current folder, or bench/ below it)")
    Path benchDir;

    @Option(names = "--cairn-jar", description = "Cairn's fat jar (default <bench-dir>/../target/cairn.jar)")
    Path cairnJar;

    @Option(names = "--postgres-url", defaultValue = "postgresql://postgres@127.0.0.1:5432/cairn_bench",
        description = "Cairn's database, dropped and re-created (default ${DEFAULT-VALUE})")
    String postgresUrl;

    @Option(names = "--ceiling-db", defaultValue = "cairn_bench_ceiling",
        description = "the ceiling's database on the same server, dropped and re-created (default ${DEFAULT-VALUE})")
    String ceilingDb;

    @Option(names = "--server-jvm-args", split = " ", defaultValue = "-Xmx1g",
        description = "JVM options for the servers (default ${DEFAULT-VALUE})")
    List<String> serverJvmArgs;

    @Option(names = "--results", description = "results root (default <bench-dir>/results)")
    Path results;

    @Override
    public Integer call() throws Exception {
      WorkloadOptions o = workload == null ? new WorkloadOptions() : workload;
      Path bench = benchDir.toAbsolutePath().normalize();
      if (!Files.isRegularFile(bench.resolve("dynamodb-local/pom.xml"))
          && Files.isRegularFile(bench.resolve("bench/dynamodb-local/pom.xml"))) {
        bench = bench.resolve("bench"); // started from the repository root
      }
      if (!Files.isRegularFile(bench.resolve("dynamodb-local/pom.xml"))) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            bench + " is not the bench/ folder (no dynamodb-local/pom.xml); use --bench-dir");
      }
      List<Workload.Kind> kinds = new ArrayList<>();
      for (String k : workloads) {
        kinds.add(Workload.Kind.parse(k));
      }
      String ts = Comparison.timestamp();
      Path resultsDir = (results == null ? bench.resolve("results") : results).resolve(ts);
      Path work = bench.resolve("target/runs").resolve(ts);
      PgTools cairnDb = PgTools.parse(postgresUrl);
      Comparison.Plan plan = new Comparison.Plan(targets, kinds, concurrency, rate, Math.round(targetWarmup * 1000),
          Math.round(warmup * 1000),
          Math.round(duration * 1000), rounds, o.items, o.itemBytes, o.gsi, o.streams,
          cairnJar == null ? bench.resolve("../target/cairn.jar").normalize() : cairnJar, cairnDb,
          cairnDb.withDatabase(ceilingDb), bench.resolve("dynamodb-local"), serverJvmArgs, resultsDir, work);
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("timestamp", ts);
      meta.put("command", "cairn-bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
      meta.put("git", gitDescribe(bench));
      meta.put("cpus", Runtime.getRuntime().availableProcessors());
      meta.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      meta.put("postgres", postgresVersion(cairnDb));
      meta.put("targets", String.join(",", targets));
      meta.put("concurrency", concurrency.toString());
      meta.put("mode", rate > 0 ? "open loop, " + rate + " req/s (ceiling: closed)" : "closed loop");
      meta.put("target_warmup_s", targetWarmup);
      meta.put("warmup_s", warmup);
      meta.put("measure_s", duration);
      meta.put("items", o.items);
      meta.put("item_bytes", o.itemBytes);
      meta.put("gsi", o.gsi);
      meta.put("streams", o.streams);
      Comparison.log("results: " + resultsDir + "  work: " + work);
      new Comparison(plan).run(meta);
      Comparison.log("wrote " + resultsDir.resolve("results.md"));
      return 0;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static String gitDescribe(Path bench) {
      try {
        return PgTools.run(List.of("git", "-C", bench.toString(), "describe", "--always", "--dirty"), 10).strip();
      } catch (Exception e) {
        return "unknown";
      }
    }

    private static String postgresVersion(PgTools db) {
      try {
        return db.withDatabase("postgres").psql("SHOW server_version").strip();
      } catch (Exception e) {
        return "unknown";
      }
    }
  }
}
