package dev.cairn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package directions of docs/architecture.md true by scanning the imports of the main sources:
 * {@code core} depends on the JDK only; only {@code storage.postgres} uses the PG client or writes SQL;
 * {@code engine} sees storage only through the seam; {@code server} never reaches {@code storage.postgres}.
 */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/dev/cairn");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)(?:\\.\\*)?;", Pattern.MULTILINE);

  private static List<String> violations(String pkg, List<String> allowedPrefixes) throws IOException {
    List<String> bad = new ArrayList<>();
    Path dir = SRC.resolve(pkg.replace('.', '/'));
    if (!Files.isDirectory(dir)) {
      return bad;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          String imported = m.group(1);
          boolean own = imported.startsWith("dev.cairn." + pkg + ".");
          if (!own && allowedPrefixes.stream().noneMatch(imported::startsWith)) {
            bad.add(SRC.relativize(f) + " imports " + imported);
          }
        }
      }
    }
    return bad;
  }

  @Test
  void core_dependsOnlyOnTheJdk() throws IOException {
    assertEquals(List.of(), violations("core", List.of("java.", "dev.cairn.core.")));
  }

  @Test
  void protocol_usesOnlyCoreAndJackson() throws IOException {
    assertEquals(List.of(), violations("protocol", List.of("java.", "dev.cairn.core.", "com.fasterxml.jackson.")));
  }

  @Test
  void auth_isPureButForBouncyCastle() throws IOException {
    assertEquals(List.of(), violations("auth", List.of("java.", "javax.", "dev.cairn.core.", "dev.cairn.auth.",
        "org.bouncycastle.")));
  }

  @Test
  void engine_seesStorageOnlyThroughTheSeam() throws IOException {
    List<String> bad = new ArrayList<>(violations("engine", List.of("java.", "dev.cairn.core.", "dev.cairn.engine.",
        "dev.cairn.storage.", "io.vertx.core.Future", "com.github.benmanes.caffeine.")));
    for (String v : violations("engine", List.of("java."))) {
      if (v.contains("dev.cairn.storage.postgres")) {
        bad.add(v);
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void server_neverReachesPostgres() throws IOException {
    List<String> bad = violations("server", List.of("java.", "javax.", "dev.cairn.core.", "dev.cairn.auth.",
        "dev.cairn.protocol.", "dev.cairn.engine.", "dev.cairn.server.", "dev.cairn.storage.CatalogStore",
        "dev.cairn.storage.CatalogChange", "dev.cairn.storage.AccountRecord", "dev.cairn.storage.AccessKeyRecord",
        "dev.cairn.storage.StorageException", "dev.cairn.storage.TableRecord", "io.vertx.",
        "com.github.benmanes.caffeine.", "org.slf4j.",
        "ch.qos.logback.", "com.fasterxml.jackson."));
    assertEquals(List.of(), bad);
  }

  @Test
  void sqlText_livesOnlyInStoragePostgres() throws IOException {
    Pattern sql = Pattern.compile("\"(SELECT .+ FROM |INSERT INTO |UPDATE \\S+ SET |DELETE FROM |CREATE (TABLE|INDEX|SCHEMA) "
        + "|ALTER TABLE |DROP TABLE )");
    List<String> bad = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SRC)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (!f.startsWith(SRC.resolve("storage/postgres")) && sql.matcher(Files.readString(f)).find()) {
          bad.add(SRC.relativize(f).toString());
        }
      }
    }
    assertEquals(List.of(), bad);
  }
}
