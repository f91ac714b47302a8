package dev.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small HTTPS client of the management API ({@code /manage/v1}), trusting the given CA bundle and sending
 * the administrator's credentials with HTTP Basic.
 */
public final class ManagementClient {
  private final HttpClient http;
  private final String base;
  private final String authorization;

  /**
   * @param endpoint  e.g. {@code https://127.0.0.1:8000}
   * @param caBundle  PEM file of certificates to trust, or {@code null} for the JDK's defaults
   * @param adminUser administrator name
   * @param password  administrator password
   */
  public ManagementClient(String endpoint, Path caBundle, String adminUser, String password) throws Exception {
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (caBundle != null && endpoint.startsWith("https")) {
      b.sslContext(sslContextTrusting(caBundle));
    }
    this.http = b.build();
    this.base = endpoint.replaceAll("/+$", "") + "/manage/v1";
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((adminUser + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** An SSL context whose only trust anchors are the certificates of a PEM file. */
  public static SSLContext sslContextTrusting(Path pem) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca" + i++, c);
      }
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  /** The status code and JSON body of a call. */
  public record Reply(int status, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** Sends one request; {@code jsonBody} may be {@code null}. */
  public Reply call(String method, String path, String jsonBody) throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization).header("Accept", "application/json");
    if (jsonBody != null) {
      r.header("Content-Type", "application/json");
      r.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    } else {
      r.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> resp = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(resp.statusCode(), resp.body());
  }
}
