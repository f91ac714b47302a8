package dev.cairn.core.api;

import java.util.List;

/**
 * DescribeEndpoints output: the endpoint addresses (host[:port], no scheme) and how long a client may cache
 * them, in minutes. Source: DynamoDB API Reference, "DescribeEndpoints".
 */
public record DescribeEndpointsResponse(List<Endpoint> endpoints) {
  /** One endpoint: {@code address} and {@code cachePeriodInMinutes}. */
  public record Endpoint(String address, long cachePeriodInMinutes) {
  }
}
