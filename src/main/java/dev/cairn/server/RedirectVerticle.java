package dev.cairn.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * Plain HTTP on the redirect port: every request gets {@code 301} to the same path on the HTTPS endpoint and
 * no data is ever served, so a client misconfigured with {@code http://} learns where to go without sending
 * signed requests in the clear to a data path.
 */
public final class RedirectVerticle extends VerticleBase {
  private final String host;
  private final int port;
  private final String httpsBase;
  private HttpServer server;

  /** @param httpsBase scheme, host and port of the HTTPS endpoint, e.g. {@code https://127.0.0.1:8000} */
  public RedirectVerticle(String host, int port, String httpsBase) {
    this.host = host;
    this.port = port;
    this.httpsBase = httpsBase;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions()).requestHandler(req -> {
      String uri = req.uri().startsWith("/") ? req.uri() : "/";
      req.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, httpsBase + uri)
          .putHeader(HttpHeaders.CONTENT_LENGTH, "0").end();
    });
    return server.listen(port, host);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
