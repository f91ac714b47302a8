package dev.cairn.engine;

import dev.cairn.core.api.StreamRequests.DescribeStream;
import dev.cairn.core.api.StreamRequests.DescribeStreamResult;
import dev.cairn.core.api.StreamRequests.GetRecords;
import dev.cairn.core.api.StreamRequests.GetRecordsResult;
import dev.cairn.core.api.StreamRequests.GetShardIterator;
import dev.cairn.core.api.StreamRequests.ListStreams;
import dev.cairn.core.api.StreamRequests.ListStreamsResult;
import dev.cairn.core.api.StreamRequests.Shard;
import dev.cairn.core.api.StreamRequests.StreamDescription;
import dev.cairn.core.api.StreamRequests.StreamRecord;
import dev.cairn.core.api.StreamRequests.StreamSummary;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.model.Principal;
import dev.cairn.storage.StreamStore;
import dev.cairn.storage.StreamStore.RecordRow;
import dev.cairn.storage.StreamStore.ShardRow;
import dev.cairn.storage.StreamStore.StreamRow;
import io.vertx.core.Future;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and GetRecords over {@link StreamStore}.
 * A stream ARN of another account, or of a stream disabled more than 24 hours ago, is not found; shard iterators
 * are signed ({@link ShardIterators}) and bound to the caller's account. Source: DynamoDB Streams API Reference.
 */
public final class StreamHandlers {
  /** Records and bytes one GetRecords returns at most (API Reference, GetRecords: 1 MB or 1000 records). */
  static final int MAX_RECORDS = 1000;
  static final int MAX_BYTES = 1024 * 1024;
  private static final BigInteger SERIAL_SPAN = BigInteger.TEN.pow(20);

  private final StreamStore store;
  private final Arns arns;
  private final ShardIterators iterators;

  /**
   * @param store streams, shards and records
   * @param arns  the server's ARN format and region (stream ARNs, records' awsRegion)
   */
  public StreamHandlers(StreamStore store, Arns arns) {
    this.store = store;
    this.arns = arns;
    this.iterators = new ShardIterators(store);
  }

  private static DynamoException streamNotFound(String arn) {
    return DynamoException.of(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found: Stream: " + arn
        + " not found");
  }

