package dev.cairn.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.app.CairnServer;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.KeyCodec;
import dev.cairn.it.CairnFixture;
import dev.cairn.storage.SortRange;
import dev.cairn.storage.TableRecord;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The PostgreSQL plans of the statements a Query sends ({@link ItemReads#querySql}) on a table and on a GSI with a
 * few thousand analysed rows: an Index Scan (Backward when ScanIndexForward is false) on the primary key or the
 * index's {@code (ipk, isk, pk, sk)} btree, under a Limit, and never a Sort node. Both the plan for the bound
 * values (what the first executions of a prepared statement get) and the generic plan (what PostgreSQL may
 * switch to after five executions) are checked. The plans are printed; docs/query-scan.md quotes them.
 */
class QueryPlanIT {
  private static final int ROWS = 5000;
  static CairnServer server;
  static TableRecord table;
  static long indexId;

  @BeforeAll
  static void setUp() throws Exception {
    CairnFixture fixture = CairnFixture.get();
    server = fixture.server();
    DynamoDbClient dynamo = fixture.dynamo();
    String name = "plan-" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.N),
            def("g", ScalarAttributeType.S), def("n", ScalarAttributeType.N))
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
            .keySchema(key("g", KeyType.HASH), key("n", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    table = server.storage().tables().findTable(fixture.defaultKeys().accountId(), name).await(30, TimeUnit.SECONDS);
    indexId = table.definition().globalSecondaryIndexes().get(0).indexId();
    // Rows of the right shape, written directly: the planner needs their number and distribution, not items.
    String rel = ItemReads.relation(table.ref(), null);
    String irel = ItemReads.relation(table.ref(), indexId);
    run("INSERT INTO " + rel + " (pk, sk, item, size_bytes) SELECT convert_to('p' || (i % 50), 'UTF8'),"
        + " int4send(i), '{}'::jsonb, 10 FROM generate_series(1, $1) i", Tuple.of(ROWS));
    run("INSERT INTO " + irel + " (pk, sk, ipk, isk, item, size_bytes) SELECT convert_to('p' || (i % 50), 'UTF8'),"
        + " int4send(i), convert_to('g' || (i % 20), 'UTF8'), int4send(i), '{}'::jsonb, 10"
        + " FROM generate_series(1, $1) i", Tuple.of(ROWS));
    run("ANALYZE " + rel, Tuple.tuple());
    run("ANALYZE " + irel, Tuple.tuple());
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition def(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static RowSet<Row> run(String sql, Tuple args) throws Exception {
    return server.storage().client().preparedQuery(sql).execute(args).await(60, TimeUnit.SECONDS);
  }

  private static String text(RowSet<Row> rows) {
    StringJoiner j = new StringJoiner("\n");
    rows.forEach(r -> j.add(r.getString(0)));
    return j.toString();
  }

  private static byte[] n(String v) {
    return KeyCodec.encode(new AttributeValue.N(new BigDecimal(v)));
  }

  private static byte[] utf8(String v) {
    return v.getBytes(StandardCharsets.UTF_8);
  }

  /** EXPLAIN of the statement with these bound values (the custom plan of a prepared statement). */
  private static String explain(String sql, Tuple args) throws Exception {
    return text(run("EXPLAIN " + sql, args));
  }

  /**
   * The generic plan (PostgreSQL 15 has no EXPLAIN (GENERIC_PLAN)): PREPARE, force_generic_plan, EXPLAIN EXECUTE on
   * one connection. The values are test constants written as hex literals.
   */
  private static String explainGeneric(String sql, byte[]... byteArgs) throws Exception {
    StringJoiner args = new StringJoiner(", ");
    for (byte[] b : byteArgs) {
      args.add("'\\x" + HexFormat.of().formatHex(b) + "'::bytea");
    }
    args.add("11");
    return server.storage().pool().withConnection(c -> c.query("PREPARE cairn_plan AS " + sql).execute()
        .compose(x -> c.query("SET plan_cache_mode = force_generic_plan").execute())
        .compose(x -> c.query("EXPLAIN EXECUTE cairn_plan(" + args + ")").execute())
        .eventually(() -> c.query("DEALLOCATE cairn_plan").execute()
            .compose(x -> c.query("RESET plan_cache_mode").execute())))
        .map(QueryPlanIT::text).await(60, TimeUnit.SECONDS);
  }

  private static void assertIndexScanWithoutSort(String label, String sql, String plan) {
    System.out.println("-- " + label + "\n" + sql + "\n" + plan + "\n");
    assertTrue(plan.contains("Index Scan"), label + ": no index scan\n" + plan);
    assertFalse(plan.contains("Sort"), label + ": sorts\n" + plan);
    assertFalse(plan.contains("Seq Scan"), label + ": sequential scan\n" + plan);
  }

  @Test
  void queryOfTheTable_isAnIndexScanOfThePrimaryKey_withoutSort() throws Exception {
    SortRange between = new SortRange(n("10"), true, n("4000"), true);
    String sql = ItemReads.querySql(table.ref(), null, between, true, true);
    Tuple args = Tuple.of(Buffer.buffer(utf8("p7")), Buffer.buffer(n("10")), Buffer.buffer(n("4000")),
        Buffer.buffer(n("57")), 11);
    assertIndexScanWithoutSort("table, BETWEEN, restart, forward", sql, explain(sql, args));
    assertIndexScanWithoutSort("table, BETWEEN, restart, forward (generic plan)", sql,
        explainGeneric(sql, utf8("p7"), n("10"), n("4000"), n("57")));
    String backward = ItemReads.querySql(table.ref(), null, SortRange.ALL, false, false);
    assertIndexScanWithoutSort("table, no sort-key condition, ScanIndexForward false", backward,
        explain(backward, Tuple.of(Buffer.buffer(utf8("p7")), 11)));
  }

  @Test
  void queryOfAGsi_isAnIndexScanOfItsKeyIndex_withoutSort() throws Exception {
    SortRange from = new SortRange(n("100"), true, null, false);
    String sql = ItemReads.querySql(table.ref(), indexId, from, true, true);
    Tuple args = Tuple.of(Buffer.buffer(utf8("g3")), Buffer.buffer(n("100")), Buffer.buffer(n("103")),
        Buffer.buffer(utf8("p3")), Buffer.buffer(n("103"))).addInteger(11);
    assertIndexScanWithoutSort("GSI, >=, restart, forward", sql, explain(sql, args));
    assertIndexScanWithoutSort("GSI, >=, restart, forward (generic plan)", sql,
        explainGeneric(sql, utf8("g3"), n("100"), n("103"), utf8("p3"), n("103")));
    String backward = ItemReads.querySql(table.ref(), indexId, SortRange.ALL, false, false);
    assertIndexScanWithoutSort("GSI, no sort-key condition, ScanIndexForward false", backward,
        explain(backward, Tuple.of(Buffer.buffer(utf8("g3")), 11)));
  }
}
