package dev.cairn.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import dev.cairn.cli.ManagementClient;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Hand-made HTTP requests to the DynamoDB endpoint, signed with the AWS SDK's own SigV4 signer (or not at
 * all), so tests can send what a well-behaved SDK never would: bad JSON, wrong clocks, tampered headers.
 */
final class RawClient {
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

  private final HttpClient http;
  private final URI endpoint;

  RawClient(CairnFixture fixture) throws Exception {
    this.http = HttpClient.newBuilder().sslContext(ManagementClient.sslContextTrusting(fixture.caBundle()))
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    this.endpoint = fixture.endpoint();
  }

  /** A response: status, headers and body text. */
  record Response(int status, Map<String, java.util.List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  /** Signs a POST with the given key, target, body and clock. */
  SdkHttpRequest signed(String accessKeyId, String secret, String target, String body, Clock clock) {
    SdkHttpRequest req = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
        .putHeader("Content-Type", "application/x-amz-json-1.0").putHeader("X-Amz-Target", target).build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(accessKeyId, secret))
        .request(req)
        .payload(ContentStreamProvider.fromUtf8String(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
    return signed.request();
  }

  /** Sends a request's headers (minus those Java sets itself) with a body. */
  Response send(SdkHttpRequest request, String body) throws Exception {
    return send(request.headers(), body.getBytes(StandardCharsets.UTF_8));
  }

  Response send(Map<String, java.util.List<String>> headers, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase())) {
        values.forEach(v -> b.header(name, v));
      }
    });
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.headers().map(), r.body());
  }

  Response get(URI uri) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.headers().map(), r.body());
  }
}
