package dev.cairn.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.core.api.AttributeDefinition;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.Projection;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.expr.ExpressionContext;
import dev.cairn.core.expr.ExpressionKind;
import dev.cairn.core.model.AttributeType;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.KeyCodec;
import dev.cairn.core.model.KeySchema;
import dev.cairn.storage.ReadRow;
import dev.cairn.storage.TableDefinition;
import dev.cairn.storage.TableRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

/**
 * The page loop without PostgreSQL: Limit, the look-ahead row, the 1 MB boundary, the filter and Select COUNT; and
 * the table/index targets (key names, start rows, the index checks).
 */
class QueryPageReaderTest {
  static final TableDefinition.Index GSI = new TableDefinition.Index(7, "byColor",
      List.of(new KeySchemaElement("color", "HASH")), new Projection("KEYS_ONLY", null), null, null, "ACTIVE", false);
  static final TableDefinition.Index LSI = new TableDefinition.Index(8, "bySize",
      List.of(new KeySchemaElement("pk", "HASH"), new KeySchemaElement("size", "RANGE")),
      new Projection("INCLUDE", List.of("extra")), null, null, "ACTIVE", false);

  static TableRecord table() {
    TableDefinition def = new TableDefinition(List.of(new AttributeDefinition("pk", "S"),
        new AttributeDefinition("sk", "N"), new AttributeDefinition("color", "S"), new AttributeDefinition("size", "N")),
        List.of(new KeySchemaElement("pk", "HASH"), new KeySchemaElement("sk", "RANGE")), "PAY_PER_REQUEST", null,
        null, List.of(GSI), List.of(LSI), null, null, null, false, List.of(), null, null);
    return new TableRecord(1, "acct", "t", "uuid", new KeySchema("pk", AttributeType.S, "sk", AttributeType.N),
        Instant.EPOCH, Instant.EPOCH, null, null, def, 1, null);
  }

  static ReadRow row(int sk, int size) {
    Map<String, AttributeValue> item = Map.of("pk", new AttributeValue.S("p"),
        "sk", new AttributeValue.N(new BigDecimal(sk)), "odd", new AttributeValue.Bool(sk % 2 == 1));
    return new ReadRow(KeyCodec.encodeString("p"), KeyCodec.encodeNumber(new BigDecimal(sk)), null, null, item, size);
  }

  /** A source over {@code n} rows of {@code size} bytes, recording the limits asked. */
  static final class Rows implements PageReader.Source {
    final List<ReadRow> rows = new ArrayList<>();
    final List<Integer> asked = new ArrayList<>();

    Rows(int n, int size) {
      for (int i = 0; i < n; i++) {
        rows.add(row(i, size));
      }
    }

    @Override
    public Future<List<ReadRow>> read(ReadRow start, int limit) {
      asked.add(limit);
      int from = 0;
      if (start != null) {
        while (from < rows.size() && Arrays.compare(rows.get(from).sk(), start.sk()) <= 0) {
          from++;
        }
      }
      return Future.succeededFuture(new ArrayList<>(rows.subList(from, Math.min(rows.size(), from + limit))));
    }
  }

