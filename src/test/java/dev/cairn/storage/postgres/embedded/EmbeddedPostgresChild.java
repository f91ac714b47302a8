package dev.cairn.storage.postgres.embedded;

import java.nio.file.Path;

/**
 * A Cairn stand-in run in a child JVM by {@link EmbeddedPostgresTest}: starts the embedded PostgreSQL in
 * {@code args[0]}, prints {@code ready <port> <postmaster pid>}, then either exits normally ({@code exit}:
 * the shutdown hook must stop the server) or waits to be killed ({@code wait}).
 */
final class EmbeddedPostgresChild {
  private EmbeddedPostgresChild() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedPostgres pg = EmbeddedPostgres.start(Path.of(args[0]), 0);
    System.out.println("ready " + pg.port() + " " + pg.postmasterPid().orElseThrow());
    System.out.flush();
    if (args[1].equals("exit")) {
      System.exit(0);
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
