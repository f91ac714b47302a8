package dev.cairn.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {
  private static final CredentialScope DAY1 = new CredentialScope("20260101", "us-east-1", "dynamodb");
  private static final CredentialScope DAY2 = new CredentialScope("20260102", "us-east-1", "dynamodb");

  @Test
  void get_afterPut_returnsSameKeyOnlyForItsScope() {
    SigningKeyCache cache = SigningKeyCache.bounded(10);
    SigningKey key = SigningKey.derive("AKIA1", "secret", DAY1);
    cache.put(key);
    assertSame(key, cache.get("AKIA1", DAY1).orElseThrow());
    assertEquals(Optional.empty(), cache.get("AKIA1", DAY2));
    assertEquals(Optional.empty(), cache.get("AKIA2", DAY1));
  }

  @Test
  void invalidate_dropsEveryScopeOfTheKeyOnly() {
    SigningKeyCache cache = SigningKeyCache.bounded(10);
    cache.put(SigningKey.derive("AKIA1", "s", DAY1));
    cache.put(SigningKey.derive("AKIA1", "s", DAY2));
    cache.put(SigningKey.derive("AKIA2", "s", DAY1));
    cache.invalidate("AKIA1");
    assertFalse(cache.get("AKIA1", DAY1).isPresent());
    assertFalse(cache.get("AKIA1", DAY2).isPresent());
    assertTrue(cache.get("AKIA2", DAY1).isPresent());
    cache.clear();
    assertFalse(cache.get("AKIA2", DAY1).isPresent());
  }

  @Test
  void put_whenFull_clearsFirst() {
    BoundedSigningKeyCache cache = (BoundedSigningKeyCache) SigningKeyCache.bounded(2);
    cache.put(SigningKey.derive("A", "s", DAY1));
    cache.put(SigningKey.derive("B", "s", DAY1));
    cache.put(SigningKey.derive("C", "s", DAY1));
    assertEquals(1, cache.size());
    assertTrue(cache.get("C", DAY1).isPresent());
  }

  @Test
  void bounded_zero_rejected() {
    assertThrows(IllegalArgumentException.class, () -> SigningKeyCache.bounded(0));
  }

  @Test
  void signingKey_toStringHidesKeyMaterial() {
    String text = SigningKey.derive("AKIA1", "topsecret", DAY1).toString();
    assertFalse(text.contains("topsecret"));
    assertEquals("SigningKey[AKIA1, 20260101/us-east-1/dynamodb/aws4_request]", text);
  }

  @Test
  void derive_matchesDocumentedExample() {
    // IAM User Guide signing example key derivation (secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY,
    // 20150830/us-east-1/iam): the string to sign below must give the documented signature.
    SigningKey key = SigningKey.derive("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        new CredentialScope("20150830", "us-east-1", "iam"));
    String stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
        + "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59";
    assertEquals("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", key.sign(stringToSign));
  }
}
