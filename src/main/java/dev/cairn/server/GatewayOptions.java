package dev.cairn.server;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;

/**
 * What the gateway listens on and its limits.
 *
 * @param host                 bind address
 * @param port                 HTTPS port (plain HTTP when {@code tls} is false)
 * @param tls                  whether to serve TLS
 * @param certFile             PEM certificate chain
 * @param keyFile              PEM private key (PKCS#8)
 * @param region               the region named in ARNs and the health line
 * @param maxBodyBytes         largest accepted request body, bytes (the service's limit is 16 MB)
 * @param requestTimeoutMillis how long the gateway waits for an operation family, ms
 */
public record GatewayOptions(String host, int port, boolean tls, String certFile, String keyFile, String region,
    int maxBodyBytes, long requestTimeoutMillis) {
  public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 30_000;

  /** Vert.x server options: TLS from the PEM files when enabled, HTTP/1.1 keep-alive. */
  public HttpServerOptions httpServerOptions() {
    HttpServerOptions o = new HttpServerOptions().setTcpNoDelay(true).setCompressionSupported(false)
        .setIdleTimeout(0);
    if (tls) {
      o.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(certFile).setKeyPath(keyFile));
    }
    return o;
  }
}
