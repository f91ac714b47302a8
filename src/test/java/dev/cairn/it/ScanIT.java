package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ReadTables.n;
import static dev.cairn.it.ReadTables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Scan through the AWS SDK for Java v2 on a base table: pagination, parallel segments, filters, projections,
 * Select COUNT, legacy ScanFilter and the validation errors. (Scans of secondary indexes wait for index
 * maintenance; see docs/query-scan.md.)
 */
class ScanIT {
  static final int PARTITIONS = 40;
  static final int PER_PARTITION = 3;
  static DynamoDbClient c;
  static String table;

  @BeforeAll
  static void setUp() {
    c = CairnFixture.get().dynamo();
    table = ReadTables.create(c, "scan", ScalarAttributeType.N);
    for (int p = 0; p < PARTITIONS; p++) {
      for (int k = 0; k < PER_PARTITION; k++) {
        String pk = "p" + p;
        String sk = Integer.toString(k);
        c.putItem(x -> x.tableName(table).item(Map.of("pk", s(pk), "sk", n(sk), "k", n(sk), "tag", s("t" + sk))));
      }
    }
  }

  private static String id(Map<String, AttributeValue> item) {
    return item.get("pk").s() + "/" + item.get("sk").n();
  }

  private static Set<String> everyId() {
    Set<String> out = new HashSet<>();
    for (int p = 0; p < PARTITIONS; p++) {
      for (int k = 0; k < PER_PARTITION; k++) {
        out.add("p" + p + "/" + k);
      }
    }
    return out;
  }

  /** Every item of the pages, failing on a repeat. */
  private static Set<String> collect(Iterable<ScanResponse> pages) {
    Set<String> ids = new HashSet<>();
    for (ScanResponse page : pages) {
      for (Map<String, AttributeValue> item : page.items()) {
        assertTrue(ids.add(id(item)), () -> "returned twice: " + id(item));
      }
    }
    return ids;
  }

  @Test
  void scan_wholeTable_returnsEveryItem() {
    ScanResponse r = c.scan(b -> b.tableName(table));
    assertEquals(PARTITIONS * PER_PARTITION, r.count());
    assertEquals(PARTITIONS * PER_PARTITION, r.scannedCount());
    assertTrue(r.lastEvaluatedKey().isEmpty());
  }

  @Test
  void scan_paginatorWithLimit_returnsEveryItemExactlyOnce() {
    List<ScanResponse> pages = new ArrayList<>();
    c.scanPaginator(b -> b.tableName(table).limit(7)).forEach(pages::add);
    assertEquals(everyId(), collect(pages));
    assertEquals(7, pages.get(0).count());
    assertEquals(Set.of("pk", "sk"), pages.get(0).lastEvaluatedKey().keySet());
    assertEquals((PARTITIONS * PER_PARTITION + 6) / 7, pages.size());
  }

  @Test
  void scan_parallelSegments_coverTheTableExactlyOnce() {
    Set<String> all = new HashSet<>();
    int nonEmpty = 0;
    for (int seg = 0; seg < 4; seg++) {
      int segment = seg;
      Set<String> ids = collect(c.scanPaginator(b -> b.tableName(table).segment(segment).totalSegments(4).limit(5)));
      for (String id : ids) {
        assertTrue(all.add(id), () -> "in two segments: " + id);
      }
      nonEmpty += ids.isEmpty() ? 0 : 1;
    }
    assertEquals(everyId(), all);
    assertTrue(nonEmpty > 1, "the items should spread over several segments");
    // Every item of one partition lands in the same segment.
    for (int seg = 0; seg < 4; seg++) {
      int segment = seg;
      Set<String> partitions = new HashSet<>();
      Set<String> ids = collect(c.scanPaginator(b -> b.tableName(table).segment(segment).totalSegments(4)));
      ids.forEach(i -> partitions.add(i.substring(0, i.indexOf('/'))));
      assertEquals(partitions.size() * PER_PARTITION, ids.size());
    }
  }

