package dev.cairn.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
  @TempDir Path dir;

  @Test
  void writeNew_thenLoad_roundTripsWithMode0600() throws Exception {
    MasterKey key = MasterKey.generate();
    Path file = dir.resolve(MasterKey.DEFAULT_FILE_NAME);
    key.writeNew(file);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String text = Files.readString(file);
    assertEquals(45, text.length()); // 44 Base64 characters and a newline
    assertTrue(MasterKey.load(file).sameAs(key));
  }

  @Test
  void writeNew_existingFile_refusesToOverwrite() throws Exception {
    Path file = dir.resolve("master.key");
    Files.writeString(file, "x");
    assertThrows(CryptoException.class, () -> MasterKey.generate().writeNew(file));
    assertEquals("x", Files.readString(file));
  }

  @Test
  void loadOrGenerate_createsOnceThenLoads() {
    Path file = dir.resolve("master.key");
    MasterKey first = MasterKey.loadOrGenerate(file);
    assertTrue(MasterKey.loadOrGenerate(file).sameAs(first));
    assertFalse(MasterKey.generate().sameAs(first));
  }

  @Test
  void load_malformed_failsWithoutContent() throws Exception {
    Path file = dir.resolve("master.key");
    Files.writeString(file, "c2hvcnQ=\n");
    CryptoException e = assertThrows(CryptoException.class, () -> MasterKey.load(file));
    assertTrue(e.getMessage().contains("32 bytes"));
    assertFalse(e.getMessage().contains("c2hvcnQ"));
    assertThrows(CryptoException.class, () -> MasterKey.load(dir.resolve("absent.key")));
    assertThrows(CryptoException.class, () -> MasterKey.fromBase64("%%%"));
  }

  @Test
  void fromBytes_wrongLength_rejected() {
    assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBytes(new byte[16]));
  }

  @Test
  void toString_isRedacted() {
    assertEquals("MasterKey[redacted]", MasterKey.generate().toString());
  }
}
