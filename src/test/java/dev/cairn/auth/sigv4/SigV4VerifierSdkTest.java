package dev.cairn.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Requests signed by the AWS SDK v2's own signers pass verification; tampering with them fails. */
class SigV4VerifierSdkTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  private static final String BODY = "{\"TableName\":\"Orders\",\"Item\":{\"pk\":{\"S\":\"a  b\"}}}";
  private final SigV4Verifier verifier = SigV4Verifier.dynamoDb();

  private static byte[] body() {
    return BODY.getBytes(StandardCharsets.UTF_8);
  }

  private void assertVerifies(SigV4Request request) {
    ParsedAuthorization parsed = verifier.parse(request);
    assertEquals(SdkSigning.AKID, parsed.accessKeyId());
    verifier.verify(parsed, request, SigningKey.derive(parsed.accessKeyId(), SdkSigning.SECRET, parsed.scope()));
  }

  private void assertMismatch(SigV4Request request, String secret) {
    ParsedAuthorization parsed = verifier.parse(request);
    DynamoException e = assertThrows(DynamoException.class,
        () -> verifier.verify(parsed, request, SigningKey.derive(parsed.accessKeyId(), secret, parsed.scope())));
    assertEquals(ErrorCode.INVALID_SIGNATURE, e.code());
    assertEquals(SigV4Errors.SIGNATURE_MISMATCH, e.getMessage());
  }

  @Test
  void verify_sdkSignedPutItem_passes() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    assertTrue(signed.firstMatchingHeader("Authorization").orElseThrow().contains("x-amz-target"));
    assertVerifies(SdkSigning.toServerView(signed, body(), T0.plusSeconds(3)));
  }

  @Test
  void parse_sdkSignedPutItem_readsCredentialScope() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    ParsedAuthorization parsed = verifier.parse(SdkSigning.toServerView(signed, body(), T0));
    assertEquals(new CredentialScope("20260101", "us-east-1", "dynamodb"), parsed.scope());
    assertEquals("20260101T120000Z", parsed.amzDate());
    assertEquals(T0, parsed.requestTime());
    assertEquals(Optional.empty(), parsed.securityToken());
    assertTrue(parsed.signedHeaderNames().contains("host"));
  }

  @Test
  void verify_sdkSignedWithContentSha256Header_passes() {
    String hash = Hashing.sha256Hex(body());
    SdkHttpRequest unsigned = SdkSigning.dynamoPost("PutItem", BODY).putHeader("x-amz-content-sha256", hash).build();
    SdkHttpRequest signed = SdkSigning.sign(unsigned, body(), T0);
    assertTrue(signed.firstMatchingHeader("Authorization").orElseThrow().contains("x-amz-content-sha256"));
    assertVerifies(SdkSigning.toServerView(signed, body(), T0));
  }

  @Test
  void verify_sdkSignedWithSessionToken_passesAndExposesToken() {
    SdkHttpRequest signed = SdkSigning.signWithSession(
        SdkSigning.dynamoPost("GetItem", BODY).build(), body(), "FwoGZXIvYXdzEXAMPLETOKEN==", T0);
    SigV4Request request = SdkSigning.toServerView(signed, body(), T0);
    ParsedAuthorization parsed = verifier.parse(request);
    assertEquals(Optional.of("FwoGZXIvYXdzEXAMPLETOKEN=="), parsed.securityToken());
    assertEquals("eu-west-3", parsed.scope().region());
    assertTrue(parsed.signedHeaders().contains("x-amz-security-token"));
    assertVerifies(request);
  }

  /** Signs with the SDK's legacy Aws4Signer, which (like the AWS CLI) sends no x-amz-content-sha256. */
  @SuppressWarnings("deprecation")
  private static SdkHttpRequest signLegacy(software.amazon.awssdk.http.SdkHttpFullRequest.Builder request) {
    software.amazon.awssdk.auth.signer.Aws4Signer legacy = software.amazon.awssdk.auth.signer.Aws4Signer.create();
    software.amazon.awssdk.auth.signer.params.Aws4SignerParams params =
        software.amazon.awssdk.auth.signer.params.Aws4SignerParams.builder()
            .awsCredentials(AwsBasicCredentials.create(SdkSigning.AKID, SdkSigning.SECRET))
            .signingName("dynamodb")
            .signingRegion(Region.AP_SOUTHEAST_2)
            .signingClockOverride(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC))
            .build();
    return legacy.sign(request.contentStreamProvider(() -> new java.io.ByteArrayInputStream(body())).build(), params);
  }

  @Test
  void verify_legacyAws4SignerWithoutContentSha256_passes() {
    SdkHttpRequest signed = signLegacy(SdkSigning.dynamoPost("Query", BODY));
    assertTrue(signed.firstMatchingHeader("x-amz-content-sha256").isEmpty());
    assertVerifies(SdkSigning.toServerView(signed, body(), T0));
  }

  @Test
  void verify_emptyBody_passes() {
    byte[] empty = new byte[0];
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("ListTables", "").build(), empty, T0);
    assertVerifies(SdkSigning.toServerView(signed, empty, T0));
  }

  @Test
  void verify_wrongSecret_invalidSignature() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    assertMismatch(SdkSigning.toServerView(signed, body(), T0), "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEZ");
  }

  @Test
  void verify_tamperedBody_invalidSignature() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    byte[] tampered = BODY.replace("Orders", "Orderz").getBytes(StandardCharsets.UTF_8);
    assertMismatch(SdkSigning.toServerView(signed, tampered, T0), SdkSigning.SECRET);
  }

  @Test
  void verify_tamperedSignedHeader_invalidSignature() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    SdkHttpRequest tampered = signed.toBuilder().putHeader("X-Amz-Target", "DynamoDB_20120810.DeleteTable").build();
    assertMismatch(SdkSigning.toServerView(tampered, body(), T0), SdkSigning.SECRET);
  }

  @Test
  void verify_unsignedHeaderAdded_stillPasses() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    SdkHttpRequest extra = signed.toBuilder().putHeader("User-Agent", "proxy/1.0").build();
    assertVerifies(SdkSigning.toServerView(extra, body(), T0));
  }

  @Test
  void verify_tamperedHost_invalidSignature() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    SdkHttpRequest tampered = signed.toBuilder().putHeader("Host", "evil.example:8443").build();
    assertMismatch(SdkSigning.toServerView(tampered, body(), T0), SdkSigning.SECRET);
  }

  @Test
  void verify_unsignedContentSha256HeaderDoesNotMatchBody_invalidSignature() {
    // Signed correctly, then a hash header that is not in SignedHeaders is added: only the header check catches it.
    SdkHttpRequest legacySigned = signLegacy(SdkSigning.dynamoPost("PutItem", BODY));
    SdkHttpRequest withHeader =
        legacySigned.toBuilder().putHeader("x-amz-content-sha256", Hashing.sha256Hex("{}")).build();
    SigV4Request request = SdkSigning.toServerView(withHeader, body(), T0);
    assertMismatch(request, SdkSigning.SECRET);
    // The same request without the stray header passes: the failure above is the header check's.
    assertVerifies(SdkSigning.toServerView(legacySigned, body(), T0));
  }

  @Test
  void verify_unsignedPayloadHeaderAddedAfterSigning_invalidSignature() {
    SdkHttpRequest legacySigned = signLegacy(SdkSigning.dynamoPost("PutItem", BODY));
    SdkHttpRequest withHeader = legacySigned.toBuilder().putHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD").build();
    assertMismatch(SdkSigning.toServerView(withHeader, body(), T0), SdkSigning.SECRET);
  }

  @Test
  void verify_sdkUnsignedPayloadMode_invalidSignature() {
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
            .identity(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(
                SdkSigning.AKID, SdkSigning.SECRET))
            .request(SdkSigning.dynamoPost("PutItem", BODY).build())
            .payload(() -> new java.io.ByteArrayInputStream(body()))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
            .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
            .putProperty(software.amazon.awssdk.http.auth.spi.signer.HttpSigner.SIGNING_CLOCK,
                java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC)))
        .request();
    assertEquals("UNSIGNED-PAYLOAD", signed.firstMatchingHeader("x-amz-content-sha256").orElseThrow());
    assertMismatch(SdkSigning.toServerView(signed, body(), T0), SdkSigning.SECRET);
  }

  @Test
  void verify_keyForOtherScope_rejectedAsCallerBug() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    SigV4Request request = SdkSigning.toServerView(signed, body(), T0);
    ParsedAuthorization parsed = verifier.parse(request);
    SigningKey otherDay = SigningKey.derive(
        parsed.accessKeyId(), SdkSigning.SECRET, new CredentialScope("20251231", "us-east-1", "dynamodb"));
    assertThrows(IllegalArgumentException.class, () -> verifier.verify(parsed, request, otherDay));
  }

  @Test
  void verify_withinSkewWindow_passesAtBothEdges() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    assertVerifies(SdkSigning.toServerView(signed, body(), T0.plus(Duration.ofMinutes(15))));
    assertVerifies(SdkSigning.toServerView(signed, body(), T0.minus(Duration.ofMinutes(15))));
  }

  /** Captures what a real SDK client sends, then aborts before any network I/O. */
  private static final class Capture implements ExecutionInterceptor {
    final AtomicReference<SdkHttpRequest> request = new AtomicReference<>();
    final AtomicReference<byte[]> body = new AtomicReference<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      request.set(context.httpRequest());
      body.set(context.requestBody().map(Capture::bytes).orElse(new byte[0]));
      throw new IllegalStateException("captured");
    }

    private static byte[] bytes(RequestBody b) {
      try (var in = b.contentStreamProvider().newStream()) {
        return in.readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Test
  void verify_dynamoDbClientRequest_passes() {
    Capture capture = new Capture();
    try (DynamoDbClient client = DynamoDbClient.builder()
        .endpointOverride(URI.create(SdkSigning.ENDPOINT))
        .region(Region.US_WEST_2)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(SdkSigning.AKID, SdkSigning.SECRET)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.addExecutionInterceptor(capture)
            .retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build()) {
      assertThrows(RuntimeException.class, () -> client.listTables(r -> r.limit(5)));
    }
    SigV4Request request = SdkSigning.toServerView(capture.request.get(), capture.body.get(), Instant.now());
    assertVerifies(request);
  }

  @Test
  void verify_dynamoDbStreamsClientRequest_signsWithServiceDynamodb() {
    Capture capture = new Capture();
    try (DynamoDbStreamsClient client = DynamoDbStreamsClient.builder()
        .endpointOverride(URI.create(SdkSigning.ENDPOINT))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(SdkSigning.AKID, SdkSigning.SECRET)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.addExecutionInterceptor(capture)
            .retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build()) {
      assertThrows(RuntimeException.class, () -> client.listStreams(r -> r.limit(5)));
    }
    SigV4Request request = SdkSigning.toServerView(capture.request.get(), capture.body.get(), Instant.now());
    assertEquals("dynamodb", verifier.parse(request).scope().service());
    assertVerifies(request);
  }

  @Test
  void authenticate_derivesOnceThenUsesCache() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    SigV4Request request = SdkSigning.toServerView(signed, body(), T0);
    SigningKeyCache cache = SigningKeyCache.bounded(16);
    java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Function<String, Optional<String>> lookup = akid -> {
      lookups.incrementAndGet();
      return akid.equals(SdkSigning.AKID) ? Optional.of(SdkSigning.SECRET) : Optional.empty();
    };
    assertEquals(SdkSigning.AKID, verifier.authenticate(request, lookup, cache).accessKeyId());
    assertEquals(SdkSigning.AKID, verifier.authenticate(request, lookup, cache).accessKeyId());
    assertEquals(1, lookups.get());
    assertTrue(cache.get(SdkSigning.AKID, new CredentialScope("20260101", "us-east-1", "dynamodb")).isPresent());
  }

  @Test
  void authenticate_unknownAccessKey_unrecognizedClient() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    SigV4Request request = SdkSigning.toServerView(signed, body(), T0);
    DynamoException e = assertThrows(DynamoException.class,
        () -> verifier.authenticate(request, akid -> Optional.empty(), SigningKeyCache.bounded(4)));
    assertEquals(ErrorCode.UNRECOGNIZED_CLIENT, e.code());
    assertEquals("The security token included in the request is invalid.", e.getMessage());
  }

  @Test
  void authenticate_wrongSecret_notCached() {
    SdkHttpRequest signed = SdkSigning.sign(SdkSigning.dynamoPost("PutItem", BODY).build(), body(), T0);
    SigV4Request request = SdkSigning.toServerView(signed, body(), T0);
    SigningKeyCache cache = SigningKeyCache.bounded(4);
    assertThrows(DynamoException.class,
        () -> verifier.authenticate(request, akid -> Optional.of("not-the-secret"), cache));
    assertTrue(cache.get(SdkSigning.AKID, new CredentialScope("20260101", "us-east-1", "dynamodb")).isEmpty());
  }
}
