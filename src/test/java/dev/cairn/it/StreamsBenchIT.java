package dev.cairn.it;

import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Measurements, not assertions (run with {@code -Dcairn.streams.bench=true}): the delay from an acknowledged
 * PutItem to its record being readable by a consumer polling its shard, and PutItem throughput from the same
 * closed client loop on a table without and with a stream (NEW_AND_OLD_IMAGES).
 */
@EnabledIfSystemProperty(named = "cairn.streams.bench", matches = "true")
class StreamsBenchIT {
  static CairnFixture fixture;
  static DynamoDbClient dynamo;
  static DynamoDbStreamsClient streams;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
    streams = fixture.streams();
  }

  static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
  }

  @Test
  void endToEndDelay_ackToReadable() throws Exception {
    String name = StreamTables.createWithStream("bench-delay", StreamViewType.KEYS_ONLY, true);
    String arn = StreamTables.streamArn(name);
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("lat"), "sk", n("0"))));
    String shard = StreamTables.shardWithRecords(arn);
    Map<Long, Long> seenAt = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    String start = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
        .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
    List<Long> polls = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread consumer = new Thread(() -> {
      DynamoDbStreamsClient c = fixture.streams();
      String it = start;
      while (!stop.get()) {
        String current = it;
        long before = System.nanoTime();
        var r = c.getRecords(b -> b.shardIterator(current));
        long now = System.nanoTime();
        polls.add(now - before);
        for (Record rec : r.records()) {
          seenAt.put(Long.parseLong(rec.dynamodb().keys().get("sk").n()), now);
        }
        it = r.nextShardIterator();
      }
    });
    consumer.start();
    int samples = 300;
    List<Long> delays = new ArrayList<>();
    for (long i = 1; i <= samples; i++) {
      String v = String.valueOf(i);
      dynamo.putItem(b -> b.tableName(name).item(item("pk", s("lat"), "sk", n(v))));
      long acked = System.nanoTime();
      long deadline = acked + TimeUnit.SECONDS.toNanos(10);
      while (!seenAt.containsKey(i) && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      Long seen = seenAt.get(i);
      delays.add(seen == null ? Long.MAX_VALUE : Math.max(0, seen - acked));
    }
    stop.set(true);
    consumer.join();
    Collections.sort(delays);
    List<Long> pollTimes = new ArrayList<>(polls);
    Collections.sort(pollTimes);
    System.out.printf("STREAMS-BENCH one GetRecords round trip meanwhile: p50 %.2f ms, p90 %.2f ms (%d polls)%n",
        percentile(pollTimes, 0.5) / 1e6, percentile(pollTimes, 0.9) / 1e6, pollTimes.size());
    System.out.printf("STREAMS-BENCH delay ack->readable over %d writes (consumer polling continuously): "
        + "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", samples, percentile(delays, 0.5) / 1e6,
        percentile(delays, 0.9) / 1e6, percentile(delays, 0.99) / 1e6, delays.get(delays.size() - 1) / 1e6);
  }

  @Test
  void putThroughput_streamsOffVersusOn() throws Exception {
    String off = ItemTables.create(dynamo, ItemTables.uniqueName("bench-off"), "pk", ScalarAttributeType.S, null, null);
    String on = StreamTables.createWithStream("bench-on", StreamViewType.NEW_AND_OLD_IMAGES, false);
    int threads = Integer.getInteger("cairn.streams.bench.threads", 8);
    long seconds = Long.getLong("cairn.streams.bench.seconds", 10);
    for (int round = 0; round < Integer.getInteger("cairn.streams.bench.rounds", 2); round++) {
      for (String table : List.of(off, on)) {
        loop(table, threads, 2); // warm-up
        double rate = loop(table, threads, seconds);
        System.out.printf("STREAMS-BENCH round %d PutItem %s: %.0f req/s (%d threads, %d s, keys 0..999)%n", round,
            table.equals(on) ? "stream ON " : "stream OFF", rate, threads, seconds);
      }
    }
  }

  private static double loop(String table, int threads, long seconds) throws InterruptedException {
    AtomicLong count = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        DynamoDbClient c = fixture.dynamo();
        long i = 0;
        while (System.nanoTime() < end) {
          String k = "k" + ((id * 7919 + i * 31) % 1000);
          String v = String.valueOf(i++);
          c.putItem(b -> b.tableName(table).item(item("pk", s(k), "v", n(v), "pad", s("x".repeat(100)))));
          count.incrementAndGet();
        }
      });
      ts.add(th);
      th.start();
    }
    for (Thread th : ts) {
      th.join();
    }
    return count.get() / (double) seconds;
  }
}
