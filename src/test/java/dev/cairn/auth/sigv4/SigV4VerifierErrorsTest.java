package dev.cairn.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each authentication failure gives DynamoDB's error type and exact text, in DynamoDB's check order
 * (recorded by dynalite against the service; see {@link SigV4Errors}).
 */
class SigV4VerifierErrorsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:25:00Z");
  private static final String DATE = "20260101T002000Z";
  private static final String GOOD =
      "AWS4-HMAC-SHA256 Credential=AKIACAIRNTESTKEY0001/20260101/us-east-1/dynamodb/aws4_request, "
          + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=" + "ab".repeat(32);
  private final SigV4Verifier verifier = SigV4Verifier.dynamoDb();

  private static SigV4Request request(String authorization, String dateHeader, String date) {
    RequestHeaders.Builder headers = RequestHeaders.builder()
        .add("Host", "localhost:8443")
        .add("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .add("Content-Type", "application/x-amz-json-1.0");
    if (authorization != null) headers.add("Authorization", authorization);
    if (dateHeader != null) headers.add(dateHeader, date);
    return SigV4Request.of("POST", "/", "", headers.build(), "{}".getBytes(StandardCharsets.UTF_8), NOW);
  }

  private static SigV4Request request(String authorization) {
    return request(authorization, "X-Amz-Date", DATE);
  }

  private void assertParseError(SigV4Request request, ErrorCode code, String message) {
    DynamoException e = assertThrows(DynamoException.class, () -> verifier.parse(request));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(message, e.getMessage());
  }

  @Test
  void parse_wellFormedHeader_passes() {
    ParsedAuthorization parsed = verifier.parse(request(GOOD));
    assertEquals("AKIACAIRNTESTKEY0001", parsed.accessKeyId());
    assertEquals("host;x-amz-date;x-amz-target", parsed.signedHeaders());
  }

  @Test
  void parse_noAuthorizationHeader_missingAuthenticationToken() {
    assertParseError(request(null), ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bearer abc", "AWS AKIAEXAMPLE:signature"})
  void parse_nonSigV4Header_missingAuthenticationToken(String authorization) {
    assertParseError(
        request(authorization), ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
  }

  @Test
  void parse_presignedQueryOnly_missingAuthenticationToken() {
    RequestHeaders headers = RequestHeaders.builder().add("Host", "localhost").build();
    SigV4Request presigned = SigV4Request.of("POST", "/",
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20260101%2Fus-east-1%2Fdynamodb"
            + "%2Faws4_request&X-Amz-Date=20260101T002000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00",
        headers, new byte[0], NOW);
    assertParseError(presigned, ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
  }

  @Test
  void parse_tokenWithoutEqualSign_incompleteSignature() {
    // The space after "Credential=" splits the credential off as its own token (real DynamoDB does the same).
    String auth = "AWS4-HMAC-SHA256 Credential= AKIACAIRNTESTKEY0001/20260101/us-east-1/dynamodb/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=abc";
    assertParseError(request(auth), ErrorCode.INCOMPLETE_SIGNATURE,
        "'AKIACAIRNTESTKEY0001/20260101/us-east-1/dynamodb/aws4_request' not a valid key=value pair "
            + "(missing equal-sign) in Authorization header: '" + auth + "'.");
  }

  @Test
  void parse_allParametersMissing_listsEachInOrder() {
    String auth = "AWS4-HMAC-SHA256 Foo=bar";
    assertParseError(request(auth), ErrorCode.INCOMPLETE_SIGNATURE,
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
            + "Authorization header requires 'SignedHeaders' parameter. Authorization=" + auth);
  }

  @Test
  void parse_missingCredential_incompleteSignature() {
    String auth = "AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=abc";
    assertParseError(request(auth), ErrorCode.INCOMPLETE_SIGNATURE,
        "Authorization header requires 'Credential' parameter. Authorization=" + auth);
  }

  @Test
  void parse_missingSignedHeaders_incompleteSignature() {
    String auth = "AWS4-HMAC-SHA256 Credential=AKIACAIRNTESTKEY0001/20260101/us-east-1/dynamodb/aws4_request, "
        + "Signature=abc";
    assertParseError(request(auth), ErrorCode.INCOMPLETE_SIGNATURE,
        "Authorization header requires 'SignedHeaders' parameter. Authorization=" + auth);
  }

  @Test
  void parse_missingSignature_incompleteSignature() {
    String auth = "AWS4-HMAC-SHA256 Credential=AKIACAIRNTESTKEY0001/20260101/us-east-1/dynamodb/aws4_request, "
        + "SignedHeaders=host;x-amz-date";
    assertParseError(request(auth), ErrorCode.INCOMPLETE_SIGNATURE,
        "Authorization header requires 'Signature' parameter. Authorization=" + auth);
  }

  @Test
  void parse_noDateHeader_incompleteSignature() {
    assertParseError(request(GOOD, null, null), ErrorCode.INCOMPLETE_SIGNATURE,
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + GOOD);
  }

  @Test
  void parse_missingParameterAndDate_bothReported() {
    String auth = "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abc";
    assertParseError(request(auth, null, null), ErrorCode.INCOMPLETE_SIGNATURE,
        "Authorization header requires 'Credential' parameter. Authorization header requires existence of either "
            + "a 'X-Amz-Date' or a 'Date' header. Authorization=" + auth);
  }

  @Test
  void parse_dateHeaderInBasicFormat_accepted() {
    assertEquals(DATE, verifier.parse(request(GOOD, "Date", DATE)).amzDate());
  }

  @ParameterizedTest
  @ValueSource(strings = {"201", "2026-01-01T00:20:00Z", "20261301T002000Z", "20260101T002000"})
  void parse_badDateFormat_incompleteSignature(String date) {
    assertParseError(request(GOOD, "X-Amz-Date", date), ErrorCode.INCOMPLETE_SIGNATURE,
        "Date must be in ISO-8601 'basic format'. Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  @Test
  void parse_httpDateInDateHeader_incompleteSignature() {
    String date = "Thu, 01 Jan 2026 00:20:00 GMT";
    assertParseError(request(GOOD, "Date", date), ErrorCode.INCOMPLETE_SIGNATURE,
        "Date must be in ISO-8601 'basic format'. Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  @Test
  void parse_dateTooOld_signatureExpired() {
    assertParseError(request(GOOD, "X-Amz-Date", "20260101T000000Z"), ErrorCode.INVALID_SIGNATURE,
        "Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z (20260101T002500Z - 15 min.)");
  }

  @Test
  void parse_dateInFuture_signatureNotYetCurrent() {
    String auth = GOOD;
    assertParseError(request(auth, "X-Amz-Date", "20260101T005000Z"), ErrorCode.INVALID_SIGNATURE,
        "Signature not yet current: 20260101T005000Z is still later than 20260101T004000Z (20260101T002500Z + 15 min.)");
  }

  @Test
  void parse_expiredBeforeBadCredential_expiryReportedFirst() {
    // Alternator's test against DynamoDB: a bad scope still reports the expiry first.
    String auth = "AWS4-HMAC-SHA256 Credential=cassandra/2/3/4/aws4_request SignedHeaders=x-amz-date;host Signature=123";
    assertParseError(request(auth, "X-Amz-Date", "20170101T010101Z"), ErrorCode.INVALID_SIGNATURE,
        "Signature expired: 20170101T010101Z is now earlier than 20260101T001000Z (20260101T002500Z - 15 min.)");
  }

  @Test
  void parse_hostNotSigned_invalidSignature() {
    String auth = "AWS4-HMAC-SHA256 Credential=AKIACAIRNTESTKEY0001/20260101/us-east-1/dynamodb/aws4_request, "
        + "SignedHeaders=x-amz-date;x-amz-target, Signature=abc";
    assertParseError(request(auth), ErrorCode.INVALID_SIGNATURE,
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  @Test
  void parse_emptySignedHeaders_hostNotSigned() {
    String auth = "AWS4-HMAC-SHA256 Credential=AKIACAIRNTESTKEY0001/20260101/us-east-1/dynamodb/aws4_request, "
        + "SignedHeaders=, Signature=abc";
    assertParseError(request(auth), ErrorCode.INVALID_SIGNATURE,
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  @Test
  void parse_unsupportedAlgorithm_incompleteSignature() {
    String auth = GOOD.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512");
    assertParseError(request(auth), ErrorCode.INCOMPLETE_SIGNATURE,
        "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ");
  }

  @Test
  void parse_credentialWithFourElements_incompleteSignature() {
    String auth = GOOD.replace("/us-east-1/dynamodb/aws4_request", "/us-east-1/dynamodb");
    assertParseError(request(auth), ErrorCode.INCOMPLETE_SIGNATURE,
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
            + "got 'AKIACAIRNTESTKEY0001/20260101/us-east-1/dynamodb'");
  }

  @Test
  void parse_credentialTrailingSlashes_ignored() {
    String auth = GOOD.replace("aws4_request,", "aws4_request//,");
    assertEquals("us-east-1", verifier.parse(request(auth)).scope().region());
  }

  @Test
  void parse_wrongService_invalidSignature() {
    String auth = GOOD.replace("/dynamodb/", "/execute-api/");
    assertParseError(request(auth), ErrorCode.INVALID_SIGNATURE, "Credential should be scoped to correct service: 'dynamodb'. ");
  }

  @Test
  void parse_badRegion_invalidSignature() {
    String auth = GOOD.replace("/us-east-1/", "/us east/");
    // A space splits the token: the header is then malformed before the region is looked at.
    assertParseError(request(auth), ErrorCode.INCOMPLETE_SIGNATURE,
        "'east/dynamodb/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: '"
            + auth + "'.");
    String weird = GOOD.replace("/us-east-1/", "/us.east.1/");
    assertParseError(request(weird), ErrorCode.INVALID_SIGNATURE,
        "Credential should be scoped to a valid region, not 'us.east.1'. ");
  }

  @Test
  void parse_anyWellFormedRegion_accepted() {
    assertEquals("local", verifier.parse(request(GOOD.replace("/us-east-1/", "/local/"))).scope().region());
  }

  @Test
  void parse_everyScopeElementWrong_allReportedInOrder() {
    String auth = GOOD.replace("/20260101/us-east-1/dynamodb/aws4_request", "/b/us.x/d/e");
    assertParseError(request(auth), ErrorCode.INVALID_SIGNATURE,
        "Credential should be scoped to a valid region, not 'us.x'. "
            + "Credential should be scoped to correct service: 'dynamodb'. "
            + "Credential should be scoped with a valid terminator: 'aws4_request', not 'e'. "
            + "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
            + "'b' != '20260101', from '20260101T002000Z'.");
  }

  @Test
  void parse_scopeDateOtherDay_invalidSignature() {
    String auth = GOOD.replace("/20260101/", "/20251231/");
    assertParseError(request(auth), ErrorCode.INVALID_SIGNATURE,
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
            + "'20251231' != '20260101', from '20260101T002000Z'.");
  }

  @Test
  void parse_commasWithoutSpaces_accepted() {
    String auth = GOOD.replace(", ", ",");
    assertEquals("AKIACAIRNTESTKEY0001", verifier.parse(request(auth)).accessKeyId());
  }

  @Test
  void errors_forCallerLookups_haveDynamoDbTexts() {
    assertEquals(ErrorCode.UNRECOGNIZED_CLIENT, SigV4Errors.unrecognizedAccessKey().code());
    assertEquals("The security token included in the request is invalid.",
        SigV4Errors.unrecognizedAccessKey().getMessage());
    assertEquals("The security token included in the request is invalid",
        SigV4Errors.invalidSecurityToken().getMessage());
  }

  @Test
  void parse_xAmzDateAndDate_xAmzDateWins() {
    SigV4Request both = SigV4Request.of("POST", "/", "", RequestHeaders.builder()
            .add("Host", "localhost")
            .add("Authorization", GOOD)
            .add("Date", "Thu, 01 Jan 2026 00:20:00 GMT")
            .add("X-Amz-Date", DATE)
            .build(),
        new byte[0], NOW);
    assertEquals(DATE, verifier.parse(both).amzDate());
  }
}