  static PageReader.Result read(Rows source, Integer limit, String filter, boolean countOnly) throws Exception {
    ReadTarget target = ReadTarget.resolve(table(), null, null, false);
    var f = filter == null ? null : ExpressionContext.of(null, Map.of(":t", new AttributeValue.Bool(true)))
        .condition(ExpressionKind.FILTER, filter);
    return new PageReader(source, limit, f, null, countOnly, target, null).read(null).toCompletionStage()
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void read_limitBelowWhatIsLeft_asksOneRowMoreAndReturnsTheLastKey() throws Exception {
    Rows source = new Rows(10, 10);
    PageReader.Result r = read(source, 4, null, false);
    assertEquals(4, r.count());
    assertEquals(List.of(5), source.asked);
    assertEquals(Map.of("pk", new AttributeValue.S("p"), "sk", new AttributeValue.N(new BigDecimal(3))),
        r.lastEvaluatedKey());
  }

  @Test
  void read_limitEqualToWhatIsLeft_hasNoLastKey() throws Exception {
    PageReader.Result r = read(new Rows(4, 10), 4, null, false);
    assertEquals(4, r.scannedCount());
    assertNull(r.lastEvaluatedKey());
  }

  @Test
  void read_limitOfExactlyOneChunk_looksAheadInTheNextRead() throws Exception {
    Rows source = new Rows(150, 10);
    PageReader.Result r = read(source, 100, null, false);
    assertEquals(100, r.count());
    assertEquals(List.of(100, 1), source.asked);
    assertEquals(new AttributeValue.N(new BigDecimal(99)), r.lastEvaluatedKey().get("sk"));
    assertNull(read(new Rows(100, 10), 100, null, false).lastEvaluatedKey());
  }

  @Test
  void read_noLimit_readsChunksToTheEnd() throws Exception {
    Rows source = new Rows(250, 10);
    PageReader.Result r = read(source, null, null, false);
    assertEquals(250, r.count());
    assertEquals(List.of(100, 100, 100), source.asked);
    assertNull(r.lastEvaluatedKey());
    assertEquals(2500, r.bytes());
  }

  @Test
  void read_oneMegabyte_endsThePageWithTheItemThatReachesIt() throws Exception {
    PageReader.Result r = read(new Rows(30, 100_000), null, null, false);
    assertEquals(11, r.scannedCount()); // 10 x 100,000 < 1,048,576 <= 11 x 100,000
    assertEquals(new AttributeValue.N(new BigDecimal(10)), r.lastEvaluatedKey().get("sk"));
    PageReader.Result exact = read(new Rows(11, 100_000), null, null, false);
    assertEquals(11, exact.scannedCount());
    assertNull(exact.lastEvaluatedKey()); // the chunk came back short: nothing follows
  }

  @Test
  void read_filterAndCount_countAfterTheFilter() throws Exception {
    PageReader.Result r = read(new Rows(10, 10), 6, "odd = :t", false);
    assertEquals(3, r.count());
    assertEquals(6, r.scannedCount());
    assertEquals(3, r.items().size());
    PageReader.Result none = read(new Rows(10, 10), 6, "odd = :t", true);
    assertNull(none.items());
    assertEquals(3, none.count());
  }

  @Test
  void target_indexes_haveTheirKeySchemasAndKeyNames() {
    ReadTarget gsi = ReadTarget.resolve(table(), "byColor", null, false);
    assertEquals(List.of("pk", "sk", "color"), gsi.keyNames());
    assertEquals(7L, gsi.indexId());
    assertTrue(gsi.global);
    ReadTarget lsi = ReadTarget.resolve(table(), "bySize", true, false);
    assertEquals(List.of("pk", "sk", "size"), lsi.keyNames());
    assertEquals("size", lsi.schema.sortKey());
    assertTrue(lsi.holds("extra"));
    assertEquals(false, lsi.holds("other"));
    ReadRow start = lsi.startRow(Map.of("pk", new AttributeValue.S("p"), "sk", new AttributeValue.N(BigDecimal.ONE),
        "size", new AttributeValue.N(BigDecimal.TEN)));
    assertEquals(0, Arrays.compare(KeyCodec.encodeNumber(BigDecimal.TEN), start.indexSk()));
  }

  @Test
  void target_indexErrors_useTheServiceTexts() {
    assertEquals("The table does not have the specified index: nope", assertThrows(DynamoException.class,
        () -> ReadTarget.resolve(table(), "nope", null, false)).getMessage());
    assertEquals("Consistent reads are not supported on global secondary indexes", assertThrows(
        DynamoException.class, () -> ReadTarget.resolve(table(), "byColor", true, false)).getMessage());
    ReadTarget gsi = ReadTarget.resolve(table(), "byColor", null, false);
    assertEquals("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for "
        + "global secondary index byColor because its projection type is not ALL", assertThrows(
            DynamoException.class, () -> QueryHandler.checkSelect("ALL_ATTRIBUTES", "byColor", gsi, null))
        .getMessage());
    assertTrue(QueryHandler.checkSelect("ALL_ATTRIBUTES", "bySize", ReadTarget.resolve(table(), "bySize", null,
        false), null));
    assertEquals("The provided starting key is invalid", assertThrows(DynamoException.class,
        () -> gsi.checkStartKeyShape(Map.of("pk", new AttributeValue.S("p"), "sk",
            new AttributeValue.N(BigDecimal.ONE)), false)).getMessage());
  }
}
