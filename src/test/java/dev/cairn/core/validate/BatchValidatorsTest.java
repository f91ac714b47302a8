package dev.cairn.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.api.BatchRequests.BatchGetItem;
import dev.cairn.core.api.BatchRequests.BatchWriteItem;
import dev.cairn.core.api.BatchRequests.DeleteRequest;
import dev.cairn.core.api.BatchRequests.KeysAndAttributes;
import dev.cairn.core.api.BatchRequests.PutRequest;
import dev.cairn.core.api.BatchRequests.WriteRequest;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.KeySchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * BatchGetItem and BatchWriteItem validation without tables: member constraints listed together, then the checks
 * in the service's order (projection parameters, duplicates, totals, item size, one request per write).
 */
class BatchValidatorsTest {
  private static Map<String, AttributeValue> key(String v) {
    return Map.of("a", new AttributeValue.S(v));
  }

  private static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
    return new KeysAndAttributes(keys, null, null, null, null, null);
  }

  private static List<Map<String, AttributeValue>> keysFrom(int from, int count) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(key("k" + i));
    }
    return out;
  }

  private static void assertValidation(String message, Executable call) {
    DynamoException e = assertThrows(DynamoException.class, call);
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals(message, e.getMessage());
  }

  private static BatchGetItem get(Map<String, KeysAndAttributes> items, String capacity) {
    return new BatchGetItem(items, capacity);
  }

  @Test
  void batchGet_missingRequestItemsAndBadCapacity_areListedTogether() {
    assertValidation("2 validation errors detected: Value 'hi' at 'returnConsumedCapacity' failed to satisfy "
        + "constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value null at 'requestItems' "
        + "failed to satisfy constraint: Member must not be null",
        () -> BatchGetItemValidator.validate(get(null, "hi"), null));
  }

  @Test
  void batchGet_shortTableNameWithoutKeys_reportsTheMapKeysAndTheMissingKeys() {
    Map<String, KeysAndAttributes> items = Map.of("a", keys(null));
    assertValidation("2 validation errors detected: Value '{a=...}' at 'requestItems' failed to satisfy constraint: "
        + BatchConstraints.MAP_KEYS + "; Value null at 'requestItems.a.member.keys' failed to satisfy constraint: "
        + "Member must not be null", () -> BatchGetItemValidator.validate(get(items, null), null));
  }

  @Test
  void batchGet_100KeysOverTwoTables_pass_101_areTooMany() {
    Map<String, KeysAndAttributes> hundred = new LinkedHashMap<>();
    hundred.put("abc", keys(keysFrom(0, 60)));
    hundred.put("abd", keys(keysFrom(60, 40)));
    assertEquals(2, BatchGetItemValidator.validate(get(hundred, null), null).requestItems().size());
    Map<String, KeysAndAttributes> more = new LinkedHashMap<>(hundred);
    more.put("abe", keys(keysFrom(100, 1)));
    assertValidation("Too many items requested for the BatchGetItem call",
        () -> BatchGetItemValidator.validate(get(more, null), null));
  }

  @Test
  void batchGet_keysEqualAsNumbers_areDuplicates() {
    Map<String, AttributeValue> k1 = Map.of("a", new AttributeValue.N(new BigDecimal("1.50")));
    Map<String, AttributeValue> k2 = Map.of("a", new AttributeValue.N(new BigDecimal("1.5")));
    assertValidation("Provided list of item keys contains duplicates",
        () -> BatchGetItemValidator.validate(get(Map.of("abc", keys(List.of(k1, k2))), null), null));
  }

  @Test
  void batchGet_projectionIsParsed_attributesToGetToo() {
    KeysAndAttributes pe = new KeysAndAttributes(keysFrom(0, 1), null, "#a, b.c", Map.of("#a", "x"), true, null);
    KeysAndAttributes atg = new KeysAndAttributes(keysFrom(0, 1), List.of("x", "y"), null, null, null, null);
    Map<String, KeysAndAttributes> items = new LinkedHashMap<>();
    items.put("abc", pe);
    items.put("abd", atg);
    items.put("abe", keys(keysFrom(0, 1)));
    BatchGetItem r = BatchGetItemValidator.validate(get(items, "TOTAL"), null);
    assertNotNull(r.requestItems().get("abc").projection());
    assertNotNull(r.requestItems().get("abd").projection());
    assertNull(r.requestItems().get("abe").projection());
  }

  @Test
  void batchGet_emptyProjectionExpression_isInvalid() {
    KeysAndAttributes pe = new KeysAndAttributes(keysFrom(0, 1), null, "", null, null, null);
    assertValidation("Invalid ProjectionExpression: The expression can not be empty;",
        () -> BatchGetItemValidator.validate(get(Map.of("abc", pe), null), null));
  }

  // ------------------------------------------------------------------ BatchWriteItem

  private static WriteRequest put(Map<String, AttributeValue> item) {
    return new WriteRequest(new PutRequest(item), null);
  }

  private static WriteRequest delete(Map<String, AttributeValue> key) {
    return new WriteRequest(null, new DeleteRequest(key));
  }

  private static BatchWriteItem write(Map<String, List<WriteRequest>> items) {
    return new BatchWriteItem(items, null, null);
  }

  @Test
  void batchWrite_constraints_areListedInTheServiceOrder() {
    Map<String, List<WriteRequest>> items = Map.of("aa;", List.of(new WriteRequest(new PutRequest(null),
        new DeleteRequest(null))));
    assertValidation("5 validation errors detected: Value 'hi' at 'returnConsumedCapacity' failed to satisfy "
        + "constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; Value 'hi' at "
        + "'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, "
        + "NONE]; Value '{aa;=...}' at 'requestItems' failed to satisfy constraint: " + BatchConstraints.MAP_KEYS
        + "; Value null at 'requestItems.aa;.member.1.member.deleteRequest.key' failed to satisfy constraint: Member "
        + "must not be null; Value null at 'requestItems.aa;.member.1.member.putRequest.item' failed to satisfy "
        + "constraint: Member must not be null",
        () -> BatchWriteItemValidator.validate(new BatchWriteItem(items, "hi", "hi")));
  }

  @Test
  void batchWrite_emptyListForATable_failsTheMapValueConstraint() {
    assertValidation("1 validation error detected: Value '{abc=...}' at 'requestItems' failed to satisfy "
        + "constraint: " + BatchWriteItemValidator.MAP_VALUES,
        () -> BatchWriteItemValidator.validate(write(Map.of("abc", List.of()))));
  }

  @Test
  void batchWrite_25WritesOverTables_pass_26_areTooMany() {
    List<WriteRequest> twenty = new ArrayList<>();
    keysFrom(0, 20).forEach(k -> twenty.add(put(k)));
    List<WriteRequest> five = new ArrayList<>();
    keysFrom(20, 5).forEach(k -> five.add(delete(k)));
    Map<String, List<WriteRequest>> items = new LinkedHashMap<>();
    items.put("abc", twenty);
    items.put("abd", five);
    BatchWriteItemValidator.validate(write(items));
    items.put("abe", List.of(put(key("x"))));
    assertValidation("Too many items requested for the BatchWriteItem call",
        () -> BatchWriteItemValidator.validate(write(items)));
  }

  @Test
  void batchWrite_writeWithNeitherRequest_isRejected() {
    assertValidation(BatchWriteItemValidator.NOT_ONE_REQUEST,
        () -> BatchWriteItemValidator.validate(write(Map.of("abc", List.of(new WriteRequest(null, null))))));
  }

  @Test
  void batchWrite_oversizedPutItem_isRejected() {
    Map<String, AttributeValue> big = Map.of("a", new AttributeValue.S("k"), "b",
        new AttributeValue.S("x".repeat(409_600)));
    assertValidation("Item size has exceeded the maximum allowed size",
        () -> BatchWriteItemValidator.validate(write(Map.of("abc", List.of(put(key("ok")), put(big))))));
  }

  @Test
  void keyOfPut_missingOrMistypedKey_isTheSchemaMismatch_emptyKeyKeepsItsText() {
    KeySchema schema = new KeySchema("a", AttributeType.S, "b", AttributeType.N);
    String mismatch = "The provided key element does not match the schema";
    assertValidation(mismatch, () -> BatchWriteItemValidator.keyOfPut(key("x"), schema));
    assertValidation(mismatch, () -> BatchWriteItemValidator.keyOfPut(
        Map.of("a", new AttributeValue.S("x"), "b", new AttributeValue.S("1")), schema));
    assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
        + "contain an empty string value. Key: a", () -> BatchWriteItemValidator.keyOfPut(
        Map.of("a", new AttributeValue.S(""), "b", new AttributeValue.N(BigDecimal.ONE)), schema));
    assertEquals(List.of("a", "b"), new ArrayList<>(BatchWriteItemValidator.keyOfPut(
        Map.of("b", new AttributeValue.N(BigDecimal.ONE), "a", new AttributeValue.S("x"), "c",
            new AttributeValue.S("y")), schema).keySet()));
  }
}
