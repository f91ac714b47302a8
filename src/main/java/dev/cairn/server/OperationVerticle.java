package dev.cairn.server;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.Operation;
import dev.cairn.engine.OperationHandler;
import dev.cairn.engine.StorageErrors;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one operation family: takes {@link ApiCall}s from the family's bus address, runs the engine handler of
 * the action and replies exactly once with an {@link ApiReply} (a response, the handler's API error, or an
 * {@code InternalServerError} for anything unexpected, logged with the request id). Calls already past their
 * deadline are dropped unanswered: the gateway has answered them with a timeout.
 */
public final class OperationVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(OperationVerticle.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final Operation.Family family;
  private final Map<Operation, OperationHandler<?>> handlers;
  private MessageConsumer<ApiCall> consumer;

  public OperationVerticle(Operation.Family family, Map<Operation, OperationHandler<?>> handlers) {
    this.family = family;
    this.handlers = Map.copyOf(handlers);
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().localConsumer(BusAddresses.family(family), this::onCall);
    return consumer.completion();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void onCall(Message<ApiCall> message) {
    ApiCall call = message.body();
    if (System.currentTimeMillis() > call.deadlineMillis()) {
      return;
    }
    OperationHandler handler = handlers.get(call.operation());
    Future<?> result;
    try {
      result = handler == null
          ? Future.failedFuture(dev.cairn.protocol.RequestDecoder.unknownOperation())
          : handler.handle(call.principal(), call.request());
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        message.reply(ApiReply.ok(ar.result()), LOCAL);
      } else {
        DynamoException error = StorageErrors.toApiError(ar.cause());
        if (error.code().isServerFault()) {
          LOG.error("request {} ({}) failed", call.requestId(), call.operation().wireName(), ar.cause());
        }
        message.reply(ApiReply.failed(error), LOCAL);
      }
    });
  }

  @Override
  public Future<?> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
