package dev.cairn.cli;

import dev.cairn.app.CairnServer;
import dev.cairn.app.Version;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cairn serve}: starts the server (initializing an empty data directory first) and runs until SIGTERM
 * or SIGINT, which drain in-flight requests and stop the embedded PostgreSQL.
 */
@Command(name = "serve", description = "Run the server (initializes the data directory when needed).")
public final class ServeCommand implements Callable<Integer> {
  @Mixin ServerOptions options;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    CairnServer server = CairnServer.start(options.config(), System.out, true);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }, "cairn-shutdown"));
    System.out.println("Cairn " + Version.get() + " ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    System.out.println("  endpoint:   " + server.endpoint());
    if (server.redirectUrl() != null) {
      System.out.println("  redirect:   " + server.redirectUrl() + " (301 to HTTPS)");
    }
    System.out.println("  postgres:   " + server.postgresDescription());
    if (server.config().server().tls()) {
      System.out.println("  CA bundle:  " + server.config().certFile());
    }
    System.out.flush();
    stopped.await();
    return 0;
  }
}
