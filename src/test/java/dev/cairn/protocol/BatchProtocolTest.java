package dev.cairn.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.BatchRequests;
import dev.cairn.core.api.BatchRequests.BatchGetResult;
import dev.cairn.core.api.BatchRequests.BatchWriteResult;
import dev.cairn.core.api.BatchRequests.KeysAndAttributes;
import dev.cairn.core.api.BatchRequests.WriteRequest;
import dev.cairn.core.api.ItemRequests.ConsumedCapacity;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BatchGetItem and BatchWriteItem on the wire: member types, decoded shapes, response JSON. */
class BatchProtocolTest {
  private final RequestDecoder decoder = new RequestDecoder(new ExpressionCache(100));

  private static JsonNode json(String text) throws Exception {
    return ResponseEncoder.MAPPER.readTree(text.replace('\'', '"'));
  }

  private void assertSerialization(String message, Operation op, String body) {
    DynamoException e = assertThrows(DynamoException.class, () -> decoder.decode(op, json(body)));
    assertEquals(ErrorCode.SERIALIZATION, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void batchGet_decodes_tablesInRequestOrder_withParsedProjections() throws Exception {
    var r = (BatchRequests.BatchGetItem) decoder.decode(Operation.BATCH_GET_ITEM, json("{'RequestItems': {"
        + "'zeta': {'Keys': [{'id': {'S': 'a'}}], 'ProjectionExpression': '#n', 'ExpressionAttributeNames': {'#n': 'x'},"
        + " 'ConsistentRead': true}, 'alpha': {'Keys': [{'id': {'N': '1.50'}}]}}, 'ReturnConsumedCapacity': 'TOTAL'}"));
    assertEquals(List.of("zeta", "alpha"), List.copyOf(r.requestItems().keySet()));
    KeysAndAttributes zeta = r.requestItems().get("zeta");
    assertEquals(true, zeta.consistentRead());
    assertEquals(1, zeta.projection().paths().size());
    assertNull(r.requestItems().get("alpha").projection());
    assertEquals("TOTAL", r.returnConsumedCapacity());
  }

  @Test
  void batchWrite_decodes_putsAndDeletes() throws Exception {
    var r = (BatchRequests.BatchWriteItem) decoder.decode(Operation.BATCH_WRITE_ITEM, json("{'RequestItems': {'abc': ["
        + "{'PutRequest': {'Item': {'id': {'S': 'a'}, 'v': {'N': '2'}}}}, {'DeleteRequest': {'Key': {'id': {'S': 'b'}}}}"
        + "]}}"));
    List<WriteRequest> writes = r.requestItems().get("abc");
    assertEquals(Map.of("id", new AttributeValue.S("a"), "v", new AttributeValue.N(new java.math.BigDecimal("2"))),
        writes.get(0).put().item());
    assertEquals(Map.of("id", new AttributeValue.S("b")), writes.get(1).delete().key());
  }

  @Test
  void memberTypes_areSerializationErrors() {
    assertSerialization("STRING_VALUE cannot be converted to Map", Operation.BATCH_GET_ITEM, "{'RequestItems': 'x'}");
    assertSerialization("Start of list found where not expected", Operation.BATCH_GET_ITEM,
        "{'RequestItems': {'abc': []}}");
    assertSerialization("Start of structure or map found where not expected", Operation.BATCH_GET_ITEM,
        "{'RequestItems': {'abc': {'Keys': {}}}}");
    assertSerialization("STRING_VALUE cannot be converted to Boolean", Operation.BATCH_GET_ITEM,
        "{'RequestItems': {'abc': {'Keys': [{'a': {'S': 'x'}}], 'ConsistentRead': 'yes'}}}");
    assertSerialization("Start of structure or map found where not expected", Operation.BATCH_WRITE_ITEM,
        "{'RequestItems': {'abc': {}}}");
    assertSerialization("Start of list found where not expected", Operation.BATCH_WRITE_ITEM,
        "{'RequestItems': {'abc': [{'PutRequest': []}]}}");
  }

  @Test
  void batchGetResult_alwaysCarriesUnprocessedKeys_andOneCapacityPerTable() throws Exception {
    Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
    responses.put("a", List.of(Map.of("id", new AttributeValue.S("x"))));
    responses.put("b", List.of());
    byte[] empty = ResponseEncoder.encode(new BatchGetResult(responses, Map.of(), null));
    assertEquals(json("{'Responses': {'a': [{'id': {'S': 'x'}}], 'b': []}, 'UnprocessedKeys': {}}"),
        ResponseEncoder.MAPPER.readTree(empty));

    KeysAndAttributes left = new KeysAndAttributes(List.of(Map.of("id", new AttributeValue.S("y"))), null, "#i",
        Map.of("#i", "id"), true, null);
    byte[] partial = ResponseEncoder.encode(new BatchGetResult(Map.of("a", List.of()), Map.of("a", left),
        List.of(new ConsumedCapacity("a", 1.5, null, null, 1.5, Map.of()))));
    assertEquals(json("{'Responses': {'a': []}, 'UnprocessedKeys': {'a': {'Keys': [{'id': {'S': 'y'}}], "
        + "'ConsistentRead': true, 'ProjectionExpression': '#i', 'ExpressionAttributeNames': {'#i': 'id'}}}, "
        + "'ConsumedCapacity': [{'TableName': 'a', 'CapacityUnits': 1.5, 'Table': {'CapacityUnits': 1.5}}]}"),
        ResponseEncoder.MAPPER.readTree(partial));
  }

  @Test
  void batchWriteResult_alwaysCarriesUnprocessedItems() throws Exception {
    assertEquals(json("{'UnprocessedItems': {}}"),
        ResponseEncoder.MAPPER.readTree(ResponseEncoder.encode(new BatchWriteResult(Map.of(), null, null))));
    BatchWriteResult some = new BatchWriteResult(Map.of("t", List.of(
        new WriteRequest(new BatchRequests.PutRequest(Map.of("id", new AttributeValue.S("a"))), null),
        new WriteRequest(null, new BatchRequests.DeleteRequest(Map.of("id", new AttributeValue.S("b")))))),
        List.of(new ConsumedCapacity("t", 2.0, null, null, null, null)), null);
    assertEquals(json("{'UnprocessedItems': {'t': [{'PutRequest': {'Item': {'id': {'S': 'a'}}}}, "
        + "{'DeleteRequest': {'Key': {'id': {'S': 'b'}}}}]}, 'ConsumedCapacity': [{'TableName': 't', "
        + "'CapacityUnits': 2.0}]}"), ResponseEncoder.MAPPER.readTree(ResponseEncoder.encode(some)));
  }
}
