package dev.cairn.server;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Supplier;

/**
 * {@code GET /health}: {@code 200 {"status":"UP","postgres":"UP"}} when PostgreSQL answers, else
 * {@code 503} with {@code "postgres":"DOWN"}. No authentication: it reveals nothing but reachability.
 */
public final class HealthCheck {
  private final Supplier<Future<Boolean>> ping;

  public HealthCheck(Supplier<Future<Boolean>> ping) {
    this.ping = ping;
  }

  void respond(HttpServerResponse resp) {
    ping.get().otherwise(false).onComplete(ar -> {
      boolean up = ar.result();
      resp.setStatusCode(up ? 200 : 503).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end("{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"postgres\":\"" + (up ? "UP" : "DOWN") + "\"}");
    });
  }
}
