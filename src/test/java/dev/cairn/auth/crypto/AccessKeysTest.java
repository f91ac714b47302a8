package dev.cairn.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessKeysTest {
  @Test
  void newAccessKeyId_isBranded20CharBase32() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String id = AccessKeys.newAccessKeyId();
      assertTrue(id.matches("AKIACAIRN[A-Z2-7]{11}"), id);
      assertTrue(AccessKeys.isCairnAccessKeyId(id));
      assertTrue(AccessKeys.isValidImportedAccessKeyId(id));
      assertFalse(AccessKeys.isSessionAccessKeyId(id));
      seen.add(id);
    }
    assertEquals(200, seen.size());
  }

  @Test
  void newSessionAccessKeyId_isAsiaBranded() {
    String id = AccessKeys.newSessionAccessKeyId();
    assertTrue(id.matches("ASIACAIRN[A-Z2-7]{11}"), id);
    assertTrue(AccessKeys.isSessionAccessKeyId(id));
    assertTrue(AccessKeys.isCairnAccessKeyId(id));
  }

  @Test
  void newSecretAccessKey_is40CharsOfAwsAlphabet() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String secret = AccessKeys.newSecretAccessKey();
      assertTrue(secret.matches("[A-Za-z0-9+/]{40}"), secret);
      assertTrue(AccessKeys.isValidImportedSecret(secret));
      seen.add(secret);
    }
    assertEquals(200, seen.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A", "AKIDEXAMPLE12345"})
  void isValidImportedAccessKeyId_awsShapes_true(String id) {
    assertTrue(AccessKeys.isValidImportedAccessKeyId(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "AKIDEXAMPLE", "akiaiosfodnn7example", "AKIA IOSFODNN7EXAMPL", "AKIAIOSFODNN7EXAMPLE/"})
  void isValidImportedAccessKeyId_otherShapes_false(String id) {
    assertFalse(AccessKeys.isValidImportedAccessKeyId(id));
  }

  @Test
  void isValidImportedAccessKeyId_lengthBounds() {
    assertTrue(AccessKeys.isValidImportedAccessKeyId("A".repeat(128)));
    assertFalse(AccessKeys.isValidImportedAccessKeyId("A".repeat(129)));
    assertFalse(AccessKeys.isValidImportedAccessKeyId(null));
  }

  @Test
  void isCairnAccessKeyId_rejectsLookalikes() {
    assertFalse(AccessKeys.isCairnAccessKeyId("AKIAIOSFODNN7EXAMPLE"));
    assertFalse(AccessKeys.isCairnAccessKeyId("AKIACAIRNABCDEFGHIJ1"));
    assertFalse(AccessKeys.isCairnAccessKeyId("AKIACAIRNABCDEFGHIJ"));
  }

  @Test
  void isValidImportedSecret_rejectsWhitespaceAndShort() {
    assertFalse(AccessKeys.isValidImportedSecret("short"));
    assertFalse(AccessKeys.isValidImportedSecret("wJalrXUtnFEMI K7MDENG+bPxRfiCYEXAMPLEKEY"));
  }
}
