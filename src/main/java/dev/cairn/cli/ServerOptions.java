package dev.cairn.cli;

import dev.cairn.app.CairnConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code init} and {@code serve}: data directory and the most common overrides. */
public final class ServerOptions {
  @Option(names = "--data-dir", description = "data directory (default: $CAIRN_DATA_DIR or ~/.cairn)")
  Path dataDir;

  @Option(names = "--postgres-url", description = "external PostgreSQL URI (default: embedded PostgreSQL)")
  String postgresUrl;

  @Option(names = "--host", description = "bind address (default 127.0.0.1)")
  String host;

  @Option(names = "--port", description = "HTTPS port (default 8000)")
  Integer port;

  @Option(names = "--http-port", description = "plain-HTTP redirect port, -1 to disable (default 8080)")
  Integer httpPort;

  CairnConfig config() throws Exception {
    Path dir = dataDir != null ? dataDir.toAbsolutePath() : CairnConfig.defaultDataDir(System.getenv());
    CairnConfig c = CairnConfig.load(dir, System.getenv());
    CairnConfig.Server s = c.server();
    c = c.withServer(new CairnConfig.Server(host != null ? host : s.host(), port != null ? port : s.port(),
        httpPort != null ? httpPort : s.httpPort(), s.tls(), s.certFile(), s.keyFile(), s.region(),
        s.maxBodyBytes(), s.requestTimeoutMillis(), s.eventLoops()));
    if (postgresUrl != null) {
      CairnConfig.Postgres p = c.postgres();
      c = c.withPostgres(new CairnConfig.Postgres(postgresUrl, p.poolSize(), p.clientSize(), p.pipeliningLimit(),
          p.embeddedPort()));
    }
    return c;
  }
}
