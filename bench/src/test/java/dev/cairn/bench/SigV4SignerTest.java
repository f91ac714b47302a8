package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against published vectors: the aws-sig-v4-test-suite ({@code post-vanilla},
 * {@code post-vanilla-query}; credential AKIDEXAMPLE, service {@code service}, 2015-08-30T12:36:00Z) and the
 * IAM User Guide's signing-key derivation example.
 */
class SigV4SignerTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  private static Map<String, String> suiteHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Host", "example.amazonaws.com");
    h.put("X-Amz-Date", "20150830T123600Z");
    return h;
  }

  @Test
  void authorization_postVanilla_matchesTestSuite() {
    SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET, "us-east-1", "service");
    assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        + "SignedHeaders=host;x-amz-date, "
        + "Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
        signer.authorization("POST", "/", "", suiteHeaders(), "20150830T123600Z", new byte[0]));
  }

  @Test
  void authorization_postVanillaQuery_matchesTestSuite() {
    SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET, "us-east-1", "service");
    String auth = signer.authorization("POST", "/", "Param1=value1", suiteHeaders(), "20150830T123600Z",
        new byte[0]);
    assertEquals("28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11",
        auth.substring(auth.indexOf("Signature=") + 10));
  }

  @Test
  void authorization_headerValuesWithRunsOfSpaces_signedCollapsed() {
    SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET, "us-east-1", "service");
    Map<String, String> spaced = suiteHeaders();
    spaced.put("Host", "  example.amazonaws.com  ");
    assertEquals(signer.authorization("POST", "/", "", suiteHeaders(), "20150830T123600Z", new byte[0]),
        signer.authorization("POST", "/", "", spaced, "20150830T123600Z", new byte[0]));
    assertEquals("a b c", SigV4Signer.canonicalValue(" a   b \t c "));
  }

  @Test
  void signingKey_iamUserGuideExample_matches() {
    SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET, "us-east-1", "iam");
    assertEquals("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
        SigV4Signer.hex(signer.signingKey("20120215")));
    // cached per day: a second call for the same day gives the same key, another day another key
    assertEquals("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
        SigV4Signer.hex(signer.signingKey("20120215")));
    assertEquals(false, SigV4Signer.hex(signer.signingKey("20120216"))
        .equals("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"));
  }

  @Test
  void amzDate_epochMillis_formatsUtcBasicIso() {
    SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET, "us-east-1", "dynamodb");
    assertEquals("20150830T123600Z", signer.amzDate(1440938160_000L));
    assertEquals("20150830T123600Z", signer.amzDate(1440938160_999L));
    assertEquals("20150830T123601Z", signer.amzDate(1440938161_000L));
  }

  @Test
  void authorization_bodyIsHashed_differentBodiesDifferentSignatures() {
    SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET, "us-east-1", "dynamodb");
    String a = signer.authorization("POST", "/", "", suiteHeaders(), "20150830T123600Z",
        "{}".getBytes(StandardCharsets.UTF_8));
    String b = signer.authorization("POST", "/", "", suiteHeaders(), "20150830T123600Z",
        "{ }".getBytes(StandardCharsets.UTF_8));
    assertEquals(false, a.equals(b));
  }
}
