package dev.cairn.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.StreamRequests;
import dev.cairn.core.validate.StreamRequestValidator;
import java.io.IOException;

/**
 * JSON of the DynamoDB Streams actions: typed, validated requests from bodies, and the answers' JSON (absent
 * members omitted; timestamps as epoch seconds; a record's {@code dynamodb} member written from its stored
 * DynamoDB JSON). Source: DynamoDB Streams API Reference.
 */
final class StreamCodec {
  private StreamCodec() {
  }

  static Object decode(dev.cairn.core.model.Operation op, JsonNode body) {
    switch (op) {
      case LIST_STREAMS -> {
        var r = new StreamRequests.ListStreams(JsonFields.string(body, "TableName"), JsonFields.integer(body, "Limit"),
            JsonFields.string(body, "ExclusiveStartStreamArn"));
        StreamRequestValidator.validate(r);
        return r;
      }
      case DESCRIBE_STREAM -> {
        var filter = JsonFields.object(body, "ShardFilter");
        var r = new StreamRequests.DescribeStream(JsonFields.string(body, "StreamArn"),
            JsonFields.integer(body, "Limit"), JsonFields.string(body, "ExclusiveStartShardId"),
            filter == null ? null : JsonFields.string(filter, "Type"),
            filter == null ? null : JsonFields.string(filter, "ShardId"));
        StreamRequestValidator.validate(r);
        return r;
      }
      case GET_SHARD_ITERATOR -> {
        var r = new StreamRequests.GetShardIterator(JsonFields.string(body, "StreamArn"),
            JsonFields.string(body, "ShardId"), JsonFields.string(body, "ShardIteratorType"),
            JsonFields.string(body, "SequenceNumber"));
        StreamRequestValidator.validate(r);
        return r;
      }
      case GET_RECORDS -> {
        var r = new StreamRequests.GetRecords(JsonFields.string(body, "ShardIterator"),
            JsonFields.integer(body, "Limit"));
        StreamRequestValidator.validate(r);
        return r;
      }
      default -> throw new IllegalArgumentException(op.toString());
    }
  }

  static boolean handles(Object response) {
    return response instanceof StreamRequests.ListStreamsResult || response instanceof StreamRequests.DescribeStreamResult
        || response instanceof StreamRequests.GetShardIteratorResult
        || response instanceof StreamRequests.GetRecordsResult;
  }

  static void write(JsonGenerator g, Object response) throws IOException {
    g.writeStartObject();
    if (response instanceof StreamRequests.ListStreamsResult r) {
      if (r.lastEvaluatedStreamArn() != null) {
        g.writeStringField("LastEvaluatedStreamArn", r.lastEvaluatedStreamArn());
      }
      g.writeArrayFieldStart("Streams");
      for (StreamRequests.StreamSummary s : r.streams()) {
        g.writeStartObject();
        g.writeStringField("StreamArn", s.streamArn());
        g.writeStringField("StreamLabel", s.streamLabel());
        g.writeStringField("TableName", s.tableName());
        g.writeEndObject();
      }
      g.writeEndArray();
    } else if (response instanceof StreamRequests.DescribeStreamResult r) {
      StreamRequests.StreamDescription d = r.streamDescription();
      g.writeObjectFieldStart("StreamDescription");
      g.writeFieldName("CreationRequestDateTime");
      g.writeNumber(TableResponseEncoder.epochSeconds(d.creationRequestDateTime()));
      g.writeArrayFieldStart("KeySchema");
      for (KeySchemaElement k : d.keySchema()) {
        g.writeStartObject();
        g.writeStringField("AttributeName", k.attributeName());
        g.writeStringField("KeyType", k.keyType());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (d.lastEvaluatedShardId() != null) {
        g.writeStringField("LastEvaluatedShardId", d.lastEvaluatedShardId());
      }
      g.writeArrayFieldStart("Shards");
      for (StreamRequests.Shard s : d.shards()) {
        g.writeStartObject();
        if (s.parentShardId() != null) {
          g.writeStringField("ParentShardId", s.parentShardId());
        }
        g.writeObjectFieldStart("SequenceNumberRange");
        if (s.endingSequenceNumber() != null) {
          g.writeStringField("EndingSequenceNumber", s.endingSequenceNumber());
        }
        g.writeStringField("StartingSequenceNumber", s.startingSequenceNumber());
        g.writeEndObject();
        g.writeStringField("ShardId", s.shardId());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("StreamArn", d.streamArn());
      g.writeStringField("StreamLabel", d.streamLabel());
      g.writeStringField("StreamStatus", d.streamStatus());
      g.writeStringField("StreamViewType", d.streamViewType());
      g.writeStringField("TableName", d.tableName());
      g.writeEndObject();
    } else if (response instanceof StreamRequests.GetShardIteratorResult r) {
      g.writeStringField("ShardIterator", r.shardIterator());
    } else if (response instanceof StreamRequests.GetRecordsResult r) {
      if (r.nextShardIterator() != null) {
        g.writeStringField("NextShardIterator", r.nextShardIterator());
      }
      g.writeArrayFieldStart("Records");
      for (StreamRequests.StreamRecord rec : r.records()) {
        g.writeStartObject();
        g.writeStringField("awsRegion", rec.awsRegion());
        g.writeFieldName("dynamodb");
        g.writeRawValue(rec.dynamodbJson());
        g.writeStringField("eventID", rec.eventId());
        g.writeStringField("eventName", rec.eventName());
        g.writeStringField("eventSource", "aws:dynamodb");
        g.writeStringField("eventVersion", "1.1");
        if (rec.userIdentityJson() != null) {
          g.writeFieldName("userIdentity");
          g.writeRawValue(rec.userIdentityJson());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
