package dev.cairn.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server the benchmark uses, from a {@code postgresql://user@host:port/database} URI, and the
 * command-line tools run against it ({@code psql}, {@code pgbench}). Passwords are not supported: use trust
 * auth or a {@code ~/.pgpass} file. Every command runs with a timeout.
 *
 * @param host     server host
 * @param port     server port
 * @param user     user name
 * @param database database named in the URI
 */
public record PgTools(String host, int port, String user, String database) {
  /** Parses {@code postgresql://user@host:port/database}. */
  public static PgTools parse(String url) {
    URI u = URI.create(url.startsWith("postgres://") ? "postgresql://" + url.substring(11) : url);
    if (!"postgresql".equals(u.getScheme()) || u.getHost() == null) {
      throw new IllegalArgumentException("not a postgresql:// URI: " + url);
    }
    String user = u.getUserInfo() == null ? "postgres" : u.getUserInfo().split(":", 2)[0];
    String db = u.getPath() == null || u.getPath().length() <= 1 ? "postgres" : u.getPath().substring(1);
    return new PgTools(u.getHost(), u.getPort() > 0 ? u.getPort() : 5432, user, db);
  }

  /** The same server and user with another database. */
  public PgTools withDatabase(String db) {
    return new PgTools(host, port, user, db);
  }

  /** The URI form. */
  public String url() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  /** Connection arguments for psql/pgbench (database last for pgbench). */
  List<String> connectionArgs() {
    return List.of("-h", host, "-p", Integer.toString(port), "-U", user);
  }

  /** Drops (forcing out sessions) and creates the database of this URI. */
  public void recreateDatabase() throws IOException, InterruptedException {
    PgTools admin = withDatabase("postgres");
    admin.psql("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    admin.psql("CREATE DATABASE \"" + database + "\"");
  }

  /** Drops the database of this URI if it exists. */
  public void dropDatabase() throws IOException, InterruptedException {
    withDatabase("postgres").psql("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
  }

  /** Runs SQL with psql ({@code ON_ERROR_STOP}) and returns its unaligned, tuples-only output. */
  public String psql(String sql) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"));
    cmd.addAll(connectionArgs());
    cmd.addAll(List.of("-d", database, "-c", sql));
    return run(cmd, 300);
  }

  /** Runs a command, returning stdout+stderr; fails on a non-zero exit or after {@code timeoutSeconds}. */
  static String run(List<String> cmd, long timeoutSeconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[][] out = new byte[1][];
    Thread reader = new Thread(() -> {
      try {
        out[0] = p.getInputStream().readAllBytes();
      } catch (IOException e) {
        out[0] = new byte[0];
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IOException(cmd.get(0) + " timed out after " + timeoutSeconds + " s");
      }
    } finally {
      if (p.isAlive()) { // timed out or interrupted: never leave the child (and its children) running
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    reader.join(5_000);
    String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(cmd.get(0) + " exited with " + p.exitValue() + ": " + text.strip());
    }
    return text;
  }
}
