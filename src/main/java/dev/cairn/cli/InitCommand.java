package dev.cairn.cli;

import dev.cairn.app.CairnServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cairn init}: writes the data directory (config, TLS certificate, master key), creates or migrates the
 * catalog and, the first time, the administrator, a default account and its access key (printed once).
 * Running it again changes nothing.
 */
@Command(name = "init", description = "Initialize the data directory and the catalog (safe to run again).")
public final class InitCommand implements Callable<Integer> {
  @Mixin ServerOptions options;

  @Override
  public Integer call() throws Exception {
    CairnServer server = CairnServer.start(options.config(), System.out, false);
    server.stop();
    return 0;
  }
}
