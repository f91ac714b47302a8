package dev.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prepares a target for a workload: creates its table (CreateTable, then DescribeTable until the table and
 * its indexes are ACTIVE) and preloads the key space with BatchWriteItem (25 items a request, unprocessed
 * items resent), falling back to PutItem when the target does not know BatchWriteItem.
 *
 * <p>Every wait is bounded ({@link #ACTIVE_TIMEOUT_MILLIS}, {@link #PRELOAD_TIMEOUT_MILLIS}). Failures are
 * thrown as {@link TargetException}, which carries the service's {@code __type} when there is one, so the
 * caller can report an unsupported action as "n/a".
 */
public final class Loader {
  /** How long to wait for a table to become ACTIVE. */
  public static final long ACTIVE_TIMEOUT_MILLIS = 60_000;
  /** How long a preload may take in all. */
  public static final long PRELOAD_TIMEOUT_MILLIS = 300_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request the target answered with an error. */
  public static final class TargetException extends Exception {
    private static final long serialVersionUID = 1L;
    /** The error's {@code __type} without namespace, or {@code HTTP <status>}. */
    public final String type;

    TargetException(String action, String type, String message) {
      super(action + " failed: " + type + (message == null || message.isEmpty() ? "" : ": " + message));
      this.type = type;
    }
  }

  private final Endpoint endpoint;
  private final int threads;

  /** A loader sending with {@code threads} parallel connections. */
  public Loader(Endpoint endpoint, int threads) {
    this.endpoint = endpoint;
    this.threads = Math.max(1, threads);
  }

  /** Sends one request and returns the parsed response; any non-200 answer is a {@link TargetException}. */
  static JsonNode call(DynamoConnection c, String action, String body) throws IOException, TargetException {
    HttpResponseReader.Response r = c.call(action, body.getBytes(StandardCharsets.UTF_8));
    if (r.status() != 200) {
      String message = null;
      try {
        JsonNode err = JSON.readTree(r.body());
        JsonNode m = err.has("message") ? err.get("message") : err.get("Message");
        message = m == null ? null : m.asText();
      } catch (IOException ignored) {
        // not JSON: the type from the status is enough
      }
      throw new TargetException(action, LoadRunner.errorType(r.status(), r.body()), message);
    }
    return r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  /** Sends one request on a short-lived connection. */
  public JsonNode call(String action, String body) throws IOException, TargetException {
    try (DynamoConnection c = new DynamoConnection(endpoint)) {
      return call(c, action, body);
    }
  }

  /**
   * Creates the table unless it exists, then waits until it and its indexes are ACTIVE.
   *
   * @return {@code true} when this call created it
   */
  public boolean createTable(Workload.TableSpec table) throws IOException, TargetException, InterruptedException {
    boolean created = true;
    JsonNode createdDescription = null;
    try (DynamoConnection c = new DynamoConnection(endpoint)) {
      try {
        createdDescription = call(c, "CreateTable", table.createBody()).path("TableDescription");
      } catch (TargetException e) {
        if (!"ResourceInUseException".equals(e.type)) {
          throw e;
        }
        created = false;
      }
      long deadline = System.currentTimeMillis() + ACTIVE_TIMEOUT_MILLIS;
      while (true) {
        JsonNode d;
        try {
          d = call(c, "DescribeTable", "{\"TableName\":\"" + table.name() + "\"}").path("Table");
        } catch (TargetException e) {
          if (!"UnknownOperationException".equals(e.type)) {
            throw e;
          }
          // A target with CreateTable but no DescribeTable yet: trust CreateTable's answer, give it a second.
          if (createdDescription == null || !"ACTIVE".equals(createdDescription.path("TableStatus").asText())) {
            Thread.sleep(1_000);
          }
          return created;
        }
        boolean active = "ACTIVE".equals(d.path("TableStatus").asText());
        for (JsonNode gsi : d.path("GlobalSecondaryIndexes")) {
          active &= "ACTIVE".equals(gsi.path("IndexStatus").asText());
        }
        if (active) {
          return created;
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IOException("table " + table.name() + " not ACTIVE after " + ACTIVE_TIMEOUT_MILLIS + " ms");
        }
        Thread.sleep(200);
      }
    }
  }

  /** Writes the workload's whole key space into the table. */
  public long preload(Workload workload, Workload.TableSpec table)
      throws IOException, TargetException, InterruptedException {
    long count = workload.preloadCount(table);
    long deadline = System.currentTimeMillis() + PRELOAD_TIMEOUT_MILLIS;
    AtomicLong next = new AtomicLong();
    AtomicLong written = new AtomicLong();
    boolean batch = true;
    try (DynamoConnection probe = new DynamoConnection(endpoint)) {
      List<String> first = workload.preloadItems(table, 0, Math.min(Workload.BATCH_SIZE, count));
      try {
        writeBatch(probe, table.name(), first, deadline);
      } catch (TargetException e) {
        if (!"UnknownOperationException".equals(e.type)) {
          throw e;
        }
        batch = false;
        for (String item : first) {
          call(probe, "PutItem", "{\"TableName\":\"" + table.name() + "\",\"Item\":" + item + "}");
        }
      }
      next.set(first.size());
      written.set(first.size());
    }
    boolean useBatch = batch;
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bench-loader");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          try (DynamoConnection c = new DynamoConnection(endpoint)) {
            long from;
            while ((from = next.getAndAdd(Workload.BATCH_SIZE)) < count) {
              if (System.currentTimeMillis() > deadline) {
                throw new IOException("preload of " + table.name() + " timed out");
              }
              List<String> items = workload.preloadItems(table, from, Math.min(count, from + Workload.BATCH_SIZE));
              if (useBatch) {
                writeBatch(c, table.name(), items, deadline);
              } else {
                for (String item : items) {
                  call(c, "PutItem", "{\"TableName\":\"" + table.name() + "\",\"Item\":" + item + "}");
                }
              }
              written.addAndGet(items.size());
            }
          }
          return null;
        }));
      }
      for (Future<Void> f : futures) {
        try {
          f.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof TargetException) {
            throw (TargetException) cause;
          }
          if (cause instanceof IOException) {
            throw (IOException) cause;
          }
          throw new IOException(cause);
        } catch (java.util.concurrent.TimeoutException e) {
          throw new IOException("preload of " + table.name() + " timed out");
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return written.get();
  }

  /** One BatchWriteItem, resending UnprocessedItems with a short backoff until none are left. */
  private static void writeBatch(DynamoConnection c, String table, List<String> items, long deadline)
      throws IOException, TargetException, InterruptedException {
    String body = Workload.batchWriteBody(table, items);
    int attempt = 0;
    while (true) {
      JsonNode r = call(c, "BatchWriteItem", body);
      JsonNode unprocessed = r.path("UnprocessedItems");
      if (unprocessed.isMissingNode() || unprocessed.isEmpty()) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("unprocessed items left at the preload deadline");
      }
      Thread.sleep(Math.min(500, 10L << Math.min(6, attempt++)));
      body = JSON.writeValueAsString(JSON.createObjectNode().set("RequestItems", unprocessed));
    }
  }
}
