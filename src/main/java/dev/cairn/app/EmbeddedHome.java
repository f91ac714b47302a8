package dev.cairn.app;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the embedded PostgreSQL keeps its binaries and data: {@code <data_dir>/pg}. As root the server runs
 * as the unprivileged {@code cairn} user, which cannot traverse {@code /root}: the default data directory
 * under {@code /root} then keeps its PostgreSQL in {@code /var/lib/cairn/pg} (with a warning); a data
 * directory the operator chose under {@code /root} is refused with an explanation (design.md §7).
 */
final class EmbeddedHome {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHome.class);
  static final Path ROOT_FALLBACK = Path.of("/var/lib/cairn/pg");

  private EmbeddedHome() {
  }

  static Path resolve(CairnConfig config) {
    Path home = config.dataDir().resolve("pg").toAbsolutePath().normalize();
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root || !home.startsWith("/root")) {
      return home;
    }
    Path defaultDir = Path.of(System.getProperty("user.home"), ".cairn").toAbsolutePath().normalize();
    if (config.dataDir().toAbsolutePath().normalize().equals(defaultDir)) {
      LOG.warn("running as root: the embedded PostgreSQL runs as user 'cairn', which cannot enter /root;"
          + " its data lives in {}", ROOT_FALLBACK);
      return ROOT_FALLBACK;
    }
    throw new IllegalStateException("the embedded PostgreSQL runs as user 'cairn' when Cairn runs as root and"
        + " cannot use " + home + " under /root: choose a data directory outside /root (--data-dir)"
        + " or configure postgres.url");
  }
}
