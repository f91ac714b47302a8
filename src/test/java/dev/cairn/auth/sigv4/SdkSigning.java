package dev.cairn.auth.sigv4;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Test helper: signs DynamoDB-shaped requests with the AWS SDK v2's own SigV4 signer. */
final class SdkSigning {
  static final String AKID = "AKIACAIRNTESTKEY0001";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String ENDPOINT = "https://localhost:8443/";

  private SdkSigning() {}

  /** A PutItem-like POST with DynamoDB's headers, not yet signed. */
  static SdkHttpFullRequest.Builder dynamoPost(String target, String json) {
    return SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(URI.create(ENDPOINT))
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("X-Amz-Target", "DynamoDB_20120810." + target)
        .putHeader("Content-Length", Integer.toString(json.getBytes(StandardCharsets.UTF_8).length));
  }

  /** Signs with the SDK's AwsV4HttpSigner at a fixed instant. */
  static SdkHttpRequest sign(
      SdkHttpRequest request, byte[] body, AwsCredentialsIdentity identity, String region, String service,
      Instant at) {
    AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    return signer.sign(r -> r.identity(identity)
            .request(request)
            .payload(ContentStreamProvider.fromInputStreamSupplier(() -> new ByteArrayInputStream(body)))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
            .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
        .request();
  }

  static SdkHttpRequest sign(SdkHttpRequest request, byte[] body, Instant at) {
    return sign(request, body, AwsCredentialsIdentity.create(AKID, SECRET), "us-east-1", "dynamodb", at);
  }

  static SdkHttpRequest signWithSession(SdkHttpRequest request, byte[] body, String token, Instant at) {
    return sign(request, body, AwsSessionCredentialsIdentity.create(AKID, SECRET, token), "eu-west-3", "dynamodb",
        at);
  }

  /** The server's view of an SDK request as it would arrive. */
  static SigV4Request toServerView(SdkHttpRequest signed, byte[] body, Instant receivedAt) {
    RequestHeaders.Builder headers = RequestHeaders.builder();
    for (Map.Entry<String, List<String>> e : signed.headers().entrySet()) {
      e.getValue().forEach(v -> headers.add(e.getKey(), v));
    }
    if (!signed.firstMatchingHeader("Host").isPresent()) {
      // The HTTP client adds Host from the URI; the signer signed it from the URI too.
      String host = signed.host() + (signed.port() == 443 || signed.port() == 80 ? "" : ":" + signed.port());
      headers.add("Host", host);
    }
    String rawPath = signed.encodedPath().isEmpty() ? "/" : signed.encodedPath();
    String rawQuery = signed.getUri().getRawQuery() == null ? "" : signed.getUri().getRawQuery();
    return SigV4Request.of(signed.method().name(), rawPath, rawQuery, headers.build(), body, receivedAt);
  }
}
