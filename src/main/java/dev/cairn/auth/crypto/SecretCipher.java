package dev.cairn.auth.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secret access keys at rest with AES-256-GCM under the {@link MasterKey} (design §4).
 *
 * <p>Sealed form, version 1: {@code 0x01 || nonce (12 bytes, random per value) || ciphertext || tag
 * (16 bytes)}, so a 40-character secret seals to 69 bytes (92 Base64 characters). The associated data is
 * the version byte followed by the UTF-8 access key id: a ciphertext copied to another key's row fails to
 * decrypt instead of lending that row its secret. Random 96-bit nonces keep the collision risk negligible
 * far beyond the number of keys an installation holds (NIST SP 800-38D §8.3: up to 2^32 values per key).
 *
 * <p>Thread-safe (a new {@link Cipher} per call). Exceptions never carry plaintext or key bytes.
 */
public final class SecretCipher {
  /** The format version this class writes. */
  public static final byte VERSION_1 = 1;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final MasterKey masterKey;
  private final SecureRandom random = new SecureRandom();

  /** A cipher under the given master key. */
  public SecretCipher(MasterKey masterKey) {
    this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
  }

  /**
   * Seals a secret access key for storage in the row of {@code accessKeyId}.
   *
   * @return the sealed bytes (version, nonce, ciphertext and tag)
   * @throws NullPointerException when an argument is null
   */
  public byte[] encrypt(String accessKeyId, String secretAccessKey) {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(VERSION_1, accessKeyId));
      byte[] sealed = cipher.doFinal(secretAccessKey.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION_1).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** {@link #encrypt} as standard Base64 text. */
  public String encryptToBase64(String accessKeyId, String secretAccessKey) {
    return Base64.getEncoder().encodeToString(encrypt(accessKeyId, secretAccessKey));
  }

  /**
   * Opens a value sealed by {@link #encrypt} for the same access key id.
   *
   * @throws CryptoException when the value is malformed, of an unknown version, sealed for another access key
   *     id, tampered with, or sealed under another master key
   */
  public String decrypt(String accessKeyId, byte[] sealed) {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
      throw new CryptoException("sealed secret is too short");
    }
    if (sealed[0] != VERSION_1) {
      throw new CryptoException("sealed secret has unknown version " + (sealed[0] & 0xff));
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(associatedData(sealed[0], accessKeyId));
      byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new CryptoException("sealed secret does not authenticate: wrong master key, wrong access key id,"
          + " or tampered data");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /**
   * {@link #decrypt} of Base64 text.
   *
   * @throws CryptoException also when the text is not Base64
   */
  public String decryptBase64(String accessKeyId, String sealedBase64) {
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(sealedBase64);
    } catch (IllegalArgumentException e) {
      throw new CryptoException("sealed secret is not valid Base64");
    }
    return decrypt(accessKeyId, sealed);
  }

  private static byte[] associatedData(byte version, String accessKeyId) {
    byte[] id = accessKeyId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + id.length).put(version).put(id).array();
  }

  @Override
  public String toString() {
    return "SecretCipher[AES-256-GCM]";
  }
}
