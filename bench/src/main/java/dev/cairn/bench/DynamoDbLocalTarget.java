package dev.cairn.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * DynamoDB Local 3.1.0 ({@code software.amazon.dynamodb:DynamoDBLocal} from Maven Central), in memory, with
 * telemetry disabled. Its runtime dependencies, with the sqlite4java native library, are copied once into
 * {@code bench/dynamodb-local/lib} by {@code mvn dependency:copy-dependencies} (offline first, then online).
 * It is started as {@code java -Djava.library.path=lib -cp 'lib/*' ...ServerRunner -inMemory -port N
 * -disableTelemetry}; it accepts any well-formed credentials. It has no bind-address option and listens on all
 * interfaces; the harness only connects to 127.0.0.1.
 */
public final class DynamoDbLocalTarget implements Target {
  /** The name in reports. */
  public static final String NAME = "dynamodb-local";
  /** How long DynamoDB Local may take to answer its first request. */
  public static final long START_TIMEOUT_MILLIS = 60_000;
  static final String MAIN = "software.amazon.dynamodb.services.local.main.ServerRunner";

  private final Path home;
  private final Path work;
  private final List<String> jvmArgs;
  private ManagedProcess process;

  /**
   * @param home    {@code bench/dynamodb-local} (holds the pom that names the artifact, and {@code lib/})
   * @param work    folder for the log
   * @param jvmArgs extra JVM options
   */
  public DynamoDbLocalTarget(Path home, Path work, List<String> jvmArgs) {
    this.home = home;
    this.work = work;
    this.jvmArgs = jvmArgs;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Copies DynamoDB Local's runtime dependencies into {@code lib/} unless they are there. */
  public static void ensureInstalled(Path home) throws IOException, InterruptedException {
    Path lib = home.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> s = Files.list(lib)) {
        if (s.anyMatch(p -> p.getFileName().toString().startsWith("DynamoDBLocal-"))) {
          return;
        }
      }
    }
    List<String> base = List.of("mvn", "-B", "-q", "-f", home.resolve("pom.xml").toString(),
        "dependency:copy-dependencies", "-DoutputDirectory=" + lib);
    try {
      List<String> offline = new ArrayList<>(base);
      offline.add(1, "-o");
      PgTools.run(offline, 300);
    } catch (IOException e) {
      System.err.println("[bench] fetching DynamoDB Local from Maven Central");
      PgTools.run(base, 600);
    }
  }

  @Override
  public Endpoint start() throws Exception {
    ensureInstalled(home);
    Files.createDirectories(work);
    int port = CairnTarget.freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(CairnTarget.javaBinary());
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-Djava.library.path=lib", "-cp", "lib/*", MAIN, "-inMemory", "-port",
        Integer.toString(port), "-disableTelemetry"));
    process = ManagedProcess.start("dynamodb-local", cmd, home, work.resolve("dynamodb-local.log"));
    Endpoint endpoint = new Endpoint(URI.create("http://127.0.0.1:" + port), null, "AKIABENCHLOCAL",
        "benchLocalSecret", "us-east-1");
    CairnTarget.awaitReady(endpoint, process, System.currentTimeMillis() + START_TIMEOUT_MILLIS);
    return endpoint;
  }

  @Override
  public LongSupplier cpuNanos() {
    ManagedProcess p = process;
    return p == null ? null : p::cpuNanos;
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }
}