  @Test
  void scan_filter_countsAfterTheFilterAndScannedBefore() {
    ScanResponse r = c.scan(b -> b.tableName(table).filterExpression("k = :one")
        .expressionAttributeValues(Map.of(":one", n("1"))));
    assertEquals(PARTITIONS, r.count());
    assertEquals(PARTITIONS * PER_PARTITION, r.scannedCount());
    r.items().forEach(i -> assertEquals(n("1"), i.get("k")));
    ScanResponse legacy = c.scan(b -> b.tableName(table).scanFilter(Map.of("tag", Condition.builder()
        .comparisonOperator(ComparisonOperator.IN).attributeValueList(s("t0"), s("t2")).build(),
        "k", Condition.builder().comparisonOperator(ComparisonOperator.GE).attributeValueList(n("1")).build())));
    assertEquals(PARTITIONS, legacy.count());
    legacy.items().forEach(i -> assertEquals(s("t2"), i.get("tag")));
    ScanResponse or = c.scan(b -> b.tableName(table).conditionalOperator("OR").scanFilter(Map.of(
        "tag", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("t0")).build(),
        "k", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(n("2")).build())));
    assertEquals(2 * PARTITIONS, or.count());
  }

  @Test
  void scan_filterDiscardingAPage_returnsEmptyItemsWithLastEvaluatedKey() {
    ScanResponse r = c.scan(b -> b.tableName(table).filterExpression("k = :none")
        .expressionAttributeValues(Map.of(":none", n("9"))).limit(10));
    assertTrue(r.items().isEmpty());
    assertEquals(10, r.scannedCount());
    assertFalse(r.lastEvaluatedKey().isEmpty());
  }

  @Test
  void scan_selectCount_returnsCountsWithoutItemsAndKeepsPaginating() {
    ScanResponse r = c.scan(b -> b.tableName(table).select(Select.COUNT).limit(1).consistentRead(true));
    assertFalse(r.hasItems());
    assertEquals(1, r.count());
    assertEquals(1, r.scannedCount());
    assertFalse(r.lastEvaluatedKey().isEmpty());
  }

  @Test
  void scan_projections_returnOnlyTheAttributesAsked() {
    ScanResponse r = c.scan(b -> b.tableName(table).projectionExpression("#t").expressionAttributeNames(
        Map.of("#t", "tag")).limit(2));
    r.items().forEach(i -> assertEquals(Set.of("tag"), i.keySet()));
    ScanResponse legacy = c.scan(b -> b.tableName(table).attributesToGet("pk", "k").limit(2));
    legacy.items().forEach(i -> assertEquals(Set.of("pk", "k"), i.keySet()));
  }

  @Test
  void scan_exclusiveStartKey_resumesAfterIt() {
    ScanResponse first = c.scan(b -> b.tableName(table).limit(4));
    ScanResponse all = c.scan(b -> b.tableName(table));
    ScanResponse next = c.scan(b -> b.tableName(table).limit(2).exclusiveStartKey(first.lastEvaluatedKey()));
    assertEquals(all.items().subList(4, 6), next.items());
  }

  @Test
  void scan_consumedCapacity_sumsSizesThenRounds() {
    ScanResponse r = c.scan(b -> b.tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    // 120 items of 2+2 + 2+1 + 1+1 + 3+2 = 14 bytes each: 1,680 bytes, one unit, halved.
    assertEquals(0.5, r.consumedCapacity().capacityUnits());
  }

  private static void invalid(String message, Consumer<ScanRequest.Builder> b) {
    assertDynamoError("ValidationException", message, () -> c.scan(b));
  }

  @Test
  void scan_validationErrors_useTheServiceTexts() {
    invalid("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value "
        + "greater than or equal to 1", b -> b.tableName(table).limit(0));
    invalid("1 validation error detected: Value '0' at 'totalSegments' failed to satisfy constraint: Member must have "
        + "value greater than or equal to 1", b -> b.tableName(table).segment(0).totalSegments(0));
    invalid("1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: Member "
        + "must have value less than or equal to 1000000", b -> b.tableName(table).segment(0).totalSegments(1000001));
    invalid("1 validation error detected: Value '-1' at 'segment' failed to satisfy constraint: Member must have "
        + "value greater than or equal to 0", b -> b.tableName(table).segment(-1).totalSegments(2));
    invalid("The TotalSegments parameter is required but was not present in the request when Segment parameter is "
        + "present", b -> b.tableName(table).segment(1));
    invalid("The Segment parameter is required but was not present in the request when parameter TotalSegments is "
        + "present", b -> b.tableName(table).totalSegments(2));
    invalid("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not "
        + "less than TotalSegments: 4", b -> b.tableName(table).segment(4).totalSegments(4));
    invalid("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
        b -> b.tableName(table).select(Select.ALL_PROJECTED_ATTRIBUTES));
    invalid("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES",
        b -> b.tableName(table).select(Select.SPECIFIC_ATTRIBUTES));
    invalid("Cannot specify the ProjectionExpression when choosing to get only the Count",
        b -> b.tableName(table).select(Select.COUNT).projectionExpression("k"));
    invalid("Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES",
        b -> b.tableName(table).select(Select.ALL_ATTRIBUTES).attributesToGet("k"));
    invalid("One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator",
        b -> b.tableName(table).scanFilter(Map.of("k", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
            .build())));
    invalid("One or more parameter values were invalid: Duplicate value in attribute name: k",
        b -> b.tableName(table).attributesToGet("k", "k"));
    invalid("Can not use both expression and non-expression parameters in the same request: Non-expression "
        + "parameters: {ScanFilter} Expression parameters: {FilterExpression}", b -> b.tableName(table)
            .filterExpression("k = :v").expressionAttributeValues(Map.of(":v", n("1"))).scanFilter(Map.of("k",
                Condition.builder().comparisonOperator(ComparisonOperator.NOT_NULL).build())));
    invalid("ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null",
        b -> b.tableName(table).expressionAttributeValues(Map.of(":v", n("1"))));
    invalid("Invalid FilterExpression: The expression can not be empty;", b -> b.tableName(table).filterExpression(""));
    invalid("The table does not have the specified index: idx", b -> b.tableName(table).indexName("idx"));
    invalid("The provided starting key is invalid", b -> b.tableName(table).indexName("idx")
        .exclusiveStartKey(Map.of("pk", s("p"), "sk", n("1"))));
    invalid("The provided starting key is invalid: One or more parameter values were invalid: Null attribute value "
        + "types must have the value of true", b -> b.tableName(table)
            .exclusiveStartKey(Map.of("pk", AttributeValue.builder().nul(false).build())));
    invalid("The provided starting key is invalid: The provided key element does not match the schema",
        b -> b.tableName(table).exclusiveStartKey(Map.of("pk", s("p"))));
    invalid("The provided starting key is invalid: The provided key element does not match the schema",
        b -> b.tableName(table).exclusiveStartKey(Map.of("pk", s("p"), "sk", s("1"))));
    invalid("The provided starting key is invalid: The provided key element does not match the schema",
        b -> b.tableName(table).exclusiveStartKey(Map.of("pk", s("p"), "x", n("1"))));
  }
}
