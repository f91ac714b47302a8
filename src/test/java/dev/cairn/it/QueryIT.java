package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.ReadTables.b;
import static dev.cairn.it.ReadTables.n;
import static dev.cairn.it.ReadTables.s;
import static dev.cairn.it.ReadTables.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query through the AWS SDK for Java v2 on base tables: every sort-key operator on S, N and B keys, order,
 * pagination by Limit and by 1 MB, filters, projections, Select, legacy parameters and the validation errors.
 * (Queries on secondary indexes wait for index maintenance; see docs/query-scan.md.)
 */
class QueryIT {
  static CairnFixture fixture;
  static DynamoDbClient c;
  static String strings;
  static String numbers;
  static String binaries;
  static String hashOnly;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    c = fixture.dynamo();
    strings = ReadTables.create(c, "q-s", ScalarAttributeType.S);
    numbers = ReadTables.create(c, "q-n", ScalarAttributeType.N);
    binaries = ReadTables.create(c, "q-b", ScalarAttributeType.B);
    hashOnly = ReadTables.create(c, "q-h", null);
    for (String sk : List.of("a", "ab", "abc", "abd", "b", "c", "é", "日本", "日本語", "日\u672c\u8a9e\u30c6")) {
      put(strings, "p", s(sk), Map.of("v", n("1")));
    }
    for (String sk : List.of("-100", "-2.5", "-1", "-0.001", "0", "0.001", "1", "2.5", "10", "1E+2")) {
      put(numbers, "p", n(sk), Map.of());
    }
    put(binaries, "p", b(0x00), Map.of());
    put(binaries, "p", b(0x01), Map.of());
    put(binaries, "p", b(0x01, 0x02), Map.of());
    put(binaries, "p", b(0x01, 0xff), Map.of());
    put(binaries, "p", b(0x7f), Map.of());
    put(binaries, "p", b(0x80), Map.of());
    put(binaries, "p", b(0xff), Map.of());
    put(binaries, "p", b(0xff, 0x00), Map.of());
    c.putItem(x -> x.tableName(hashOnly).item(Map.of("pk", s("h1"), "v", n("7"))));
  }

  private static void put(String table, String pk, AttributeValue sk, Map<String, AttributeValue> extra) {
    Map<String, AttributeValue> item = new HashMap<>(extra);
    item.put("pk", s(pk));
    item.put("sk", sk);
    c.putItem(x -> x.tableName(table).item(item));
  }

  private static List<AttributeValue> sortKeys(String table, String condition, Map<String, AttributeValue> values) {
    Map<String, AttributeValue> all = new HashMap<>(values);
    all.put(":p", s("p"));
    QueryResponse r = c.query(q -> q.tableName(table).keyConditionExpression("pk = :p" + condition)
        .expressionAttributeValues(all));
    assertNull(r.lastEvaluatedKey().isEmpty() ? null : r.lastEvaluatedKey());
    assertEquals(r.count(), r.items().size());
    return values(r.items(), "sk");
  }

  private static List<AttributeValue> strs(String... v) {
    List<AttributeValue> out = new ArrayList<>();
    for (String x : v) {
      out.add(s(x));
    }
    return out;
  }

  private static List<AttributeValue> nums(String... v) {
    List<AttributeValue> out = new ArrayList<>();
    for (String x : v) {
      out.add(n(x));
    }
    return out;
  }

  @Test
  void query_stringSortKey_everyOperator() {
    assertEquals(strs("a", "ab", "abc", "abd", "b", "c", "é", "日本", "日本語", "日本語テ"), sortKeys(strings, "", Map.of()));
    assertEquals(strs("b"), sortKeys(strings, " and sk = :v", Map.of(":v", s("b"))));
    assertEquals(strs("a", "ab", "abc", "abd"), sortKeys(strings, " and sk < :v", Map.of(":v", s("b"))));
    assertEquals(strs("a", "ab", "abc", "abd", "b"), sortKeys(strings, " and sk <= :v", Map.of(":v", s("b"))));
    assertEquals(strs("c", "é", "日本", "日本語", "日本語テ"), sortKeys(strings, " and sk > :v", Map.of(":v", s("b"))));
    assertEquals(strs("b", "c", "é", "日本", "日本語", "日本語テ"),
        sortKeys(strings, " and sk >= :v", Map.of(":v", s("b"))));
    assertEquals(strs("ab", "abc", "abd", "b"),
        sortKeys(strings, " and sk between :lo and :hi", Map.of(":lo", s("ab"), ":hi", s("b"))));
    assertEquals(strs("ab", "abc", "abd"), sortKeys(strings, " and begins_with(sk, :v)", Map.of(":v", s("ab"))));
    assertEquals(strs("日本", "日本語", "日本語テ"),
        sortKeys(strings, " and begins_with(sk, :v)", Map.of(":v", s("日本"))));
    assertEquals(strs("日本語", "日本語テ"), sortKeys(strings, " and begins_with(sk, :v)", Map.of(":v", s("日本語"))));
    assertEquals(strs(), sortKeys(strings, " and begins_with(sk, :v)", Map.of(":v", s("x"))));
    // Reversed operands: ":v > sk" is "sk < :v".
    assertEquals(strs("a", "ab", "abc", "abd"), sortKeys(strings, " and :v > sk", Map.of(":v", s("b"))));
  }

  @Test
  void query_numberSortKey_everyOperatorInNumericOrder() {
    assertEquals(nums("-100", "-2.5", "-1", "-0.001", "0", "0.001", "1", "2.5", "10", "100"),
        sortKeys(numbers, "", Map.of()));
    assertEquals(nums("100"), sortKeys(numbers, " and sk = :v", Map.of(":v", n("100.0"))));
    assertEquals(nums("-100", "-2.5", "-1", "-0.001"), sortKeys(numbers, " and sk < :v", Map.of(":v", n("0"))));
    assertEquals(nums("-100", "-2.5", "-1"), sortKeys(numbers, " and sk <= :v", Map.of(":v", n("-1"))));
    assertEquals(nums("2.5", "10", "100"), sortKeys(numbers, " and sk > :v", Map.of(":v", n("1"))));
    assertEquals(nums("-0.001", "0", "0.001", "1", "2.5", "10", "100"),
        sortKeys(numbers, " and sk >= :v", Map.of(":v", n("-0.001"))));
    assertEquals(nums("-2.5", "-1", "-0.001", "0", "0.001", "1", "2.5"),
        sortKeys(numbers, " and sk between :lo and :hi", Map.of(":lo", n("-2.5"), ":hi", n("2.5"))));
  }

  @Test
  void query_binarySortKey_everyOperatorInUnsignedByteOrder() {
    assertEquals(List.of(b(0x00), b(0x01), b(0x01, 0x02), b(0x01, 0xff), b(0x7f), b(0x80), b(0xff), b(0xff, 0x00)),
        sortKeys(binaries, "", Map.of()));
    assertEquals(List.of(b(0x80), b(0xff), b(0xff, 0x00)), sortKeys(binaries, " and sk > :v", Map.of(":v", b(0x7f))));
    assertEquals(List.of(b(0x00), b(0x01)), sortKeys(binaries, " and sk < :v", Map.of(":v", b(0x01, 0x02))));
    assertEquals(List.of(b(0x00), b(0x01), b(0x01, 0x02)),
        sortKeys(binaries, " and sk <= :v", Map.of(":v", b(0x01, 0x02))));
    assertEquals(List.of(b(0xff), b(0xff, 0x00)), sortKeys(binaries, " and sk >= :v", Map.of(":v", b(0xff))));
    assertEquals(List.of(b(0x01, 0x02)), sortKeys(binaries, " and sk = :v", Map.of(":v", b(0x01, 0x02))));
    assertEquals(List.of(b(0x01, 0xff), b(0x7f), b(0x80)),
        sortKeys(binaries, " and sk between :lo and :hi", Map.of(":lo", b(0x01, 0xff), ":hi", b(0x80))));
    assertEquals(List.of(b(0x01), b(0x01, 0x02), b(0x01, 0xff)),
        sortKeys(binaries, " and begins_with(sk, :v)", Map.of(":v", b(0x01))));
    assertEquals(List.of(b(0xff), b(0xff, 0x00)),
        sortKeys(binaries, " and begins_with(sk, :v)", Map.of(":v", b(0xff))));
  }

  @Test
  void query_scanIndexForwardFalse_returnsDescendingOrder() {
    QueryResponse r = c.query(q -> q.tableName(numbers).keyConditionExpression("pk = :p and sk >= :v")
        .expressionAttributeValues(Map.of(":p", s("p"), ":v", n("1"))).scanIndexForward(false));
    assertEquals(nums("100", "10", "2.5", "1"), values(r.items(), "sk"));
  }

  @Test
  void query_hashOnlyTable_returnsTheItem() {
    QueryResponse r = c.query(q -> q.tableName(hashOnly).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("h1"))));
    assertEquals(List.of(Map.of("pk", s("h1"), "v", n("7"))), r.items());
    assertEquals(1, r.count());
    assertEquals(1, r.scannedCount());
  }

  @Test
  void query_limit_pagesWithLastEvaluatedKeyAndPaginatorReturnsEachItemOnce() {
    String table = ReadTables.create(c, "q-page", ScalarAttributeType.N);
    for (int i = 0; i < 25; i++) {
      put(table, "p", n(Integer.toString(i)), Map.of());
    }
    QueryRequest base = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).limit(7).build();
    QueryResponse first = c.query(base);
    assertEquals(7, first.count());
    assertEquals(Map.of("pk", s("p"), "sk", n("6")), first.lastEvaluatedKey());
    QueryResponse second = c.query(base.toBuilder().exclusiveStartKey(first.lastEvaluatedKey()).build());
    assertEquals(nums("7", "8", "9", "10", "11", "12", "13"), values(second.items(), "sk"));

    List<AttributeValue> all = new ArrayList<>();
    int pages = 0;
    for (QueryResponse page : c.queryPaginator(base)) {
      all.addAll(values(page.items(), "sk"));
      pages++;
    }
    List<AttributeValue> expected = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      expected.add(n(Integer.toString(i)));
    }
    assertEquals(expected, all);
    assertEquals(4, pages);

    // Limit equal to what remains: the partition is exhausted, so no LastEvaluatedKey.
    QueryResponse exact = c.query(base.toBuilder().limit(25).build());
    assertEquals(25, exact.count());
    assertTrue(exact.lastEvaluatedKey().isEmpty());

    // Descending pages continue downwards.
    QueryResponse desc = c.query(base.toBuilder().scanIndexForward(false).limit(3).build());
    assertEquals(nums("24", "23", "22"), values(desc.items(), "sk"));
    QueryResponse desc2 = c.query(base.toBuilder().scanIndexForward(false).limit(3)
        .exclusiveStartKey(desc.lastEvaluatedKey()).build());
    assertEquals(nums("21", "20", "19"), values(desc2.items(), "sk"));
  }

  @Test
  void query_largeItems_pageStopsAtOneMegabyteIncludingTheItemThatCrossesIt() {
    String table = ReadTables.create(c, "q-mb", ScalarAttributeType.N);
    String big = "x".repeat(100_000);
    for (int i = 0; i < 15; i++) {
      put(table, "p", n(Integer.toString(i)), Map.of("data", s(big)));
    }
    // Each item is 100,000 + len("data") + pk "pk"+"p" + sk "sk"+number bytes, about 100,010 bytes: ten stay
    // below 1,048,576 and the eleventh crosses it.
    QueryRequest q = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
        .build();
    QueryResponse first = c.query(q);
    assertEquals(11, first.count());
    assertEquals(11, first.scannedCount());
    assertEquals(Map.of("pk", s("p"), "sk", n("10")), first.lastEvaluatedKey());
    // 11 items of ~100,010 bytes: 1,100,110 bytes, 269 units of 4 KB, halved (eventually consistent).
    assertEquals(134.5, first.consumedCapacity().capacityUnits());
    QueryResponse second = c.query(q.toBuilder().exclusiveStartKey(first.lastEvaluatedKey()).build());
    assertEquals(4, second.count());
    assertTrue(second.lastEvaluatedKey().isEmpty());
    // The filter does not change what counts towards the 1 MB.
    QueryResponse filtered = c.query(q.toBuilder().filterExpression("attribute_not_exists(#d)")
        .expressionAttributeNames(Map.of("#d", "data")).build());
    assertEquals(0, filtered.count());
    assertEquals(11, filtered.scannedCount());
    assertFalse(filtered.lastEvaluatedKey().isEmpty());
  }

  @Test
  void query_filterDiscardsWholePage_returnsNoItemsButALastEvaluatedKey() {
    QueryResponse r = c.query(q -> q.tableName(strings).keyConditionExpression("pk = :p")
        .filterExpression("v = :none").expressionAttributeValues(Map.of(":p", s("p"), ":none", n("2"))).limit(3));
    assertTrue(r.items().isEmpty());
    assertEquals(0, r.count());
    assertEquals(3, r.scannedCount());
    assertEquals(Map.of("pk", s("p"), "sk", s("abc")), r.lastEvaluatedKey());
  }

  @Test
  void query_filter_countsItemsAfterTheFilterAndScannedBefore() {
    String table = ReadTables.create(c, "q-f", ScalarAttributeType.N);
    for (int i = 0; i < 10; i++) {
      put(table, "p", n(Integer.toString(i)), Map.of("parity", s(i % 2 == 0 ? "even" : "odd")));
    }
    QueryResponse r = c.query(q -> q.tableName(table).keyConditionExpression("pk = :p").filterExpression("parity = :t")
        .expressionAttributeValues(Map.of(":p", s("p"), ":t", s("even"))));
    assertEquals(nums("0", "2", "4", "6", "8"), values(r.items(), "sk"));
    assertEquals(5, r.count());
    assertEquals(10, r.scannedCount());
    // Legacy QueryFilter and KeyConditions do the same.
    QueryResponse legacy = c.query(q -> q.tableName(table)
        .keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("p")), "sk", cond(ComparisonOperator.LT, n("5"))))
        .queryFilter(Map.of("parity", cond(ComparisonOperator.EQ, s("even")))));
    assertEquals(nums("0", "2", "4"), values(legacy.items(), "sk"));
    assertEquals(5, legacy.scannedCount());
    // Select COUNT returns the counts and no items.
    QueryResponse count = c.query(q -> q.tableName(table).keyConditionExpression("pk = :p")
        .filterExpression("parity = :t").select(Select.COUNT)
        .expressionAttributeValues(Map.of(":p", s("p"), ":t", s("even"))));
    assertFalse(count.hasItems());
    assertEquals(5, count.count());
    assertEquals(10, count.scannedCount());
  }

  private static Condition cond(ComparisonOperator op, AttributeValue... values) {
    return Condition.builder().comparisonOperator(op).attributeValueList(values).build();
  }

  @Test
  void query_legacyKeyConditions_everyOperator() {
    assertEquals(strs("ab", "abc", "abd"), legacySortKeys(cond(ComparisonOperator.BEGINS_WITH, s("ab"))));
    assertEquals(strs("a", "ab"), legacySortKeys(cond(ComparisonOperator.LE, s("ab"))));
    assertEquals(strs("a"), legacySortKeys(cond(ComparisonOperator.LT, s("ab"))));
    assertEquals(strs("日本語", "日本語テ"), legacySortKeys(cond(ComparisonOperator.GT, s("日本"))));
    assertEquals(strs("日本", "日本語", "日本語テ"), legacySortKeys(cond(ComparisonOperator.GE, s("日本"))));
    assertEquals(strs("abd"), legacySortKeys(cond(ComparisonOperator.EQ, s("abd"))));
    assertEquals(strs("b", "c"), legacySortKeys(cond(ComparisonOperator.BETWEEN, s("b"), s("c"))));
  }

  private static List<AttributeValue> legacySortKeys(Condition sk) {
    QueryResponse r = c.query(q -> q.tableName(strings)
        .keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("p")), "sk", sk)));
    return values(r.items(), "sk");
  }

  @Test
  void query_projections_returnOnlyTheAttributesAsked() {
    QueryResponse r = c.query(q -> q.tableName(strings).keyConditionExpression("pk = :p and sk = :s")
        .projectionExpression("#v, nothing").expressionAttributeNames(Map.of("#v", "v"))
        .expressionAttributeValues(Map.of(":p", s("p"), ":s", s("b"))));
    assertEquals(List.of(Map.of("v", n("1"))), r.items());
    QueryResponse legacy = c.query(q -> q.tableName(strings).attributesToGet("sk")
        .keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("p")), "sk", cond(ComparisonOperator.EQ, s("b")))));
    assertEquals(List.of(Map.of("sk", s("b"))), legacy.items());
    QueryResponse specific = c.query(q -> q.tableName(strings).select(Select.SPECIFIC_ATTRIBUTES)
        .projectionExpression("pk").keyConditionExpression("pk = :p and sk = :s")
        .expressionAttributeValues(Map.of(":p", s("p"), ":s", s("b"))));
    assertEquals(List.of(Map.of("pk", s("p"))), specific.items());
  }

  @Test
  void query_consumedCapacity_sumsSizesThenRounds() {
    QueryResponse eventual = c.query(q -> q.tableName(strings).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertEquals(0.5, eventual.consumedCapacity().capacityUnits());
    assertEquals(strings, eventual.consumedCapacity().tableName());
    QueryResponse strong = c.query(q -> q.tableName(strings).keyConditionExpression("pk = :p").consistentRead(true)
        .expressionAttributeValues(Map.of(":p", s("p"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertEquals(1.0, strong.consumedCapacity().capacityUnits());
  }

  @Test
  void query_exclusiveStartKey_resumesAfterIt() {
    QueryResponse r = c.query(q -> q.tableName(strings).keyConditionExpression("pk = :p and begins_with(sk, :a)")
        .expressionAttributeValues(Map.of(":p", s("p"), ":a", s("a"))).exclusiveStartKey(Map.of("pk", s("p"), "sk", s("ab"))));
    assertEquals(strs("abc", "abd"), values(r.items(), "sk"));
  }

  private static void invalid(String message, Consumer<QueryRequest.Builder> q) {
    assertDynamoError("ValidationException", message, () -> c.query(q));
  }

  private static Map<String, AttributeValue> p() {
    return Map.of(":p", s("p"));
  }

  @Test
  void query_validationErrors_useTheServiceTexts() {
    invalid("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value "
        + "greater than or equal to 1",
        q -> q.tableName(strings).keyConditionExpression("pk = :p").expressionAttributeValues(p()).limit(0));
    invalid("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
        q -> q.tableName(strings));
    invalid("1 validation error detected: Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES",
        q -> q.tableName(strings).keyConditionExpression("pk = :p").expressionAttributeValues(p())
            .select(Select.ALL_ATTRIBUTES).projectionExpression("v"));
    invalid("1 validation error detected: Cannot specify the AttributesToGet when choosing to get only the Count",
        q -> q.tableName(strings).keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("p"))))
            .select(Select.COUNT).attributesToGet("v"));
    invalid("1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
        q -> q.tableName(strings).keyConditionExpression("pk = :p").expressionAttributeValues(p())
            .select(Select.ALL_PROJECTED_ATTRIBUTES));
    invalid("1 validation error detected: Must specify the AttributesToGet or ProjectionExpression when choosing to "
        + "get SPECIFIC_ATTRIBUTES", q -> q.tableName(strings).keyConditionExpression("pk = :p")
            .expressionAttributeValues(p()).select(Select.SPECIFIC_ATTRIBUTES));
    invalid("1 validation error detected: Value 'count' at 'select' failed to satisfy constraint: Member must satisfy "
        + "enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]",
        q -> q.tableName(strings).keyConditionExpression("pk = :p").expressionAttributeValues(p()).select("count"));
    invalid("Query condition missed key schema element: pk", q -> q.tableName(strings)
        .keyConditionExpression("v = :p").expressionAttributeValues(p()));
    invalid("Query condition missed key schema element: sk", q -> q.tableName(strings)
        .keyConditionExpression("pk = :p and v = :p").expressionAttributeValues(p()));
    invalid("Query key condition not supported", q -> q.tableName(hashOnly)
        .keyConditionExpression("pk = :p and v = :p").expressionAttributeValues(p()));
    invalid("Query key condition not supported", q -> q.tableName(strings)
        .keyConditionExpression("pk > :p").expressionAttributeValues(p()));
    invalid("One or more parameter values were invalid: Condition parameter type does not match schema type",
        q -> q.tableName(numbers).keyConditionExpression("pk = :p and sk > :p").expressionAttributeValues(p()));
    invalid("One or more parameter values were invalid: Condition parameter type does not match schema type",
        q -> q.tableName(strings).keyConditionExpression("pk = :n").expressionAttributeValues(Map.of(":n", n("1"))));
    invalid("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: "
        + "begins_with, operand type: N", q -> q.tableName(numbers)
            .keyConditionExpression("pk = :p and begins_with(sk, :n)")
            .expressionAttributeValues(Map.of(":p", s("p"), ":n", n("1"))));
    invalid("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N "
        + "AttributeValue type", q -> q.tableName(numbers).keyConditions(Map.of("pk", cond(ComparisonOperator.EQ,
            s("p")), "sk", cond(ComparisonOperator.BEGINS_WITH, n("1")))));
    invalid("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR",
        q -> q.tableName(strings).keyConditionExpression("pk = :p or sk = :p").expressionAttributeValues(p()));
    invalid("Conditions can be of length 1 or 2 only", q -> q.tableName(strings)
        .keyConditionExpression("pk = :p and sk = :p and v = :p").expressionAttributeValues(p()));
    invalid("Attempted conditional constraint is not an indexable operation", q -> q.tableName(strings)
        .keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("p")), "sk", cond(ComparisonOperator.NE, s("a")))));
    invalid("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
        q -> q.tableName(strings).keyConditionExpression("pk = :p").filterExpression("sk = :p")
            .expressionAttributeValues(p()));
    invalid("QueryFilter can only contain non-primary key attributes: Primary key attribute: pk",
        q -> q.tableName(strings).keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("p"))))
            .queryFilter(Map.of("pk", cond(ComparisonOperator.EQ, s("p")))));
    invalid("The table does not have the specified index: nope", q -> q.tableName(strings).indexName("nope")
        .keyConditionExpression("pk = :p").expressionAttributeValues(p()));
    invalid("Can not use both expression and non-expression parameters in the same request: Non-expression "
        + "parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}",
        q -> q.tableName(strings).keyConditionExpression("pk = :p").expressionAttributeValues(p())
            .keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, s("p")))));
    invalid("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}",
        q -> q.tableName(strings).keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", s("p"), ":x", s("x"))));
  }

  @Test
  void query_invalidExclusiveStartKey_useTheServiceTexts() {
    invalid("The provided starting key is invalid", q -> q.tableName(strings).keyConditionExpression("pk = :p")
        .expressionAttributeValues(p()).exclusiveStartKey(Map.of("pk", s("p"))));
    invalid("The provided starting key is invalid", q -> q.tableName(strings).keyConditionExpression("pk = :p")
        .expressionAttributeValues(p()).exclusiveStartKey(Map.of("pk", s("p"), "x", s("a"))));
    invalid("The provided key element does not match the schema", q -> q.tableName(strings)
        .keyConditionExpression("pk = :p").expressionAttributeValues(p())
        .exclusiveStartKey(Map.of("pk", s("p"), "sk", n("1"))));
    invalid("The provided starting key is invalid: One or more parameter values are not valid. The AttributeValue for "
        + "a key attribute cannot contain an empty string value. Key: sk", q -> q.tableName(strings)
            .keyConditionExpression("pk = :p").expressionAttributeValues(p())
            .exclusiveStartKey(Map.of("pk", s("p"), "sk", s(""))));
    invalid("The provided starting key is outside query boundaries based on provided conditions",
        q -> q.tableName(strings).keyConditionExpression("pk = :p").expressionAttributeValues(p())
            .exclusiveStartKey(Map.of("pk", s("other"), "sk", s("a"))));
    invalid("The provided starting key does not match the range key predicate", q -> q.tableName(strings)
        .keyConditionExpression("pk = :p and sk > :b").expressionAttributeValues(Map.of(":p", s("p"), ":b", s("b")))
        .exclusiveStartKey(Map.of("pk", s("p"), "sk", s("a"))));
    invalid("The query can return at most one row and cannot be restarted", q -> q.tableName(strings)
        .keyConditionExpression("pk = :p and sk < :b").expressionAttributeValues(Map.of(":p", s("p"), ":b", s("b")))
        .exclusiveStartKey(Map.of("pk", s("other"), "sk", s("a"))));
  }

  @Test
  void query_missingTable_isResourceNotFound() {
    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> c.query(q -> q.tableName("no-such-table").keyConditionExpression("pk = :p")
            .expressionAttributeValues(p())));
  }

  @Test
  void query_paginatorWithFilter_returnsEveryMatchingItemOnce() {
    Set<AttributeValue> seen = new HashSet<>();
    int total = 0;
    for (QueryResponse page : c.queryPaginator(q -> q.tableName(numbers).keyConditionExpression("pk = :p")
        .filterExpression("attribute_not_exists(v)").expressionAttributeValues(p()).limit(3))) {
      for (Map<String, AttributeValue> i : page.items()) {
        assertNotNull(i.get("sk"));
        seen.add(i.get("sk"));
        total++;
      }
    }
    assertEquals(10, total);
    assertEquals(10, seen.size());
  }
}
