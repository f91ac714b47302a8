package dev.cairn.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The auth packages stay pure: design §2 allows them the JDK and {@code core.*} (plus Bouncy Castle). */
class AuthPackageDependenciesTest {
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sigv4  | java.,javax.,dev.cairn.core.,dev.cairn.auth.sigv4.",
      "crypto | java.,javax.,org.bouncycastle.,dev.cairn.auth.crypto.",
      "tls    | java.,javax.,org.bouncycastle.,dev.cairn.auth.tls.",
  })
  void imports_onlyAllowedPackages(String pkg, String allowed) throws IOException {
    List<String> prefixes = List.of(allowed.split(","));
    List<String> offending = new ArrayList<>();
    Path dir = Path.of("src/main/java/dev/cairn/auth", pkg);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          String imported = m.group(1);
          if (prefixes.stream().noneMatch(imported::startsWith)) {
            offending.add(file.getFileName() + ": " + imported);
          }
        }
      }
    }
    assertEquals(List.of(), offending);
  }
}
