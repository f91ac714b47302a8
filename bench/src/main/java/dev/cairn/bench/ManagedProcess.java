package dev.cairn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child process the harness started (a target server), with its output in a log file. Every instance is
 * registered with one JVM shutdown hook, so the children are stopped even when the harness fails or is
 * interrupted; {@link #close()} stops one earlier: SIGTERM, up to {@link #STOP_TIMEOUT} to exit, then SIGKILL
 * (descendants included).
 */
public final class ManagedProcess implements AutoCloseable {
  /** How long a child may take to exit after SIGTERM before it is killed. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ManagedProcess::close), "bench-stop"));
  }

  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code dir} with stdout and stderr appended to {@code log}. */
  public static ManagedProcess start(String name, List<String> command, Path dir, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().remove("CAIRN_DATA_DIR");
    ManagedProcess p = new ManagedProcess(name, pb.start(), log);
    LIVE.add(p);
    return p;
  }

  /** Whether the process is still running. */
  public boolean alive() {
    return process.isAlive();
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** Cumulative CPU time of the process (all threads), or -1 when the OS does not say. */
  public long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }

  /** The log so far. */
  public String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last {@code lines} lines of the log, for error messages. */
  public String logTail(int lines) {
    String[] all = logText().split("\n");
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
      sb.append("  | ").append(all[i]).append('\n');
    }
    return sb.toString();
  }

  @Override
  public void close() {
    if (!LIVE.remove(this)) {
      return;
    }
    try {
      List<ProcessHandle> descendants = process.descendants().toList();
      process.destroy();
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        System.err.println("[bench] " + name + " did not stop within " + STOP_TIMEOUT + "; killing it");
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      for (ProcessHandle d : descendants) {
        if (d.isAlive()) {
          d.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
