package dev.cairn.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.error.DynamoException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vectors of the AWS SigV4 test suite (credential {@code AKIDEXAMPLE}, service {@code service},
 * 2015-08-30T12:36:00Z, headers {@code host} and {@code x-amz-date}, empty body). The raw path is the
 * suite's request-line path, before the one encoding an HTTP client applies.
 */
class SigV4TestSuiteVectorsTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Instant WHEN = Instant.parse("2015-08-30T12:36:00Z");
  private final SigV4Verifier verifier = new SigV4Verifier("service", Duration.ofMinutes(15));

  private static SigV4Request request(String method, String path, String query, String signature) {
    RequestHeaders headers = RequestHeaders.builder()
        .add("Host", "example.amazonaws.com")
        .add("X-Amz-Date", "20150830T123600Z")
        .add("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=" + signature)
        .build();
    return SigV4Request.of(method, path, query, headers, new byte[0], WHEN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "get-vanilla                      | GET  | /               |                             | 5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
      "get-vanilla-query-order-key-case | GET  | /               | Param2=value2&Param1=value1 | b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
      "get-utf8                         | GET  | /\u1234          |                             | 8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85",
      "get-space                        | GET  | /example space/ |                             | 652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741",
      "get-slash-pointless-dot          | GET  | /./example      |                             | ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5",
      "post-vanilla                     | POST | /               |                             | 5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
      "post-vanilla-query               | POST | /               | Param1=value1               | 28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11",
  })
  void verify_awsTestSuiteVector_passes(String name, String method, String path, String query, String signature) {
    SigV4Request request = request(method, path, query == null ? "" : query, signature);
    ParsedAuthorization parsed = verifier.parse(request);
    verifier.verify(parsed, request, SigningKey.derive("AKIDEXAMPLE", SECRET, parsed.scope()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "get-vanilla   | GET | / | 5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf30",
      "wrong-method  | PUT | / | 5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
      "uppercase-hex | GET | / | 5FA00FA31553B73EBF1942676E86291E8372FF2A2260956D9B8AAE1D763FBF31",
  })
  void verify_alteredVector_invalidSignature(String name, String method, String path, String signature) {
    SigV4Request request = request(method, path, "", signature);
    ParsedAuthorization parsed = verifier.parse(request);
    SigningKey key = SigningKey.derive("AKIDEXAMPLE", SECRET, parsed.scope());
    DynamoException e = assertThrows(DynamoException.class, () -> verifier.verify(parsed, request, key));
    assertEquals(SigV4Errors.SIGNATURE_MISMATCH, e.getMessage());
  }
}
