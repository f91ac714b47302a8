package dev.cairn.core.api;

/**
 * DescribeLimits output: capacity quotas (not headroom), in capacity units. Source: DynamoDB API Reference,
 * "DescribeLimits".
 */
public record DescribeLimitsResponse(long accountMaxReadCapacityUnits, long accountMaxWriteCapacityUnits,
    long tableMaxReadCapacityUnits, long tableMaxWriteCapacityUnits) {
  /** The service's default quotas: 80,000 per account and 40,000 per table, for reads and for writes. */
  public static final DescribeLimitsResponse DEFAULTS = new DescribeLimitsResponse(80_000, 80_000, 40_000, 40_000);
}
