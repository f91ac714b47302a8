package dev.cairn.bench;

import java.util.function.LongSupplier;

/**
 * A DynamoDB-compatible server under test that the harness starts and stops. {@link #start()} returns once
 * it answers a signed ListTables; {@link #close()} stops it and is safe to call more than once.
 */
public interface Target extends AutoCloseable {
  /** The name in reports. */
  String name();

  /** Starts the server and returns where to reach it. */
  Endpoint start() throws Exception;

  /** The server process's cumulative CPU time in nanoseconds, or {@code null} when unknown. */
  LongSupplier cpuNanos();

  @Override
  void close();
}
