package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The authentication and protocol error matrix: each bad request gets DynamoDB's error type and text, and
 * every response carries {@code x-amzn-RequestId} and a correct {@code x-amz-crc32}.
 */
class SigV4IT {
  static final String LIST_TABLES = "DynamoDB_20120810.ListTables";
  static final ObjectMapper JSON = new ObjectMapper();
  static CairnFixture fixture;
  static RawClient raw;
  static CairnFixture.Keys keys;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = CairnFixture.get();
    raw = new RawClient(fixture);
    keys = fixture.defaultKeys();
  }

  private static RawClient.Response signedListTables(String body, Clock clock) throws Exception {
    SdkHttpRequest req = raw.signed(keys.accessKeyId(), keys.secretAccessKey(), LIST_TABLES, body, clock);
    return raw.send(req, body);
  }

  private static void assertError(RawClient.Response r, int status, String type, String message) throws Exception {
    assertEquals(status, r.status(), r.body());
    JsonNode body = JSON.readTree(r.body());
    assertEquals(type, body.get("__type").asText(), r.body());
    if (message == null) {
      assertTrue(body.get("message") == null || body.get("message").isNull(), r.body());
    } else {
      assertEquals(message, body.get("message").asText(), r.body());
    }
    assertProtocolHeaders(r);
  }

  private static void assertProtocolHeaders(RawClient.Response r) {
    assertNotNull(r.header("x-amzn-RequestId"));
    assertEquals(52, r.header("x-amzn-RequestId").length());
    CRC32 crc = new CRC32();
    crc.update(r.body().getBytes(StandardCharsets.UTF_8));
    assertEquals(Long.toString(crc.getValue()), r.header("x-amz-crc32"));
  }

  @Test
  void signedRequest_succeedsWithProtocolHeaders() throws Exception {
    RawClient.Response r = signedListTables("{}", Clock.systemUTC());
    assertEquals(200, r.status(), r.body());
    assertTrue(JSON.readTree(r.body()).has("TableNames"));
    assertEquals("application/x-amz-json-1.0", r.header("Content-Type"));
    assertProtocolHeaders(r);
  }

  @Test
  void noAuthorization_missingAuthenticationToken() throws Exception {
    RawClient.Response r = raw.send(Map.of("X-Amz-Target", List.of(LIST_TABLES),
        "Content-Type", List.of("application/x-amz-json-1.0")), "{}".getBytes());
    assertError(r, 400, "com.amazon.coral.service#MissingAuthenticationTokenException",
        "Request is missing Authentication Token");
  }

  @Test
  void unknownAccessKey_unrecognizedClient() {
    assertDynamoError("UnrecognizedClientException", "The security token included in the request is invalid.",
        () -> fixture.dynamo("AKIACAIRNNOSUCHKEY00", "x".repeat(40)).listTables());
  }

  @Test
  void wrongSecret_invalidSignature() {
    assertDynamoError("InvalidSignatureException", "The request signature we calculated does not match the"
            + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
            + " documentation for details.",
        () -> fixture.dynamo(keys.accessKeyId(), "w".repeat(40)).listTables());
  }

  @Test
  void tamperedBody_invalidSignature() throws Exception {
    SdkHttpRequest req = raw.signed(keys.accessKeyId(), keys.secretAccessKey(), LIST_TABLES, "{}", Clock.systemUTC());
    RawClient.Response r = raw.send(req, "{\"Limit\":5}");
    assertEquals(400, r.status());
    assertEquals("com.amazon.coral.service#InvalidSignatureException", JSON.readTree(r.body()).get("__type").asText());
  }

  @Test
  void tamperedSignedHeader_invalidSignature() throws Exception {
    SdkHttpRequest req = raw.signed(keys.accessKeyId(), keys.secretAccessKey(), LIST_TABLES, "{}", Clock.systemUTC());
    Map<String, List<String>> headers = new HashMap<>(req.headers());
    headers.put("X-Amz-Target", List.of("DynamoDB_20120810.DescribeEndpoints"));
    RawClient.Response r = raw.send(headers, "{}".getBytes());
    assertEquals("com.amazon.coral.service#InvalidSignatureException", JSON.readTree(r.body()).get("__type").asText());
  }

  @Test
  void dateTooOld_signatureExpired() throws Exception {
    Instant past = Instant.now().minus(Duration.ofMinutes(20));
    RawClient.Response r = signedListTables("{}", Clock.fixed(past, ZoneOffset.UTC));
    assertEquals(400, r.status());
    JsonNode body = JSON.readTree(r.body());
    assertEquals("com.amazon.coral.service#InvalidSignatureException", body.get("__type").asText());
    assertTrue(body.get("message").asText().matches("Signature expired: \\d{8}T\\d{6}Z is now earlier than"
        + " \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 15 min\\.\\)"), body.toString());
  }

  @Test
  void dateInFuture_signatureNotYetCurrent() throws Exception {
    Instant future = Instant.now().plus(Duration.ofMinutes(20));
    RawClient.Response r = signedListTables("{}", Clock.fixed(future, ZoneOffset.UTC));
    JsonNode body = JSON.readTree(r.body());
    assertEquals("com.amazon.coral.service#InvalidSignatureException", body.get("__type").asText());
    assertTrue(body.get("message").asText().contains("15 min."), body.toString());
  }

  @Test
  void malformedAuthorization_incompleteSignature() throws Exception {
    String auth = "AWS4-HMAC-SHA256 Credential=" + keys.accessKeyId() + "/20260101/us-east-1/dynamodb/aws4_request";
    RawClient.Response r = raw.send(Map.of("X-Amz-Target", List.of(LIST_TABLES),
        "Content-Type", List.of("application/x-amz-json-1.0"), "Authorization", List.of(auth),
        "X-Amz-Date", List.of("20260101T000000Z")), "{}".getBytes());
    assertError(r, 400, "com.amazon.coral.service#IncompleteSignatureException",
        "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders'"
            + " parameter. Authorization=" + auth);
  }

  @Test
  void malformedJson_serializationException() throws Exception {
    RawClient.Response r = signedListTables("{\"Limit\":", Clock.systemUTC());
    assertError(r, 400, "com.amazon.coral.service#SerializationException", null);
  }

  @Test
  void wrongMemberType_serializationException() throws Exception {
    RawClient.Response r = signedListTables("{\"Limit\":\"ten\"}", Clock.systemUTC());
    assertError(r, 400, "com.amazon.coral.service#SerializationException", "STRING_VALUE cannot be converted to Integer");
  }

  @Test
  void unknownTarget_unknownOperation() throws Exception {
    SdkHttpRequest req = raw.signed(keys.accessKeyId(), keys.secretAccessKey(), "DynamoDB_20120810.Frobnicate", "{}",
        Clock.systemUTC());
    assertError(raw.send(req, "{}"), 400, "com.amazon.coral.service#UnknownOperationException", null);
  }

  @Test
  void notYetImplementedAction_unknownOperationNeverFakeSuccess() {
    // PartiQL is not implemented yet: the action must fail as unknown, never pretend to succeed.
    assertDynamoError("UnknownOperationException", null,
        () -> fixture.dynamo().executeStatement(b -> b.statement("SELECT * FROM t")));
  }

  @Test
  void oversizeBody_rejectedWith413() throws Exception {
    byte[] big = new byte[17 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    RawClient.Response r;
    try {
      r = raw.send(Map.of("X-Amz-Target", List.of(LIST_TABLES), "Content-Type", List.of("application/x-amz-json-1.0")),
          big);
    } catch (java.io.IOException closedEarly) {
      return; // the server may close the connection before the client finished sending: also a refusal
    }
    assertEquals(413, r.status());
  }

  @Test
  void describeEndpoints_returnsThisEndpoint() {
    var r = fixture.dynamo().describeEndpoints();
    assertEquals(1, r.endpoints().size());
    assertEquals(fixture.endpoint().getAuthority(), r.endpoints().get(0).address());
    assertEquals(1440L, r.endpoints().get(0).cachePeriodInMinutes());
  }
}
