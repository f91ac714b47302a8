package dev.cairn.storage.postgres.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who runs {@code initdb}, {@code pg_ctl} and {@code postgres}: the JVM's own user, or, when the JVM runs as
 * root (which both refuse), the system user {@value #SYSTEM_USER} through {@code runuser -u cairn --}.
 */
final class RunAs {
  private static final Logger LOG = LoggerFactory.getLogger(RunAs.class);

  static final String SYSTEM_USER = "cairn";

  private final boolean viaRunuser;
  private final UserPrincipal user;
  private final GroupPrincipal group;

  private RunAs(boolean viaRunuser, UserPrincipal user, GroupPrincipal group) {
    this.viaRunuser = viaRunuser;
    this.user = user;
    this.group = group;
  }

  /** True when the JVM runs as uid 0. */
  static boolean jvmIsRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** Runs the binaries directly; {@code ownedProbe} is a file this JVM just created: its owner is "us". */
  static RunAs currentUser(Path ownedProbe) throws IOException {
    PosixFileAttributes a = attributes(ownedProbe);
    return new RunAs(false, a.owner(), a.group());
  }

  /**
   * Runs the binaries as the {@value #SYSTEM_USER} system user, creating it when it does not exist (no home,
   * no login shell). Only for a JVM running as root.
   */
  static RunAs systemUser() throws IOException {
    UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
    try {
      return new RunAs(true, lookup.lookupPrincipalByName(SYSTEM_USER), lookup.lookupPrincipalByGroupName(SYSTEM_USER));
    } catch (UserPrincipalNotFoundException absent) {
      createSystemUser();
      return new RunAs(true, lookup.lookupPrincipalByName(SYSTEM_USER), lookup.lookupPrincipalByGroupName(SYSTEM_USER));
    }
  }

  private static void createSystemUser() throws IOException {
    LOG.info("Creating system user '{}' to run the embedded PostgreSQL (initdb and postgres refuse root)", SYSTEM_USER);
    List<String> cmd = List.of("useradd", "--system", "--user-group", "--no-create-home",
        "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", SYSTEM_USER);
    Process p = new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int rc;
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new EmbeddedPostgresException("useradd did not finish in 30 s");
      }
      rc = p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedPostgresException("interrupted while creating the system user " + SYSTEM_USER, e);
    }
    // 9: the user appeared meanwhile (another Cairn with another data directory); fine.
    if (rc != 0 && rc != 9) {
      throw new EmbeddedPostgresException("could not create the system user '" + SYSTEM_USER + "' ("
          + String.join(" ", cmd) + " exited with " + rc + "): " + out);
    }
  }

  boolean viaRunuser() {
    return viaRunuser;
  }

  String userName() {
    return user.getName();
  }

  /** The command line that runs {@code command} as this user. */
  List<String> wrap(List<String> command) {
    if (!viaRunuser) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SYSTEM_USER, "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Gives one file or folder to this user (no-op unless via runuser: then the JVM's files are root's). */
  void own(Path path) throws IOException {
    if (viaRunuser) {
      PosixFileAttributeView view =
          Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      view.setOwner(user);
      view.setGroup(group);
    }
  }

  /**
   * Makes this user own the tree at {@code root}, walking it only when the top's owner differs (a data folder
   * made by the other mode). Without root, a tree owned by someone else cannot be taken over: fails.
   */
  void ownTree(Path root) throws IOException {
    UserPrincipal owner = Files.getOwner(root, LinkOption.NOFOLLOW_LINKS);
    if (owner.equals(user)) {
      return;
    }
    if (!viaRunuser) {
      throw new EmbeddedPostgresException(root + " belongs to " + owner.getName() + ", not to " + user.getName()
          + " who runs PostgreSQL now (was it made by Cairn running as root?); run Cairn as " + owner.getName()
          + " or as root, or choose another data directory");
    }
    LOG.info("Changing the owner of {} from {} to {}", root, owner.getName(), user.getName());
    try (var walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        own(p);
      }
    }
  }

  /**
   * Fails, naming the folder, when an existing folder on the way to {@code dir} (or {@code dir} itself) does
   * not let this user traverse it. Folders that do not exist yet are created 0755 later.
   */
  void checkTraversable(Path dir) throws IOException {
    if (!viaRunuser) {
      return;
    }
    for (Path p = dir; p != null; p = p.getParent()) {
      if (!Files.exists(p)) {
        continue;
      }
      PosixFileAttributes a = attributes(p);
      Set<PosixFilePermission> perms = a.permissions();
      boolean ok = perms.contains(PosixFilePermission.OTHERS_EXECUTE)
          || a.owner().equals(user) && perms.contains(PosixFilePermission.OWNER_EXECUTE)
          || a.group().equals(group) && perms.contains(PosixFilePermission.GROUP_EXECUTE);
      if (!ok) {
        throw new EmbeddedPostgresException("the folder " + p + " cannot be traversed by the user '" + SYSTEM_USER
            + "' that runs the embedded PostgreSQL (mode " + PosixFilePermissions.toString(perms)
            + "); allow it (chmod o+x " + p + ") or choose a data directory elsewhere");
      }
    }
  }

  private static PosixFileAttributes attributes(Path p) throws IOException {
    return Files.readAttributes(p, PosixFileAttributes.class);
  }
}
