package dev.cairn.engine;

import dev.cairn.core.model.Principal;
import io.vertx.core.Future;

/**
 * The engine's handler of one action: takes the typed, validated request and returns the typed response.
 * Failures are {@link dev.cairn.core.error.DynamoException}s (API errors) or anything else (internal errors,
 * reported as {@code InternalServerError}); storage failures are mapped by {@link StorageErrors}.
 *
 * @param <Q> the request record type
 */
@FunctionalInterface
public interface OperationHandler<Q> {
  Future<?> handle(Principal principal, Q request);
}
