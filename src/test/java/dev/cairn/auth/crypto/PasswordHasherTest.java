package dev.cairn.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hash_producesOwaspPhcString() {
    String phc = hasher.hash("s3cret!".toCharArray());
    assertTrue(phc.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), phc);
  }

  @Test
  void verify_rightAndWrongPassword() {
    String phc = hasher.hash("s3cret!".toCharArray());
    assertTrue(hasher.verify("s3cret!".toCharArray(), phc));
    assertFalse(hasher.verify("s3cret?".toCharArray(), phc));
    assertFalse(hasher.verify(new char[0], phc));
  }

  @Test
  void hash_samePasswordTwice_differsBySalt() {
    assertNotEquals(hasher.hash("pw".toCharArray()), hasher.hash("pw".toCharArray()));
  }

  @Test
  void verify_hashFromPythonCryptography_matches() {
    // Made with Python cryptography 48 (Argon2id, salt "cairn-test-salt!", length 32, t=2, p=1, m=19456).
    String phc = "$argon2id$v=19$m=19456,t=2,p=1$Y2Fpcm4tdGVzdC1zYWx0IQ$awIsOT2d0MJSTaDQfzd4e/QiI+puRR+6xhqbM9DuDec";
    assertTrue(hasher.verify("correct horse battery staple".toCharArray(), phc));
    assertFalse(hasher.verify("correct horse battery stapler".toCharArray(), phc));
    assertFalse(hasher.needsRehash(phc));
  }

  @Test
  void verify_nonAsciiPassword_roundTrips() {
    String phc = hasher.hash("pässwörd-密码".toCharArray());
    assertTrue(hasher.verify("pässwörd-密码".toCharArray(), phc));
  }

  @Test
  void needsRehash_otherParameters_true() {
    PasswordHasher cheap = new PasswordHasher(64, 1, 1);
    assertTrue(hasher.needsRehash(cheap.hash("pw".toCharArray())));
    assertTrue(cheap.verify("pw".toCharArray(), cheap.hash("pw".toCharArray())));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "$argon2i$v=19$m=19456,t=2,p=1$Y2Fpcm4tdGVzdC1zYWx0IQ$awIsOT2d0MJSTaDQfzd4e/QiI+puRR+6xhqbM9DuDec",
      "$argon2id$v=16$m=19456,t=2,p=1$Y2Fpcm4tdGVzdC1zYWx0IQ$awIsOT2d0MJSTaDQfzd4e/QiI+puRR+6xhqbM9DuDec",
      "$argon2id$v=19$m=99999999,t=2,p=1$Y2Fpcm4tdGVzdC1zYWx0IQ$awIsOT2d0MJSTaDQfzd4e/QiI+puRR+6xhqbM9DuDec",
      "$argon2id$v=19$m=19456,t=x,p=1$Y2Fpcm4tdGVzdC1zYWx0IQ$awIsOT2d0MJSTaDQfzd4e/QiI+puRR+6xhqbM9DuDec",
      "$argon2id$v=19$m=19456,t=2,p=1$!!$awIsOT2d0MJSTaDQfzd4e/QiI+puRR+6xhqbM9DuDec",
      "$argon2id$v=19$m=19456,t=2$Y2Fpcm4tdGVzdC1zYWx0IQ$awIsOT2d0MJSTaDQfzd4e/QiI+puRR+6xhqbM9DuDec",
  })
  void verify_malformedPhc_rejected(String phc) {
    assertThrows(IllegalArgumentException.class, () -> hasher.verify("pw".toCharArray(), phc));
  }

  @Test
  void constructor_outOfRange_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(4, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(19456, 0, 1));
  }
}