  private static DynamoException shardNotFound() {
    return DynamoException.of(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found: Shard does not exist");
  }

  private Future<StreamRow> stream(Principal principal, String arn) {
    String[] parts = Arns.streamOf(arn, principal.accountId());
    if (parts == null) {
      return Future.failedFuture(streamNotFound(arn));
    }
    return store.findStream(principal.accountId(), parts[0], parts[1])
        .compose(s -> s == null ? Future.failedFuture(streamNotFound(arn)) : Future.succeededFuture(s));
  }

  private String arn(StreamRow s) {
    return arns.stream(s.accountId(), s.tableName(), s.label());
  }

  /** ListStreams: the account's readable streams, oldest first, optionally of one table. */
  public OperationHandler<ListStreams> listStreams() {
    return (principal, r) -> store.listStreams(principal.accountId()).map(all -> {
          List<StreamSummary> matching = new ArrayList<>();
          for (StreamRow s : all) {
            if (r.tableName() == null || r.tableName().equals(s.tableName())) {
              matching.add(new StreamSummary(arn(s), s.tableName(), s.label()));
            }
          }
          int from = 0;
          if (r.exclusiveStartStreamArn() != null) {
            for (int i = 0; i < matching.size(); i++) {
              if (matching.get(i).streamArn().equals(r.exclusiveStartStreamArn())) {
                from = i + 1;
                break;
              }
            }
          }
          int limit = r.limit() == null ? 100 : Math.min(100, r.limit());
          int to = Math.min(matching.size(), from + limit);
          String last = to < matching.size() ? matching.get(to - 1).streamArn() : null;
          return new ListStreamsResult(List.copyOf(matching.subList(from, to)), last);
        });
  }

  /**
   * DescribeStream: the stream and a page of its shards (parents before children); with a {@code CHILD_SHARDS}
   * filter, only the shards whose parent is the given shard.
   */
  public OperationHandler<DescribeStream> describeStream() {
    return (principal, r) -> stream(principal, r.streamArn()).compose(s -> store.shards(principal.accountId(),
        s.streamId()).map(all -> {
          List<ShardRow> rows = all;
          if (r.shardFilterShardId() != null) {
            rows = new ArrayList<>();
            for (ShardRow row : all) {
              if (r.shardFilterShardId().equals(row.parentName())) {
                rows.add(row);
              }
            }
          }
          int from = 0;
          if (r.exclusiveStartShardId() != null) {
            for (int i = 0; i < rows.size(); i++) {
              if (rows.get(i).shardName().equals(r.exclusiveStartShardId())) {
                from = i + 1;
                break;
              }
            }
          }
          int limit = r.limit() == null ? 100 : Math.min(100, r.limit());
          int to = Math.min(rows.size(), from + limit);
          List<Shard> shards = new ArrayList<>();
          for (ShardRow row : rows.subList(from, to)) {
            String end = row.complete() ? (row.lastSequence() != null ? row.lastSequence() : row.startSequence()) : null;
            shards.add(new Shard(row.shardName(), row.parentName(), row.startSequence(), end));
          }
          String lastShard = to < rows.size() ? rows.get(to - 1).shardName() : null;
          return new DescribeStreamResult(new StreamDescription(arn(s), s.label(),
              s.disabledAt() == null ? "ENABLED" : "DISABLED", s.viewType(), s.createdAt(), s.tableName(),
              s.keySchema(), shards, lastShard));
        }));
  }

  /** GetShardIterator: a signed position in one shard, valid for 15 minutes. */
  public OperationHandler<GetShardIterator> getShardIterator() {
    return (principal, r) -> stream(principal, r.streamArn()).compose(s -> store.shards(principal.accountId(),
        s.streamId()).compose(rows -> {
          ShardRow shard = null;
          for (ShardRow row : rows) {
            if (row.shardName().equals(r.shardId())) {
              shard = row;
            }
          }
          if (shard == null) {
            return Future.failedFuture(shardNotFound());
          }
          long shardId = shard.shardId();
          String type = r.shardIteratorType();
          if (type.equals("TRIM_HORIZON")) {
            // The oldest record still kept: just after the last trimmed one.
            return iterators.issue(principal.accountId(), s.streamId(), shardId, shard.trimmedTxid(),
                shard.trimmedSerial());
          }
          if (type.equals("LATEST")) {
            return store.latestPosition()
                .compose(txid -> iterators.issue(principal.accountId(), s.streamId(), shardId, txid, 0));
          }
          if (r.sequenceNumber() == null) {
            // Inferred wording: the model makes SequenceNumber optional; the service refuses its absence here.
            return Future.failedFuture(DynamoException.validation(
                "SequenceNumber is required for ShardIteratorType " + type));
          }
          BigInteger seq = sequence(r.sequenceNumber());
          String txid = seq.divide(SERIAL_SPAN).toString();
          long serial = seq.mod(SERIAL_SPAN).longValue() - (type.equals("AT_SEQUENCE_NUMBER") ? 1 : 0);
          return store.readRecords(principal.accountId(), shardId, txid, serial, 1)
              .compose(page -> page.trimmed() ? Future.failedFuture(trimmed())
                  : iterators.issue(principal.accountId(), s.streamId(), shardId, txid, serial));
        }));
  }

  /** Cairn's sequence numbers: transaction id and serial, each below 2^63 (anything else was never issued). */
  private static final BigInteger MAX_HALF = BigInteger.valueOf(Long.MAX_VALUE);

  private static BigInteger sequence(String text) {
    BigInteger seq = text.chars().allMatch(c -> c >= '0' && c <= '9') ? new BigInteger(text) : null;
    if (seq == null || seq.divide(SERIAL_SPAN).compareTo(MAX_HALF) > 0
        || seq.mod(SERIAL_SPAN).compareTo(MAX_HALF) > 0) {
      throw DynamoException.validation("Invalid SequenceNumber: " + text); // inferred wording
    }
    return seq;
  }

  private static DynamoException trimmed() {
    return DynamoException.of(ErrorCode.TRIMMED_DATA_ACCESS, "The data you are trying to access has been trimmed.");
  }

  /**
   * GetRecords: up to Limit records (1000, 1 MB) after the iterator's position, and the next iterator; none once
   * a closed shard has been read to its end.
   */
  public OperationHandler<GetRecords> getRecords() {
    return (principal, r) -> iterators.open(principal.accountId(), r.shardIterator()).compose(it -> {
      int limit = r.limit() == null ? MAX_RECORDS : Math.min(MAX_RECORDS, r.limit());
      return store.readRecords(principal.accountId(), it.shardId(), it.afterTxid(), it.afterSerial(), limit).compose(page -> {
            if (!page.exists()) {
              return Future.failedFuture(shardNotFound());
            }
            if (page.trimmed()) {
              return Future.failedFuture(trimmed());
            }
            List<StreamRecord> out = new ArrayList<>();
            long bytes = 0;
            String txid = it.afterTxid();
            long serial = it.afterSerial();
            for (RecordRow row : page.records()) {
              long size = row.dynamodbJson().length();
              if (!out.isEmpty() && bytes + size > MAX_BYTES) {
                break;
              }
              bytes += size;
              out.add(record(it.streamId(), row));
              BigInteger seq = new BigInteger(row.sequenceNumber());
              txid = seq.divide(SERIAL_SPAN).toString();
              serial = seq.mod(SERIAL_SPAN).longValue();
            }
            boolean drained = page.complete() && out.size() == page.records().size() && page.records().size() < limit;
            if (drained) {
              return Future.succeededFuture(new GetRecordsResult(out, null));
            }
            return iterators.issue(principal.accountId(), it.streamId(), it.shardId(), txid, serial)
                .map(res -> new GetRecordsResult(out, res.shardIterator()));
          });
    });
  }

  private StreamRecord record(long streamId, RecordRow row) {
    String stored = row.dynamodbJson();
    String dynamodb = "{\"ApproximateCreationDateTime\":" + row.createdEpochSeconds() + ","
        + stored.substring(1, stored.length() - 1) + ",\"SequenceNumber\":\"" + row.sequenceNumber() + "\"}";
    String eventId = UUID.nameUUIDFromBytes((streamId + "/" + row.sequenceNumber()).getBytes(StandardCharsets.UTF_8))
        .toString().replace("-", "");
    return new StreamRecord(eventId, row.eventName(), arns.region(), dynamodb, row.userIdentityJson());
  }
}
