package dev.cairn.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private static final String AKID = "AKIACAIRNABCDEFGHIJK";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private final SecretCipher cipher = new SecretCipher(MasterKey.generate());

  @Test
  void decrypt_ofEncrypt_returnsSecret() {
    assertEquals(SECRET, cipher.decrypt(AKID, cipher.encrypt(AKID, SECRET)));
    assertEquals(SECRET, cipher.decryptBase64(AKID, cipher.encryptToBase64(AKID, SECRET)));
  }

  @Test
  void encrypt_layoutIsVersionNonceCiphertextTag() {
    byte[] sealed = cipher.encrypt(AKID, SECRET);
    assertEquals(SecretCipher.VERSION_1, sealed[0]);
    assertEquals(1 + 12 + 40 + 16, sealed.length);
    assertEquals(92, cipher.encryptToBase64(AKID, SECRET).length());
    assertFalse(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains("wJalr"));
  }

  @Test
  void encrypt_twice_usesFreshNonces() {
    byte[] a = cipher.encrypt(AKID, SECRET);
    byte[] b = cipher.encrypt(AKID, SECRET);
    assertFalse(Arrays.equals(Arrays.copyOfRange(a, 1, 13), Arrays.copyOfRange(b, 1, 13)));
    assertNotEquals(Base64.getEncoder().encodeToString(a), Base64.getEncoder().encodeToString(b));
  }

  @Test
  void decrypt_underOtherAccessKeyId_fails() {
    byte[] sealed = cipher.encrypt(AKID, SECRET);
    CryptoException e = assertThrows(CryptoException.class, () -> cipher.decrypt("AKIACAIRNOTHERKEY234", sealed));
    assertFalse(e.getMessage().contains(SECRET));
  }

  @Test
  void decrypt_underOtherMasterKey_fails() {
    byte[] sealed = cipher.encrypt(AKID, SECRET);
    assertThrows(CryptoException.class, () -> new SecretCipher(MasterKey.generate()).decrypt(AKID, sealed));
  }

  @Test
  void decrypt_tamperedByte_fails() {
    byte[] sealed = cipher.encrypt(AKID, SECRET);
    for (int i = 1; i < sealed.length; i += 7) {
      byte[] copy = sealed.clone();
      copy[i] ^= 1;
      assertThrows(CryptoException.class, () -> cipher.decrypt(AKID, copy), "byte " + i);
    }
  }

  @Test
  void decrypt_unknownVersionOrTruncated_fails() {
    byte[] sealed = cipher.encrypt(AKID, SECRET);
    sealed[0] = 2;
    CryptoException e = assertThrows(CryptoException.class, () -> cipher.decrypt(AKID, sealed));
    assertTrue(e.getMessage().contains("version 2"));
    assertThrows(CryptoException.class, () -> cipher.decrypt(AKID, new byte[20]));
    assertThrows(CryptoException.class, () -> cipher.decryptBase64(AKID, "not base64!"));
  }

  @Test
  void decrypt_knownMasterKey_isStableAcrossInstances() {
    MasterKey key = MasterKey.fromBytes(new byte[32]);
    byte[] sealed = new SecretCipher(key).encrypt(AKID, SECRET);
    assertEquals(SECRET, new SecretCipher(MasterKey.fromBytes(new byte[32])).decrypt(AKID, sealed));
  }
}
