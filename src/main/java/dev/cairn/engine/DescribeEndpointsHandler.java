package dev.cairn.engine;

import dev.cairn.core.api.DescribeEndpointsResponse;
import dev.cairn.core.api.EmptyRequest;
import dev.cairn.core.model.Principal;
import io.vertx.core.Future;
import java.util.List;

/**
 * DescribeEndpoints: the address clients should use, cached for 1440 minutes as the service answers.
 * Source: DynamoDB API Reference, "DescribeEndpoints".
 */
public final class DescribeEndpointsHandler implements OperationHandler<EmptyRequest> {
  static final long CACHE_PERIOD_MINUTES = 1440;

  private final String address;

  /** @param address host[:port] of this server's public endpoint, without scheme */
  public DescribeEndpointsHandler(String address) {
    this.address = address;
  }

  @Override
  public Future<DescribeEndpointsResponse> handle(Principal principal, EmptyRequest request) {
    return Future.succeededFuture(new DescribeEndpointsResponse(
        List.of(new DescribeEndpointsResponse.Endpoint(address, CACHE_PERIOD_MINUTES))));
  }
}
