package dev.cairn.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 helpers for SigV4 ("Elements of an AWS API request signature": the hash
 * function is SHA-256, the signature HMAC-SHA256, both rendered as lowercase hex).
 */
final class Hashing {
  private static final HexFormat HEX = HexFormat.of();

  private Hashing() {}

  /** Lowercase hex SHA-256 of the bytes. */
  static String sha256Hex(byte[] data) {
    return HEX.formatHex(sha256(data));
  }

  /** Lowercase hex SHA-256 of the UTF-8 bytes of the text. */
  static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /** One Mac per thread: looking the algorithm up costs more than the MAC of a short string. */
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  });

  static byte[] hmacSha256(byte[] key, String data) {
    try {
      Mac mac = HMAC.get();
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }

  static String hex(byte[] data) {
    return HEX.formatHex(data);
  }
}
