package dev.cairn.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.StreamRequests;
import dev.cairn.core.model.Operation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamCodecTest {
  private static JsonNode json(byte[] bytes) throws Exception {
    return ResponseEncoder.MAPPER.readTree(bytes);
  }

  @Test
  void getRecords_writesTheRecordShape_andOmitsAbsentMembers() throws Exception {
    var rec = new StreamRequests.StreamRecord("0123456789abcdef0123456789abcdef", "REMOVE", "us-east-1",
        "{\"ApproximateCreationDateTime\":1700000000,\"Keys\":{\"pk\":{\"S\":\"a\"}},\"SequenceNumber\":\"1\"}",
        "{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}");
    JsonNode j = json(ResponseEncoder.encode(new StreamRequests.GetRecordsResult(List.of(rec), null)));
    assertEquals(false, j.has("NextShardIterator"));
    JsonNode r = j.get("Records").get(0);
    assertEquals("aws:dynamodb", r.get("eventSource").asText());
    assertEquals("1.1", r.get("eventVersion").asText());
    assertEquals("REMOVE", r.get("eventName").asText());
    assertEquals("a", r.get("dynamodb").get("Keys").get("pk").get("S").asText());
    assertEquals("Service", r.get("userIdentity").get("Type").asText());
  }

  @Test
  void describeStream_writesClosedAndOpenShards() throws Exception {
    var d = new StreamRequests.StreamDescription("arn", "label", "ENABLED", "KEYS_ONLY", Instant.ofEpochMilli(1500),
        "T", List.of(new KeySchemaElement("pk", "HASH")), List.of(
            new StreamRequests.Shard("shardId-a", null, "1", "2"), new StreamRequests.Shard("shardId-b", "shardId-a",
                "3", null)), null);
    JsonNode j = json(ResponseEncoder.encode(new StreamRequests.DescribeStreamResult(d))).get("StreamDescription");
    assertEquals(1.5, j.get("CreationRequestDateTime").asDouble());
    assertEquals("2", j.get("Shards").get(0).get("SequenceNumberRange").get("EndingSequenceNumber").asText());
    assertEquals(false, j.get("Shards").get(1).get("SequenceNumberRange").has("EndingSequenceNumber"));
    assertEquals("shardId-a", j.get("Shards").get(1).get("ParentShardId").asText());
    assertEquals(false, j.has("LastEvaluatedShardId"));
  }

  @Test
  void decode_readsAndValidates() throws Exception {
    var r = (StreamRequests.GetRecords) new RequestDecoder(new dev.cairn.core.expr.ExpressionCache(10))
        .decode(Operation.GET_RECORDS, ResponseEncoder.MAPPER.readTree("{\"ShardIterator\":\"x\",\"Limit\":5}"));
    assertEquals(new StreamRequests.GetRecords("x", 5), r);
  }
}
