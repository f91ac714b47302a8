package dev.cairn.auth.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes console and management passwords with Argon2id (RFC 9106) and verifies them in constant time.
 *
 * <p>Output is a PHC string: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} with salt and hash in
 * standard Base64 without padding, as the reference implementation, libsodium and Python's
 * {@code argon2-cffi} write it, so hashes can be checked by any of them. The defaults are OWASP's minimum
 * for Argon2id (Password Storage Cheat Sheet: 19 MiB of memory, 2 iterations, 1 lane); a 16-byte random
 * salt and a 32-byte hash. Hashing takes tens of milliseconds by design: call it off the event loop.
 *
 * <p>Immutable and thread-safe. Passwords are taken as {@code char[]} (UTF-8 encoded for hashing) so the
 * caller can wipe them; they never appear in exceptions.
 */
public final class PasswordHasher {
  /** OWASP minimum memory, KiB. */
  public static final int DEFAULT_MEMORY_KIB = 19456;
  /** OWASP minimum iterations with that memory. */
  public static final int DEFAULT_ITERATIONS = 2;
  /** One lane. */
  public static final int DEFAULT_PARALLELISM = 1;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  // Bounds for stored hashes, so a corrupted or hostile row cannot make verify allocate gigabytes.
  private static final int MAX_MEMORY_KIB = 1 << 20;
  private static final int MAX_ITERATIONS = 64;
  private static final int MAX_PARALLELISM = 64;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private final int memoryKiB;
  private final int iterations;
  private final int parallelism;

  /** A hasher with the OWASP minimum parameters. */
  public PasswordHasher() {
    this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
  }

  /**
   * A hasher with other cost parameters (verification always uses the parameters stored in the hash).
   *
   * @throws IllegalArgumentException when a parameter is out of range ({@code 1 <= p <= 64},
   *     {@code 8p <= m <= 1 GiB}, {@code 1 <= t <= 64})
   */
  public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
    checkParameters(memoryKiB, iterations, parallelism);
    this.memoryKiB = memoryKiB;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  /** Hashes the password with a fresh random salt; returns the PHC string. */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2id(password, salt, memoryKiB, iterations, parallelism, HASH_BYTES);
    return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + '$' + B64.encodeToString(salt)
        + '$' + B64.encodeToString(hash);
  }

  /**
   * Whether the password matches the PHC string, compared in constant time.
   *
   * @throws IllegalArgumentException when the string is not an Argon2id v19 PHC string within the bounds
   *     above (a corrupted record, not a wrong password)
   */
  public boolean verify(char[] password, String phc) {
    Phc parsed = Phc.parse(phc);
    byte[] actual = argon2id(password, parsed.salt, parsed.memoryKiB, parsed.iterations, parsed.parallelism,
        parsed.hash.length);
    return MessageDigest.isEqual(actual, parsed.hash);
  }

  /**
   * Whether the stored hash was made with weaker or other parameters than this hasher's, so it should be
   * replaced after the next successful login.
   *
   * @throws IllegalArgumentException when the string is malformed
   */
  public boolean needsRehash(String phc) {
    Phc parsed = Phc.parse(phc);
    return parsed.memoryKiB != memoryKiB || parsed.iterations != iterations || parsed.parallelism != parallelism
        || parsed.salt.length != SALT_BYTES || parsed.hash.length != HASH_BYTES;
  }

  private static byte[] argon2id(char[] password, byte[] salt, int m, int t, int p, int length) {
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(m)
        .withIterations(t)
        .withParallelism(p)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }

  private static void checkParameters(int m, int t, int p) {
    if (p < 1 || p > MAX_PARALLELISM || t < 1 || t > MAX_ITERATIONS || m < 8 * p || m > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException("Argon2id parameters out of range: m=" + m + ", t=" + t + ", p=" + p);
    }
  }

  /** A parsed {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} string. */
  private record Phc(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
    static Phc parse(String phc) {
      String[] parts = phc.split("\\$", -1);
      if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
        throw new IllegalArgumentException("not an Argon2id v=19 PHC string");
      }
      int m = -1;
      int t = -1;
      int p = -1;
      String[] params = parts[3].split(",", -1);
      if (params.length != 3) {
        throw new IllegalArgumentException("Argon2id PHC string needs m, t and p");
      }
      try {
        for (String param : params) {
          if (param.startsWith("m=")) m = Integer.parseInt(param.substring(2));
          else if (param.startsWith("t=")) t = Integer.parseInt(param.substring(2));
          else if (param.startsWith("p=")) p = Integer.parseInt(param.substring(2));
          else throw new IllegalArgumentException("unknown Argon2id parameter");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Argon2id parameter is not a number");
      }
      checkParameters(m, t, p);
      byte[] salt;
      byte[] hash;
      try {
        salt = Base64.getDecoder().decode(parts[4]);
        hash = Base64.getDecoder().decode(parts[5]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Argon2id salt or hash is not Base64");
      }
      if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
        throw new IllegalArgumentException("Argon2id salt or hash length out of range");
      }
      return new Phc(m, t, p, salt, hash);
    }
  }
}
