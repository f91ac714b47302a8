package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The request bodies: valid JSON of the right shape and size, distinct keys where the service requires. */
class WorkloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** DynamoDB item size: attribute name lengths plus string value lengths. */
  private static int itemSize(JsonNode item) {
    int size = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      size += f.getKey().length() + f.getValue().get("S").asText().length();
    }
    return size;
  }

  @ParameterizedTest
  @EnumSource(Workload.Kind.class)
  void next_everyKind_validJsonForItsAction(Workload.Kind kind) throws Exception {
    for (boolean gsi : new boolean[] {false, true}) {
      Workload w = new Workload(kind, gsi, gsi, 1000, 1024);
      Workload.Source s = w.source(1);
      for (int i = 0; i < 50; i++) {
        Workload.Request r = s.next();
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.isObject());
        if (kind != Workload.Kind.LISTTABLES && kind != Workload.Kind.BATCHWRITE
            && kind != Workload.Kind.TRANSACTWRITE) {
          assertEquals(w.table().name(), body.get("TableName").asText());
        }
        if (r.action().equals("PutItem")) {
          assertEquals(1024, itemSize(body.get("Item")), 2);
          assertEquals(gsi, body.get("Item").has("g"));
        }
      }
    }
  }

  @Test
  void batchWrite_25DistinctKeys() throws Exception {
    Workload w = new Workload(Workload.Kind.BATCHWRITE, false, false, 30, 1024);
    Workload.Source s = w.source(7);
    for (int i = 0; i < 100; i++) {
      JsonNode puts = JSON.readTree(s.next().body()).get("RequestItems").get("bench_hash");
      assertEquals(25, puts.size());
      Set<String> keys = new HashSet<>();
      puts.forEach(p -> keys.add(p.get("PutRequest").get("Item").get("pk").get("S").asText()));
      assertEquals(25, keys.size());
    }
  }

  @Test
  void transactWrite_4DistinctPuts() throws Exception {
    Workload w = new Workload(Workload.Kind.TRANSACTWRITE, false, false, 10_000, 1024);
    JsonNode items = JSON.readTree(w.source(3).next().body()).get("TransactItems");
    assertEquals(4, items.size());
    Set<String> keys = new HashSet<>();
    items.forEach(p -> keys.add(p.get("Put").get("Item").get("pk").get("S").asText()));
    assertEquals(4, keys.size());
  }

  @Test
  void mixed_about80PercentGets() {
    Workload.Source s = new Workload(Workload.Kind.MIXED, false, false, 100, 256).source(11);
    int gets = 0;
    for (int i = 0; i < 10_000; i++) {
      if (s.next().action().equals("GetItem")) {
        gets++;
      }
    }
    assertEquals(8000, gets, 200);
  }

  @Test
  void tables_variantsHaveTheirOwnNamesAndOptions() throws Exception {
    Workload plain = new Workload(Workload.Kind.QUERY, false, false, 1000, 1024);
    Workload both = new Workload(Workload.Kind.QUERY, true, true, 1000, 1024);
    assertEquals("bench_range", plain.table().name());
    assertEquals("bench_range_gsi_streams", both.table().name());
    assertEquals("query+gsi+streams", both.label());
    JsonNode create = JSON.readTree(both.table().createBody());
    assertEquals("g-index", create.get("GlobalSecondaryIndexes").get(0).get("IndexName").asText());
    assertTrue(create.get("StreamSpecification").get("StreamEnabled").asBoolean());
    assertFalse(JSON.readTree(plain.table().createBody()).has("GlobalSecondaryIndexes"));
    assertEquals(2, create.get("KeySchema").size());
    assertNull(new Workload(Workload.Kind.LISTTABLES, false, false, 1, 64).table());
  }

  @Test
  void preloadItems_rangeTable_fillsPartitionsInOrder() throws Exception {
    Workload w = new Workload(Workload.Kind.QUERY, false, false, 120, 512);
    assertEquals(2, w.partitions());
    assertEquals(100, w.preloadCount(w.rangeTable()));
    JsonNode last = JSON.readTree(w.preloadItems(w.rangeTable(), 99, 100).get(0));
    assertEquals("p00000001", last.get("pk").get("S").asText());
    assertEquals("s0049", last.get("sk").get("S").asText());
    assertEquals(512, itemSize(last), 2);
  }
}
