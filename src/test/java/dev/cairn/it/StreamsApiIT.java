package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ItemTables.item;
import static dev.cairn.it.ItemTables.n;
import static dev.cairn.it.ItemTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The Streams API's paging, iterator types and errors: LATEST and the sequence-number iterators, Limit on
 * GetRecords, ListStreams and DescribeStream paging, forged and other accounts' iterators, other accounts' ARNs.
 */
class StreamsApiIT {
  static CairnFixture fixture;
  static DynamoDbClient dynamo;
  static DynamoDbStreamsClient streams;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
    streams = fixture.streams();
      }

  @Test
  void iteratorTypes_positionAsTheServiceDoes() {
    String name = StreamTables.createWithStream("stream-it", StreamViewType.KEYS_ONLY, true);
    String arn = StreamTables.streamArn(name);
    for (int i = 1; i <= 5; i++) {
      String v = String.valueOf(i);
      dynamo.putItem(b -> b.tableName(name).item(item("pk", s("same"), "sk", n(v))));
    }
    StreamTables.readAll(arn, 5);
    String shard = StreamTables.shardWithRecords(arn);
    String latest = StreamTables.iterator(arn, shard, ShardIteratorType.LATEST, null);
    GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(StreamTables.iterator(arn, shard,
        ShardIteratorType.TRIM_HORIZON, null)).limit(2));
    assertEquals(2, page.records().size());
    assertNotNull(page.nextShardIterator());
    List<Record> rest = streams.getRecords(b -> b.shardIterator(page.nextShardIterator())).records();
    assertEquals(3, rest.size());
    String third = rest.get(0).dynamodb().sequenceNumber();
    assertEquals(n("3"), rest.get(0).dynamodb().keys().get("sk"));

    List<Record> at = streams.getRecords(b -> b.shardIterator(StreamTables.iterator(arn, shard,
        ShardIteratorType.AT_SEQUENCE_NUMBER, third))).records();
    assertEquals(List.of("3", "4", "5"), at.stream().map(r -> r.dynamodb().keys().get("sk").n()).toList());
    List<Record> after = streams.getRecords(b -> b.shardIterator(StreamTables.iterator(arn, shard,
        ShardIteratorType.AFTER_SEQUENCE_NUMBER, third))).records();
    assertEquals(List.of("4", "5"), after.stream().map(r -> r.dynamodb().keys().get("sk").n()).toList());

    assertTrue(streams.getRecords(b -> b.shardIterator(latest)).records().isEmpty());
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("same"), "sk", n("6"))));
    List<Record> fromLatest = streams.getRecords(b -> b.shardIterator(latest)).records();
    for (int i = 0; i < 400 && fromLatest.isEmpty(); i++) {
      StreamTables.sleep(50);
      fromLatest = streams.getRecords(b -> b.shardIterator(latest)).records();
    }
    assertEquals(1, fromLatest.size());
    assertEquals(n("6"), fromLatest.get(0).dynamodb().keys().get("sk"));
  }

  @Test
  void listStreams_andDescribeStream_page() {
    String name = StreamTables.createWithStream("stream-page", StreamViewType.KEYS_ONLY, false);
    String arn = StreamTables.streamArn(name);
    var all = streams.listStreams(b -> b.limit(100)).streams();
    assertTrue(all.stream().anyMatch(x -> x.streamArn().equals(arn) && x.tableName().equals(name)
        && arn.endsWith("/stream/" + x.streamLabel())));
    List<String> paged = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      var r = streams.listStreams(b -> b.limit(1).exclusiveStartStreamArn(from));
      r.streams().forEach(x -> paged.add(x.streamArn()));
      start = r.lastEvaluatedStreamArn();
    } while (start != null);
    assertEquals(all.stream().map(x -> x.streamArn()).toList(), paged);

    var one = streams.describeStream(b -> b.streamArn(arn).limit(1)).streamDescription();
    assertEquals(1, one.shards().size());
    assertEquals(one.shards().get(0).shardId(), one.lastEvaluatedShardId());
    Set<String> ids = new HashSet<>();
    StreamTables.shards(arn).forEach(x -> ids.add(x.shardId()));
    assertEquals(4, ids.size(), "four shards by default");
  }

  @Test
  void errors_useTheServiceTypes() {
    String name = StreamTables.createWithStream("stream-err", StreamViewType.KEYS_ONLY, false);
    String arn = StreamTables.streamArn(name);
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("a"))));
    String shard = StreamTables.shardWithRecords(arn);
    String good = StreamTables.iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null);

    String unknown = arn.substring(0, arn.lastIndexOf('/') + 1) + "2000-01-01T00:00:00.000";
    assertDynamoError("ResourceNotFoundException", "Requested resource not found: Stream: " + unknown + " not found",
        () -> streams.describeStream(b -> b.streamArn(unknown)));
    assertDynamoError("ResourceNotFoundException", null, () -> streams.getShardIterator(b -> b.streamArn(arn)
        .shardId("shardId-00000000000000000000-00000000").shardIteratorType(ShardIteratorType.LATEST)));
    assertDynamoError("ValidationException", "1 validation error detected: Value 'SOMETIMES' at 'shardIteratorType'"
        + " failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST,"
        + " AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]", () -> streams.getShardIterator(b -> b.streamArn(arn)
            .shardId(shard).shardIteratorType("SOMETIMES")));
    assertDynamoError("ValidationException", "1 validation error detected: Value '0' at 'limit' failed to satisfy"
        + " constraint: Member must have value greater than or equal to 1",
        () -> streams.getRecords(b -> b.shardIterator(good).limit(0)));

    assertDynamoError("ValidationException", "Invalid SequenceNumber: 9999999999999999999999999999999999999999",
        () -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
            .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
            .sequenceNumber("9999999999999999999999999999999999999999")));
    // A forged iterator: the payload altered, the signature kept.
    String forged = "x" + good.substring(1);
    assertDynamoError("ValidationException", "Invalid ShardIterator",
        () -> streams.getRecords(b -> b.shardIterator(forged)));
    assertDynamoError("ValidationException", "Invalid ShardIterator",
        () -> streams.getRecords(b -> b.shardIterator("not-an-iterator")));

    // Another account sees neither the stream nor accepts this account's iterator.
    CairnFixture.Keys other = fixture.newAccount("streams-other");
    DynamoDbStreamsClient them = fixture.streams(other.accessKeyId(), other.secretAccessKey());
    assertDynamoError("ResourceNotFoundException", "Requested resource not found: Stream: " + arn + " not found",
        () -> them.describeStream(b -> b.streamArn(arn)));
    String theirs = arn.replace(":" + fixture.defaultKeys().accountId() + ":", ":" + other.accountId() + ":");
    assertDynamoError("ResourceNotFoundException", null, () -> them.describeStream(b -> b.streamArn(theirs)));
    assertDynamoError("ValidationException", "Invalid ShardIterator",
        () -> them.getRecords(b -> b.shardIterator(good)));
    assertTrue(them.listStreams(b -> b.tableName(name)).streams().isEmpty());
    assertNull(them.listStreams().lastEvaluatedStreamArn());
    assertEquals(1, streams.getRecords(b -> b.shardIterator(good)).records().size());
  }

  @Test
  void trimmedRecords_areGone_andOldPositionsAreTrimmedDataAccess() throws Exception {
    String name = StreamTables.createWithStream("stream-trim", StreamViewType.KEYS_ONLY, true);
    String arn = StreamTables.streamArn(name);
    for (int i = 1; i <= 3; i++) {
      String v = String.valueOf(i);
      dynamo.putItem(b -> b.tableName(name).item(item("pk", s("p"), "sk", n(v))));
    }
    StreamTables.readAll(arn, 3);
    String shard = StreamTables.shardWithRecords(arn);
    String stale = StreamTables.iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null);
    List<Record> before = streams.getRecords(b -> b.shardIterator(stale)).records();
    assertEquals(3, before.size());
    // Age the first two records past the 24-hour retention; the stream worker trims them within a second or two.
    Long[] serials = before.subList(0, 2).stream()
        .map(r -> Long.parseLong(r.dynamodb().sequenceNumber().substring(20))).toArray(Long[]::new);
    fixture.server().storage().client().preparedQuery("UPDATE cairn.stream_records SET created_at = now()"
        + " - interval '25 hours' WHERE serial = ANY($1)").execute(io.vertx.sqlclient.Tuple.of(serials))
        .await(30, java.util.concurrent.TimeUnit.SECONDS);
    List<Record> after = null;
    for (int i = 0; i < 100; i++) {
      try {
        after = streams.getRecords(b -> b.shardIterator(StreamTables.iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null)))
            .records();
        if (after.size() == 1) {
          break;
        }
      } catch (software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException e) {
        // The iterator was taken just before the trim: its position has been trimmed since (as documented).
      }
      Thread.sleep(100);
    }
    assertEquals(List.of("3"), after.stream().map(r -> r.dynamodb().keys().get("sk").n()).toList());
    String first = before.get(0).dynamodb().sequenceNumber();
    assertDynamoError("TrimmedDataAccessException", "The data you are trying to access has been trimmed.",
        () -> streams.getRecords(b -> b.shardIterator(stale)));
    assertDynamoError("TrimmedDataAccessException", null,
        () -> StreamTables.iterator(arn, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, first));
    assertEquals(1, streams.getRecords(b -> b.shardIterator(StreamTables.iterator(arn, shard,
        ShardIteratorType.AFTER_SEQUENCE_NUMBER, before.get(1).dynamodb().sequenceNumber()))).records().size());
  }

  @Test
  void iterator_olderThan15Minutes_isExpired() throws Exception {
    String name = StreamTables.createWithStream("stream-exp", StreamViewType.KEYS_ONLY, false);
    String arn = StreamTables.streamArn(name);
    dynamo.putItem(b -> b.tableName(name).item(item("pk", s("a"))));
    String shard = StreamTables.shardWithRecords(arn);
    String good = StreamTables.iterator(arn, shard, ShardIteratorType.TRIM_HORIZON, null);
    // Re-sign the same payload with an issue time 16 minutes ago, as only the server (holding the secret) could.
    String secret = fixture.server().storage().client().query("SELECT secret FROM cairn.stream_secret").execute()
        .await(30, java.util.concurrent.TimeUnit.SECONDS).iterator().next().getString(0);
    String payload = new String(java.util.Base64.getUrlDecoder().decode(good.substring(0, good.indexOf('.'))),
        java.nio.charset.StandardCharsets.UTF_8);
    String old = payload.substring(0, payload.lastIndexOf('|') + 1) + (System.currentTimeMillis() - 16 * 60 * 1000);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(secret), "HmacSHA256"));
    var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    byte[] bytes = old.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String expired = b64.encodeToString(bytes) + "." + b64.encodeToString(mac.doFinal(bytes));
    assertDynamoError("ExpiredIteratorException", "The provided iterator exceeds the maximum age allowed.",
        () -> streams.getRecords(b -> b.shardIterator(expired)));
    assertEquals(1, streams.getRecords(b -> b.shardIterator(good)).records().size());
  }
}
