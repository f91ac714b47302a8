package dev.cairn.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.TransactRequests;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.error.TransactionCanceledException;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.model.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoding of TransactWriteItems and TransactGetItems: member constraints first and together, then each action
 * with the single-item validators and bare texts; the request hash of ClientRequestToken; the error's JSON.
 */
class TransactRequestDecoderTest {
  private static final RequestDecoder DECODER = new RequestDecoder(new ExpressionCache(100));

  private static JsonNode json(String text) {
    try {
      return ResponseEncoder.MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static TransactRequests.TransactWriteItems write(String body) {
    return (TransactRequests.TransactWriteItems) DECODER.decode(Operation.TRANSACT_WRITE_ITEMS, json(body));
  }

  private static String writeError(String body) {
    DynamoException e = assertThrows(DynamoException.class, () -> write(body));
    assertEquals(ErrorCode.VALIDATION, e.code());
    return e.getMessage();
  }

  @Test
  void transactWriteItems_allFourActions_decodedWithParsedExpressions() {
    TransactRequests.TransactWriteItems r = write("{'TransactItems': ["
        + "{'Put': {'TableName': 't', 'Item': {'pk': {'S': 'a'}}, 'ConditionExpression': 'attribute_not_exists(pk)'}},"
        + "{'Update': {'TableName': 't', 'Key': {'pk': {'S': 'b'}}, 'UpdateExpression': 'SET x = :v',"
        + " 'ExpressionAttributeValues': {':v': {'N': '1'}}}},"
        + "{'Delete': {'TableName': 't', 'Key': {'pk': {'S': 'c'}}}},"
        + "{'ConditionCheck': {'TableName': 'u', 'Key': {'pk': {'S': 'd'}}, 'ConditionExpression': 'attribute_exists(pk)',"
        + " 'ReturnValuesOnConditionCheckFailure': 'ALL_OLD'}}],"
        + " 'ReturnConsumedCapacity': 'TOTAL'}");
    assertEquals(4, r.actions().size());
    assertNotNull(r.actions().get(0).put().condition());
    assertNotNull(r.actions().get(1).update().update());
    assertNull(r.actions().get(2).delete().condition());
    assertNotNull(r.actions().get(3).conditionCheck().condition());
    assertEquals("ALL_OLD", r.actions().get(3).returnValuesOnConditionCheckFailure());
    assertEquals("u", r.actions().get(3).tableName());
    assertNull(r.requestHash());
  }

  @Test
  void transactWriteItems_memberErrors_tokenThenEnumsInOneMessage() {
    String token = "t".repeat(37);
    assertEquals("3 validation errors detected: Value '" + token + "' at 'clientRequestToken' failed to satisfy"
        + " constraint: Member must have length less than or equal to 36; Value 'X' at 'returnConsumedCapacity' failed"
        + " to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'Y' at"
        + " 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]",
        writeError("{'TransactItems': [{'Put': {'TableName': 't', 'Item': {'pk': {'S': 'a'}}}}],"
            + " 'ClientRequestToken': '" + token + "', 'ReturnConsumedCapacity': 'X', 'ReturnItemCollectionMetrics': 'Y'}"));
  }

  @Test
  void transactWriteItems_missingTransactItems_required() {
    assertEquals("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must"
        + " not be null", writeError("{}"));
  }

  @Test
  void transactWriteItems_updateWithoutExpression_andCheckWithoutCondition_required() {
    assertEquals("1 validation error detected: Value null at 'transactItems.2.member.update.updateExpression' failed to"
        + " satisfy constraint: Member must not be null", writeError("{'TransactItems': ["
        + "{'Delete': {'TableName': 't', 'Key': {'pk': {'S': 'c'}}}},"
        + "{'Update': {'TableName': 't', 'Key': {'pk': {'S': 'b'}}}}]}"));
    assertEquals("1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression'"
        + " failed to satisfy constraint: Member must not be null",
        writeError("{'TransactItems': [{'ConditionCheck': {'TableName': 't', 'Key': {'pk': {'S': 'c'}}}}]}"));
  }

  @Test
  void transactWriteItems_expressionErrors_bareText() {
    assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}",
        writeError("{'TransactItems': [{'Delete': {'TableName': 't', 'Key': {'pk': {'S': 'c'}},"
            + " 'ExpressionAttributeValues': {':v': {'S': 'x'}}, 'ConditionExpression': 'attribute_exists(pk)'}}]}"));
  }

  @Test
  void requestHash_ignoresMemberOrder_butNotValues() {
    String a = write("{'ClientRequestToken': 'tok', 'TransactItems': [{'Put': {'TableName': 't',"
        + " 'Item': {'pk': {'S': 'a'}, 'x': {'N': '1'}}}}]}").requestHash();
    String b = write("{'TransactItems': [{'Put': {'Item': {'x': {'N': '1'}, 'pk': {'S': 'a'}}, 'TableName': 't'}}],"
        + " 'ReturnConsumedCapacity': 'TOTAL', 'ClientRequestToken': 'tok'}").requestHash();
    String c = write("{'ClientRequestToken': 'tok', 'TransactItems': [{'Put': {'TableName': 't',"
        + " 'Item': {'pk': {'S': 'a'}, 'x': {'N': '2'}}}}]}").requestHash();
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void transactGetItems_entryWithoutGet_required() {
    DynamoException e = assertThrows(DynamoException.class,
        () -> DECODER.decode(Operation.TRANSACT_GET_ITEMS, json("{'TransactItems': [{}]}")));
    assertEquals("1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint:"
        + " Member must not be null", e.getMessage());
  }

  @Test
  void cancellation_encodesReasonsInOrder() {
    TransactionCanceledException e = new TransactionCanceledException(List.of(
        TransactionCanceledException.Reason.NONE_REASON,
        new TransactionCanceledException.Reason("ConditionalCheckFailed", "The conditional request failed",
            java.util.Map.of("pk", new dev.cairn.core.model.AttributeValue.S("a")))));
    String body = new String(ResponseEncoder.encodeError(e), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\",\"message\":"
        + "\"Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]\","
        + "\"CancellationReasons\":[{\"Code\":\"None\"},{\"Item\":{\"pk\":{\"S\":\"a\"}},\"Code\":\"ConditionalCheckFailed\","
        + "\"Message\":\"The conditional request failed\"}]}", body);
  }

  @Test
  void transactWriteItems_memberConstraintInsideAnAction_namedFromTheRoot() {
    assertEquals("1 validation error detected: Value 'ALL_NEW' at"
        + " 'transactItems.2.member.put.returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must"
        + " satisfy enum value set: [ALL_OLD, NONE]",
        writeError("{'TransactItems': [{'Delete': {'TableName': 't', 'Key': {'pk': {'S': 'c'}}}},"
            + "{'Put': {'TableName': 't', 'Item': {'pk': {'S': 'a'}}, 'ReturnValuesOnConditionCheckFailure': 'ALL_NEW'}}]}"));
  }
}
