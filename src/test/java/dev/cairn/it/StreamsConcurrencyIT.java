package dev.cairn.it;

import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Nothing missed, nothing doubled: several writers change their keys while a consumer polls every shard, following
 * shards through rollovers (parents drained before children); every acknowledged write appears exactly once, and
 * each key's records come in write order.
 */
class StreamsConcurrencyIT {
  static CairnFixture fixture;
  static DynamoDbClient dynamo;
  static DynamoDbStreamsClient streams;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
    streams = fixture.streams();
  }

  /** A consumer of every shard of one stream, children only after their parent is drained. */
  static final class Consumer {
    final String arn;
    final Map<String, String> iterators = new LinkedHashMap<>();
    final Set<String> started = new HashSet<>();
    final Set<String> drained = new HashSet<>();
    final Map<String, String> parents = new HashMap<>();
    final List<Record> records = new ArrayList<>();

    Consumer(String arn) {
      this.arn = arn;
    }

    /** One round: discover shards, then one GetRecords per readable shard. */
    void poll() {
      for (Shard shard : StreamTables.shards(arn)) {
        parents.put(shard.shardId(), shard.parentShardId());
        if (started.contains(shard.shardId())) {
          continue;
        }
        String parent = shard.parentShardId();
        if (parent == null || drained.contains(parent) || !parents.containsKey(parent)) {
          iterators.put(shard.shardId(), streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
              .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
          started.add(shard.shardId());
        }
      }
      for (var e : new ArrayList<>(iterators.entrySet())) {
        GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(e.getValue()));
        records.addAll(r.records());
        if (r.nextShardIterator() == null) {
          iterators.remove(e.getKey());
          drained.add(e.getKey());
        } else {
          iterators.put(e.getKey(), r.nextShardIterator());
        }
      }
    }
  }

  @Test
  void concurrentWriters_everyAcknowledgedWriteSeenOnceInKeyOrder_throughRollovers() throws Exception {
    String name = StreamTables.createWithStream("stream-conc", StreamViewType.NEW_IMAGE, false);
    String arn = StreamTables.streamArn(name);
    fixture.server().admin().putSetting("stream_shard_rollover_ms", "1500").await(30, TimeUnit.SECONDS);
    try {
      int writers = 4;
      int keysPerWriter = 5;
      int writesPerWriter = 150;
      // Writers go on past their 150 writes until the consumer has seen two rollovers (bounded at 3000 each).
      AtomicBoolean rolledTwice = new AtomicBoolean();
      java.util.concurrent.atomic.AtomicInteger total = new java.util.concurrent.atomic.AtomicInteger();
      Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      AtomicBoolean done = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        Thread t = new Thread(() -> {
          try {
            DynamoDbClient client = fixture.dynamo();
            for (int i = 1; i <= writesPerWriter || (!rolledTwice.get() && i <= 3000); i++) {
              String key = "w" + writer + "-k" + (i % keysPerWriter);
              String v = String.valueOf(i);
              if (i % 3 == 0) {
                client.updateItem(b -> b.tableName(name).key(item("pk", s(key))).updateExpression("SET v = :v")
                    .expressionAttributeValues(Map.of(":v", n(v))));
              } else {
                client.putItem(b -> b.tableName(name).item(item("pk", s(key), "v", n(v))));
              }
              acknowledged.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(v);
              total.incrementAndGet();
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        threads.add(t);
        t.start();
      }
      Consumer consumer = new Consumer(arn);
      Thread watcher = new Thread(() -> {
        for (Thread t : threads) {
          try {
            t.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        done.set(true);
      });
      watcher.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (System.nanoTime() < deadline && (!done.get() || consumer.records.size() < total.get())) {
        consumer.poll();
        // Grandchildren exist: the first children have rolled over too.
        rolledTwice.set(consumer.parents.values().stream().anyMatch(p -> p != null
            && consumer.parents.get(p) != null));
      }
      watcher.join();
      int expected = total.get();
      assertTrue(failures.isEmpty(), () -> "writer failures: " + failures);

      Map<String, List<String>> seen = new HashMap<>();
      for (Record r : consumer.records) {
        seen.computeIfAbsent(r.dynamodb().keys().get("pk").s(), k -> new ArrayList<>())
            .add(r.dynamodb().newImage().get("v").n());
      }
      assertEquals(expected, consumer.records.size(), "records seen");
      for (var e : acknowledged.entrySet()) {
        assertEquals(e.getValue(), seen.get(e.getKey()), "records of " + e.getKey() + " in write order");
      }
      assertTrue(consumer.parents.values().stream().anyMatch(p -> p != null), "at least one rollover happened");
    } finally {
      fixture.server().admin().putSetting("stream_shard_rollover_ms", "14400000").await(30, TimeUnit.SECONDS);
    }
  }

  /**
   * The watermark, deterministically: a transaction that took its id before a later write committed (a slow
   * writer) holds that write's record back until it finishes, and its own record then comes first; a reader
   * that had read on in between would otherwise have skipped it.
   */
  @Test
  void olderOpenTransaction_holdsBackLaterRecords_untilItCommits() throws Exception {
    String name = StreamTables.createWithStream("stream-wm", StreamViewType.KEYS_ONLY, true);
    String arn = StreamTables.streamArn(name);
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("p"), "sk", n("1"))));
    String shard = StreamTables.shardWithRecords(arn);
    String it = StreamTables.iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null);
    GetRecordsResponse first = streams.getRecords(b -> b.shardIterator(it));
    assertEquals(1, first.records().size());

    var pool = fixture.server().storage().pool();
    var conn = pool.getConnection().await(30, TimeUnit.SECONDS);
    try {
      var tx = conn.begin().await(30, TimeUnit.SECONDS);
      // The slow writer: takes its transaction id now.
      conn.query("SELECT pg_current_xact_id()").execute().await(30, TimeUnit.SECONDS);
      dynamo.putItem(b -> b.tableName(name).item(item("pk", s("p"), "sk", n("3"))));
      GetRecordsResponse held = streams.getRecords(b -> b.shardIterator(first.nextShardIterator()));
      assertTrue(held.records().isEmpty(), "a record is not readable while an older transaction runs");
      // The slow writer's record (as its item write would add it), in the same shard, then commit.
      conn.preparedQuery("INSERT INTO cairn.stream_records (shard_id, account_id, event_name, record, size_bytes)"
          + " SELECT sh.shard_id, sh.account_id, 'INSERT', '{\"Keys\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"2\"}},"
          + "\"SizeBytes\":3,\"StreamViewType\":\"KEYS_ONLY\"}', 3 FROM cairn.stream_shards sh"
          + " WHERE sh.shard_name = $1").execute(io.vertx.sqlclient.Tuple.of(shard)).await(30, TimeUnit.SECONDS);
      tx.commit().await(30, TimeUnit.SECONDS);
      List<Record> after = new ArrayList<>();
      String next = held.nextShardIterator();
      for (int i = 0; i < 400 && after.size() < 2; i++) {
        StreamTables.sleep(i == 0 ? 0 : 50);
        String current = next;
        GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(current));
        after.addAll(r.records());
        next = r.nextShardIterator();
      }
      assertEquals(List.of("2", "3"), after.stream().map(r -> r.dynamodb().keys().get("sk").n()).toList(),
          "the older transaction's record first, nothing skipped");
    } finally {
      conn.close();
    }
  }

  /**
   * Transactions racing single-item writes on the same keys (TransactWriteItems and UpdateItem, each adding 1 to
   * {@code seq}): every committed change adds exactly 1, so per key the stream must show seq 1, 2, 3... in order,
   * with no gap and no inversion, whichever path wrote each change.
   */
  @Test
  void transactionsRacingSingleWrites_recordsFollowCommitOrderPerKey() throws Exception {
    String name = StreamTables.createWithStream("stream-txorder", StreamViewType.NEW_IMAGE, false);
    for (String k : List.of("a", "b")) {
      dynamo.putItem(b -> b.tableName(name).item(item("pk", s(k), "seq", n("0"))));
    }
    java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    for (int t = 0; t < 6; t++) {
      boolean transactional = t % 2 == 0;
      String key = t % 4 < 2 ? "a" : "b";
      threads.add(new Thread(() -> {
        try {
          for (int i = 0; i < 40; i++) {
            if (transactional) {
              try {
                dynamo.transactWriteItems(b -> b.transactItems(List.of("a", "b").stream().map(k ->
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(u -> u
                        .tableName(name).key(item("pk", s(k))).updateExpression("SET seq = seq + :one")
                        .expressionAttributeValues(Map.of(":one", n("1")))).build()).toList()));
                committed.addAndGet(2);
              } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException conflict) {
                // a concurrent write came between the read and the write: nothing was written
              }
            } else {
              dynamo.updateItem(b -> b.tableName(name).key(item("pk", s(key))).updateExpression("SET seq = seq + :one")
                  .expressionAttributeValues(Map.of(":one", n("1"))));
              committed.incrementAndGet();
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(), failures);
    List<Record> records = StreamTables.readAll(StreamTables.streamArn(name), 2 + committed.get());
    Map<String, List<Integer>> seqByKey = new HashMap<>();
    for (Record r : records) {
      seqByKey.computeIfAbsent(r.dynamodb().keys().get("pk").s(), k -> new ArrayList<>())
          .add(Integer.parseInt(r.dynamodb().newImage().get("seq").n()));
    }
    int total = 0;
    for (Map.Entry<String, List<Integer>> e : seqByKey.entrySet()) {
      List<Integer> seq = e.getValue();
      for (int i = 0; i < seq.size(); i++) {
        assertEquals(i, seq.get(i), "key " + e.getKey() + ": records out of commit order: " + seq);
      }
      total += seq.size();
    }
    assertEquals(2 + committed.get(), total);
  }

  /**
   * DescribeStream's ShardFilter (Streams API Reference, "ShardFilter"): CHILD_SHARDS of a closed shard are the
   * shards that took over from it, each with that ParentShardId; an open shard has none; a Type other than
   * CHILD_SHARDS is refused.
   */
  @Test
  void describeStream_childShardsFilter_listsTheChildrenOfAShard() throws Exception {
    String name = StreamTables.createWithStream("stream-children", StreamViewType.KEYS_ONLY, false);
    String arn = StreamTables.streamArn(name);
    fixture.server().admin().putSetting("stream_shard_rollover_ms", "1000").await(30, TimeUnit.SECONDS);
    try {
      long deadline = System.currentTimeMillis() + 30_000;
      List<Shard> shards = StreamTables.shards(arn);
      while (shards.stream().noneMatch(x -> x.parentShardId() != null)) {
        assertTrue(System.currentTimeMillis() < deadline, "no rollover within 30 s");
        Thread.sleep(200);
        shards = StreamTables.shards(arn);
      }
    } finally {
      fixture.server().admin().putSetting("stream_shard_rollover_ms", "14400000").await(30, TimeUnit.SECONDS);
    }
    List<Shard> all = StreamTables.shards(arn);
    Shard child = all.stream().filter(x -> x.parentShardId() != null).findFirst().orElseThrow();
    String parent = child.parentShardId();
    List<Shard> children = streams.describeStream(b -> b.streamArn(arn)
        .shardFilter(f -> f.type(software.amazon.awssdk.services.dynamodb.model.ShardFilterType.CHILD_SHARDS)
            .shardId(parent))).streamDescription().shards();
    assertTrue(children.contains(child), children.toString());
    assertTrue(children.stream().allMatch(x -> parent.equals(x.parentShardId())), children.toString());
    List<String> expected = all.stream().filter(x -> parent.equals(x.parentShardId())).map(Shard::shardId).toList();
    assertEquals(expected, children.stream().map(Shard::shardId).toList());
    String newest = all.get(all.size() - 1).shardId();
    assertEquals(List.of(), streams.describeStream(b -> b.streamArn(arn).shardFilter(f -> f.type("CHILD_SHARDS")
        .shardId(newest))).streamDescription().shards().stream()
        .filter(x -> newest.equals(x.parentShardId())).toList());
    var refused = DynamoAssertions.assertDynamoError("ValidationException", null,
        () -> streams.describeStream(b -> b.streamArn(arn).shardFilter(f -> f.type("PARENT_SHARDS").shardId(parent))));
    assertEquals("1 validation error detected: Value 'PARENT_SHARDS' at 'shardFilter.type' failed to satisfy"
        + " constraint: Member must satisfy enum value set: [CHILD_SHARDS]", refused.awsErrorDetails().errorMessage());
  }
}
