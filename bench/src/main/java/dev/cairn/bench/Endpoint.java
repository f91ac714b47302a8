package dev.cairn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where and how to reach one DynamoDB-compatible target: URL ({@code https://127.0.0.1:8000} or
 * {@code http://...}), the CA bundle (PEM) trusted for HTTPS, the access key and the signing region.
 *
 * @param uri        the endpoint; only the scheme, host and port are used
 * @param caBundle   PEM file with the CA certificate(s) to trust; {@code null} for plain HTTP or the JVM's
 *                   default trust store
 * @param accessKey  access key id
 * @param secretKey  secret access key
 * @param region     signing region
 * @param others     further URIs of the same service (other server processes on one database); workers are
 *                   spread over {@code uri} and these round robin
 */
public record Endpoint(URI uri, Path caBundle, String accessKey, String secretKey, String region, List<URI> others) {
  /** One URI, no other processes. */
  public Endpoint(URI uri, Path caBundle, String accessKey, String secretKey, String region) {
    this(uri, caBundle, accessKey, secretKey, region, List.of());
  }

  /** The endpoint worker {@code i} uses: {@code uri} and {@code others} taken round robin. */
  public Endpoint forWorker(int i) {
    if (others.isEmpty()) {
      return this;
    }
    int k = i % (others.size() + 1);
    return new Endpoint(k == 0 ? uri : others.get(k - 1), caBundle, accessKey, secretKey, region, List.of());
  }

  /** Whether requests go over TLS. */
  public boolean tls() {
    return "https".equalsIgnoreCase(uri.getScheme());
  }

  /** The port, defaulting to 443/80 by scheme. */
  public int port() {
    return uri.getPort() > 0 ? uri.getPort() : (tls() ? 443 : 80);
  }

  /** The host as given in the URL. */
  public String host() {
    return uri.getHost();
  }

  /** The {@code Host} header value: host, plus the port when it is not the scheme's default. */
  public String hostHeader() {
    boolean defaultPort = uri.getPort() < 0 || (tls() ? uri.getPort() == 443 : uri.getPort() == 80);
    return defaultPort ? host() : host() + ":" + uri.getPort();
  }

  /** An SSL context trusting only the CA bundle's certificates, or the default context without a bundle. */
  public SSLContext sslContext() throws IOException, GeneralSecurityException {
    if (caBundle == null) {
      return SSLContext.getDefault();
    }
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    int i = 0;
    try (InputStream in = Files.newInputStream(caBundle)) {
      for (Certificate c : cf.generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, c);
      }
    }
    if (i == 0) {
      throw new IOException("no certificate in " + caBundle);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
