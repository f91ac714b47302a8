package dev.cairn.storage.postgres;

import java.util.Objects;

/**
 * How to reach PostgreSQL and how many connections to use.
 *
 * @param uri             a {@code postgresql://user:password@host:port/database} URI
 * @param poolSize        connections of the transaction pool (default {@value #DEFAULT_POOL_SIZE})
 * @param clientSize      connections of the pipelined client for single statements
 *                        (default {@value #DEFAULT_CLIENT_SIZE})
 * @param pipeliningLimit statements in flight per pipelined connection (default {@value #DEFAULT_PIPELINING_LIMIT})
 */
public record PgSettings(String uri, int poolSize, int clientSize, int pipeliningLimit) {
  public static final int DEFAULT_POOL_SIZE = 16;
  public static final int DEFAULT_CLIENT_SIZE = 4;
  public static final int DEFAULT_PIPELINING_LIMIT = 256;

  public PgSettings {
    Objects.requireNonNull(uri, "uri");
    if (poolSize < 1 || clientSize < 1 || pipeliningLimit < 1) {
      throw new IllegalArgumentException("pool_size, client_size and pipelining_limit must be at least 1");
    }
  }

  public static PgSettings of(String uri) {
    return new PgSettings(uri, DEFAULT_POOL_SIZE, DEFAULT_CLIENT_SIZE, DEFAULT_PIPELINING_LIMIT);
  }
}
