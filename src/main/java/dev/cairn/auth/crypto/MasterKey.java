package dev.cairn.auth.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 32-byte AES-256 master key that encrypts secret access keys at rest (design §4: it is never stored
 * in the database).
 *
 * <p>On disk it is one line of standard Base64 (44 characters) in a file, by default {@code master.key} in the
 * data directory, created with POSIX mode {@code 0600}. Immutable; {@link #toString()} never shows key bytes.
 */
public final class MasterKey {
  /** Key length in bytes (AES-256). */
  public static final int LENGTH = 32;
  /** The file name {@code init} writes into the data directory. */
  public static final String DEFAULT_FILE_NAME = "master.key";

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final byte[] key;

  private MasterKey(byte[] key) {
    this.key = key;
  }

  /** A new key of 32 bytes from {@link SecureRandom}. */
  public static MasterKey generate() {
    byte[] key = new byte[LENGTH];
    new SecureRandom().nextBytes(key);
    return new MasterKey(key);
  }

  /**
   * A key from raw bytes (copied).
   *
   * @throws IllegalArgumentException when the array is not 32 bytes long
   */
  public static MasterKey fromBytes(byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("master key must be " + LENGTH + " bytes, got " + key.length);
    }
    return new MasterKey(key.clone());
  }

  /**
   * A key from its Base64 text (surrounding whitespace ignored).
   *
   * @throws CryptoException when the text is not Base64 of exactly 32 bytes
   */
  public static MasterKey fromBase64(String text) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new CryptoException("master key is not valid Base64");
    }
    if (key.length != LENGTH) {
      throw new CryptoException("master key must decode to " + LENGTH + " bytes, got " + key.length);
    }
    return new MasterKey(key);
  }

  /**
   * Reads a key file written by {@link #writeNew}.
   *
   * @throws CryptoException when the file cannot be read or does not hold a valid key (the message names
   *     the path, never the content)
   */
  public static MasterKey load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new CryptoException("cannot read master key file " + file, e);
    }
    try {
      return fromBase64(text);
    } catch (CryptoException e) {
      throw new CryptoException("master key file " + file + " is malformed: " + e.getMessage());
    }
  }

  /**
   * Loads the key file when it exists, else generates a key and writes it with {@link #writeNew}.
   *
   * @throws CryptoException on a read or write failure or a malformed file
   */
  public static MasterKey loadOrGenerate(Path file) {
    if (Files.exists(file)) {
      return load(file);
    }
    MasterKey key = generate();
    key.writeNew(file);
    return key;
  }

  /**
   * Writes the key as Base64 plus a newline to a file that must not exist yet, created with mode
   * {@code 0600} on POSIX file systems (set at creation, so the key is never readable by others even
   * briefly). Parent directories are not created.
   *
   * @throws CryptoException when the file exists or cannot be written
   */
  public void writeNew(Path file) {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs =
        posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    try {
      Files.createFile(file, attrs);
      if (posix) {
        // The umask can only remove bits; set them again in case a default ACL added some.
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
        out.write((Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    } catch (IOException e) {
      throw new CryptoException("cannot write master key file " + file, e);
    }
  }

  /** The key for {@code javax.crypto}. */
  SecretKey secretKey() {
    return new SecretKeySpec(key, "AES");
  }

  /** Whether both keys hold the same bytes (constant time). */
  public boolean sameAs(MasterKey other) {
    return java.security.MessageDigest.isEqual(key, other.key);
  }

  @Override
  public String toString() {
    return "MasterKey[redacted]";
  }
}
