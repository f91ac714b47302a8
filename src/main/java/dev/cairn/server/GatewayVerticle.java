package dev.cairn.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.model.Operation;
import dev.cairn.core.model.Principal;
import dev.cairn.protocol.RequestDecoder;
import dev.cairn.protocol.ResponseEncoder;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS front door, one instance per event loop, all on one port.
 *
 * <p>{@code POST /} is the DynamoDB and DynamoDB Streams JSON protocol; the checks run in the service's
 * order: body size (413), JSON well-formedness ({@code SerializationException}), {@code X-Amz-Target}
 * ({@code UnknownOperationException}), SigV4 ({@link RequestAuthenticator}), empty body, member types and
 * constraints ({@link RequestDecoder}); then one bus hop to the operation family. Every response carries
 * {@code x-amzn-RequestId} and {@code x-amz-crc32} (CRC32 of the body, which the SDKs check).
 * {@code GET /health} answers without auth; {@code /manage/v1/...} is the management API.
 */
public final class GatewayVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);
  private static final String JSON_1_0 = "application/x-amz-json-1.0";
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final GatewayOptions options;
  private final RequestAuthenticator authenticator;
  private final ManagementApi management;
  private final HealthCheck health;
  private final RequestDecoder decoder;
  private HttpServer server;

  public GatewayVerticle(GatewayOptions options, RequestAuthenticator authenticator, RequestDecoder decoder,
      ManagementApi management, HealthCheck health) {
    this.options = options;
    this.decoder = decoder;
    this.authenticator = authenticator;
    this.management = management;
    this.health = health;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(rc -> health.respond(rc.response()));
    router.get("/").handler(rc -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
        .end("healthy: dynamodb." + options.region() + ".amazonaws.com "));
    management.mount(vertx, router);
    HttpServerOptions http = options.httpServerOptions();
    server = vertx.createHttpServer(http).requestHandler(req -> {
      if (req.method() == HttpMethod.POST && "/".equals(req.path())) {
        dynamo(req);
      } else {
        router.handle(req);
      }
    });
    return server.listen(options.port(), options.host());
  }

  @Override
  public Future<?> stop() {
    // Graceful: stop accepting, let in-flight requests finish (up to the request timeout).
    return server == null ? Future.succeededFuture()
        : server.shutdown(options.requestTimeoutMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private void dynamo(HttpServerRequest req) {
    String requestId = RequestIds.next();
    long declared = contentLength(req);
    if (declared > options.maxBodyBytes()) {
      tooLarge(req, requestId);
      return;
    }
    Buffer body = Buffer.buffer(declared > 0 ? (int) declared : 256);
    req.handler(chunk -> {
      if (body.length() + chunk.length() > options.maxBodyBytes()) {
        req.handler(null);
        tooLarge(req, requestId);
      } else {
        body.appendBuffer(chunk);
      }
    });
    req.endHandler(v -> {
      if (!req.response().ended()) {
        process(req, requestId, body);
      }
    });
  }

  private void process(HttpServerRequest req, String requestId, Buffer body) {
    HttpServerResponse resp = req.response();
    Operation op;
    JsonNode json = null;
    try {
      if (body.length() > 0) {
        json = parse(body);
      }
      op = Operation.fromTarget(req.getHeader("X-Amz-Target"));
      if (op == null) {
        throw RequestDecoder.unknownOperation();
      }
    } catch (DynamoException e) {
      sendError(resp, requestId, e);
      return;
    }
    Operation operation = op;
    JsonNode parsed = json;
    authenticator.authenticate(req, body)
        .compose(principal -> {
          if (parsed == null) {
            return Future.failedFuture(DynamoException.of(ErrorCode.SERIALIZATION, null));
          }
          Object request = decoder.decode(operation, parsed);
          return call(requestId, operation, principal, request);
        })
        .onComplete(ar -> {
          if (ar.succeeded()) {
            send(resp, requestId, 200, ResponseEncoder.encode(ar.result()));
          } else {
            sendError(resp, requestId, toApiError(requestId, operation, ar.cause()));
          }
        });
  }

  private Future<Object> call(String requestId, Operation op, Principal principal, Object request) {
    long deadline = System.currentTimeMillis() + options.requestTimeoutMillis();
    ApiCall call = new ApiCall(requestId, op, principal, request, deadline);
    return vertx.eventBus().<ApiReply>request(BusAddresses.family(op.family()), call,
            new DeliveryOptions(LOCAL).setSendTimeout(options.requestTimeoutMillis()))
        .compose(msg -> {
          ApiReply reply = msg.body();
          return reply.error() == null ? Future.succeededFuture(reply.response())
              : Future.failedFuture(reply.error());
        });
  }

  private static DynamoException toApiError(String requestId, Operation op, Throwable failure) {
    if (failure instanceof DynamoException de) {
      return de;
    }
    if (failure instanceof ReplyException re && re.failureType() == ReplyFailure.TIMEOUT) {
      LOG.warn("request {} ({}) timed out", requestId, op.wireName());
      return DynamoException.of(ErrorCode.SERVICE_UNAVAILABLE, "Service Unavailable");
    }
    LOG.error("request {} ({}) failed", requestId, op.wireName(), failure);
    return DynamoException.of(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error");
  }

  private static JsonNode parse(Buffer body) {
    try {
      return ResponseEncoder.MAPPER.readTree(body.getBytes());
    } catch (JsonProcessingException e) {
      throw DynamoException.of(ErrorCode.SERIALIZATION, null);
    } catch (IOException e) {
      throw DynamoException.of(ErrorCode.SERIALIZATION, null);
    }
  }

  private static long contentLength(HttpServerRequest req) {
    String cl = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (cl == null) {
      return -1;
    }
    try {
      return Long.parseLong(cl.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void tooLarge(HttpServerRequest req, String requestId) {
    DynamoException e = DynamoException.of(ErrorCode.REQUEST_TOO_LARGE,
        "Request size exceeded " + options.maxBodyBytes() + " bytes");
    sendError(req.response(), requestId, e);
    req.connection().close();
  }

  static void sendError(HttpServerResponse resp, String requestId, DynamoException e) {
    send(resp, requestId, e.code().httpStatus(), ResponseEncoder.encodeError(e));
  }

  static void send(HttpServerResponse resp, String requestId, int status, byte[] body) {
    if (resp.ended() || resp.closed()) {
      return;
    }
    CRC32 crc = new CRC32();
    crc.update(body);
    resp.setStatusCode(status)
        .putHeader("x-amzn-RequestId", requestId)
        .putHeader("x-amz-crc32", Long.toString(crc.getValue()))
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON_1_0)
        .end(Buffer.buffer(body));
  }
}
