package dev.cairn.cli;

import dev.cairn.app.CairnConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How {@code manage} and {@code settings} reach a running server: endpoint, CA bundle, admin credentials. */
public final class ConnectionOptions {
  @Option(names = "--data-dir", description = "Cairn data directory (default: $CAIRN_DATA_DIR or ~/.cairn)")
  Path dataDir;

  @Option(names = "--endpoint", description = "Cairn HTTPS endpoint (default: from the data directory's config)")
  String endpoint;

  @Option(names = "--ca-bundle", description = "PEM CA bundle to trust (default: <data-dir>/tls/cert.pem)")
  Path caBundle;

  @Option(names = "--admin-user", defaultValue = "admin", description = "administrator name (default: admin)")
  String adminUser;

  @Option(names = "--admin-password", description = "administrator password (default: $CAIRN_ADMIN_PASSWORD)")
  String adminPassword;

  ManagementClient client() throws Exception {
    Path dir = dataDir != null ? dataDir.toAbsolutePath() : CairnConfig.defaultDataDir(System.getenv());
    CairnConfig config = CairnConfig.load(dir, System.getenv());
    String url = endpoint != null ? endpoint : config.endpointUrl(config.server().port());
    Path ca = caBundle != null ? caBundle : Files.exists(config.certFile()) ? config.certFile() : null;
    String password = adminPassword != null ? adminPassword : System.getenv("CAIRN_ADMIN_PASSWORD");
    if (password == null) {
      if (System.console() == null) {
        throw new IllegalArgumentException("give the administrator password with --admin-password or"
            + " CAIRN_ADMIN_PASSWORD");
      }
      password = new String(System.console().readPassword("Administrator password: "));
    }
    return new ManagementClient(url, ca, adminUser, password);
  }
}
