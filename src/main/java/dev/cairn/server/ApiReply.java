package dev.cairn.server;

import dev.cairn.core.error.DynamoException;

/**
 * The one reply to an {@link ApiCall}: a typed response, or an API error. Internal failures are turned into
 * {@code InternalServerError} (and logged) before they become a reply.
 */
public record ApiReply(Object response, DynamoException error) {
  public static ApiReply ok(Object response) {
    return new ApiReply(response, null);
  }

  public static ApiReply failed(DynamoException error) {
    return new ApiReply(null, error);
  }
}
