package dev.cairn.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cairn from its fat jar, on a fresh data directory and a fresh database (dropped and re-created first), so
 * the first start prints the access key and CA bundle as {@code export AWS_...=} lines; they are parsed from
 * the log and kept in {@code <work>/cairn-credentials.env} (mode 0600). Listens on 127.0.0.1 only, HTTPS,
 * no plain-HTTP port. The database is dropped again when Cairn has stopped.
 *
 * <p>With {@code processes} above 1 (target {@value #NAME_TWO_PROCESSES}), further Cairn processes are started on
 * the same data directory and database, each on its own port, once the first is ready; the load generator
 * spreads its workers over them (the scale-out run: nothing in Cairn may serialize across processes).
 */
public final class CairnTarget implements Target {
  /** The name in reports. */
  public static final String NAME = "cairn";
  /** The name in reports of two Cairn processes on one database. */
  public static final String NAME_TWO_PROCESSES = "cairn-x2";
  /** How long the first start (catalog migration, key creation) may take. */
  public static final long START_TIMEOUT_MILLIS = 120_000;
  private static final Pattern EXPORT = Pattern.compile("^export (AWS_[A-Z_]+)=(.*)$", Pattern.MULTILINE);

  private final Path jar;
  private final PgTools database;
  private final Path work;
  private final List<String> jvmArgs;
  private final int processes;
  private final List<ManagedProcess> started = new ArrayList<>();
  private ManagedProcess process;

  /**
   * @param jar      {@code target/cairn.jar}
   * @param database the PostgreSQL database Cairn uses (re-created at start)
   * @param work     folder for the data directory, log and credentials
   * @param jvmArgs  extra JVM options, e.g. {@code -Xmx1g}
   */
  public CairnTarget(Path jar, PgTools database, Path work, List<String> jvmArgs) {
    this(jar, database, work, jvmArgs, 1);
  }

  /** As above, with {@code processes} Cairn processes on one database (1 or more). */
  public CairnTarget(Path jar, PgTools database, Path work, List<String> jvmArgs, int processes) {
    if (processes < 1) {
      throw new IllegalArgumentException("processes must be at least 1");
    }
    this.jar = jar;
    this.database = database;
    this.work = work;
    this.jvmArgs = jvmArgs;
    this.processes = processes;
  }

  @Override
  public String name() {
    return processes == 1 ? NAME : NAME_TWO_PROCESSES;
  }

  @Override
  public Endpoint start() throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(jar + " is missing: run mvn -B -q -o package -DskipTests at the repository root");
    }
    database.dropDatabase();
    Path dataDir = work.resolve("cairn-data");
    Files.createDirectories(work);
    int port = freePort();
    process = startProcess(dataDir, port, 0);
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    String key = null;
    String secret = null;
    String ca = null;
    String region = "us-east-1";
    while (key == null || secret == null) {
      if (!process.alive()) {
        throw new IOException("Cairn exited during start:\n" + process.logTail(30));
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("Cairn printed no access key within " + START_TIMEOUT_MILLIS + " ms:\n"
            + process.logTail(30));
      }
      Thread.sleep(200);
      Matcher m = EXPORT.matcher(process.logText());
      while (m.find()) {
        String value = m.group(2).trim();
        switch (m.group(1)) {
          case "AWS_ACCESS_KEY_ID":
            key = value;
            break;
          case "AWS_SECRET_ACCESS_KEY":
            secret = value;
            break;
          case "AWS_CA_BUNDLE":
            ca = value;
            break;
          case "AWS_REGION":
            region = value;
            break;
          default:
            break;
        }
      }
    }
    Path creds = work.resolve("cairn-credentials.env");
    Files.writeString(creds, "export AWS_ACCESS_KEY_ID=" + key + "\nexport AWS_SECRET_ACCESS_KEY=" + secret
        + "\n" + (ca == null ? "" : "export AWS_CA_BUNDLE=" + ca + "\n"), StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
    Endpoint endpoint = new Endpoint(URI.create((ca == null ? "http" : "https") + "://127.0.0.1:" + port),
        ca == null ? null : Path.of(ca), key, secret, region);
    awaitReady(endpoint, process, deadline);
    List<URI> others = new ArrayList<>();
    for (int i = 1; i < processes; i++) {
      int p = freePort();
      ManagedProcess more = startProcess(dataDir, p, i);
      Endpoint e = new Endpoint(URI.create(endpoint.uri().getScheme() + "://127.0.0.1:" + p), endpoint.caBundle(),
          key, secret, region);
      awaitReady(e, more, System.currentTimeMillis() + START_TIMEOUT_MILLIS);
      others.add(e.uri());
    }
    return others.isEmpty() ? endpoint
        : new Endpoint(endpoint.uri(), endpoint.caBundle(), key, secret, region, List.copyOf(others));
  }

  private ManagedProcess startProcess(Path dataDir, int port, int index) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "serve", "--data-dir", dataDir.toString(),
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--http-port", "-1",
        "--postgres-url", database.url()));
    ManagedProcess p = ManagedProcess.start(index == 0 ? "cairn" : "cairn-" + index, cmd, work,
        work.resolve(index == 0 ? "cairn.log" : "cairn-" + index + ".log"));
    started.add(p);
    return p;
  }

  /** Polls a signed ListTables until it answers 200, the process dies, or the deadline passes. */
  static void awaitReady(Endpoint endpoint, ManagedProcess process, long deadline) throws Exception {
    Exception last = null;
    while (System.currentTimeMillis() < deadline) {
      if (!process.alive()) {
        throw new IOException(process + " exited during start:\n" + process.logTail(30));
      }
      try (DynamoConnection c = new DynamoConnection(endpoint)) {
        HttpResponseReader.Response r = c.call("ListTables", "{}".getBytes(StandardCharsets.UTF_8));
        if (r.status() == 200) {
          return;
        }
        last = new IOException("ListTables answered " + r.status() + ": " + r.bodyText());
        if (r.status() == 400 || r.status() == 403) {
          throw last; // a signature or protocol problem will not go away by waiting
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(250);
    }
    throw new IOException(process + " not ready: " + (last == null ? "timeout" : last.getMessage()) + "\n"
        + process.logTail(30));
  }

  @Override
  public LongSupplier cpuNanos() {
    List<ManagedProcess> all = List.copyOf(started);
    return all.isEmpty() ? null : () -> all.stream().mapToLong(ManagedProcess::cpuNanos).sum();
  }

  /** Stops Cairn, then drops its database (the data directory stays in the work folder). */
  @Override
  public void close() {
    if (!started.isEmpty()) {
      started.forEach(ManagedProcess::close);
      started.clear();
      process = null;
      try {
        database.dropDatabase();
      } catch (Exception e) {
        System.err.println("[bench] could not drop " + database.database() + ": " + e.getMessage());
      }
    }
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
