package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pgbench scripts: one per workload, bound parameters only where Cairn binds them. */
class PgCeilingTest {
  @ParameterizedTest
  @EnumSource(Workload.Kind.class)
  void scripts_everyKind_nonEmptySqlEndingInSemicolon(Workload.Kind kind) {
    Map<String, String> scripts = PgCeiling.scripts(kind);
    assertTrue(!scripts.isEmpty());
    scripts.values().forEach(s -> assertTrue(s.strip().endsWith(";"), s));
  }

  @Test
  void scripts_mixed_weighted80to20() {
    assertEquals(List.of("get.sql@80", "put.sql@20"), List.copyOf(PgCeiling.scripts(Workload.Kind.MIXED).keySet()));
  }

  @Test
  void scripts_put_isTheUpsertOfItemSql() {
    String put = PgCeiling.scripts(Workload.Kind.PUT).get("put.sql");
    assertTrue(put.contains("ON CONFLICT (pk, sk) DO UPDATE SET item = EXCLUDED.item, item_text = EXCLUDED.item_text,"
        + " size_bytes = EXCLUDED.size_bytes"), put);
    assertTrue(put.contains(":item::text::jsonb"), put);
  }

  @Test
  void scripts_update_readsThenComparesAndSetsOnXmin() {
    String update = PgCeiling.scripts(Workload.Kind.UPDATE).get("update.sql");
    assertTrue(update.contains("\\gset"), update);
    assertTrue(update.contains("AND xmin::text = :ver;"), update);
  }

  @Test
  void withTimes_wrapsInBashAndKeepsArguments() {
    List<String> cmd = PgCeiling.withTimes(List.of("pgbench", "-D", "item={\"a b\"}"));
    assertEquals(List.of("bash", "-c", "\"$@\"; rc=$?; times; exit $rc", "bash", "pgbench", "-D", "item={\"a b\"}"),
        cmd);
  }

  @Test
  void parseUrl_defaults() {
    PgTools t = PgTools.parse("postgresql://postgres@127.0.0.1:5432/cairn_bench");
    assertEquals("127.0.0.1", t.host());
    assertEquals(5432, t.port());
    assertEquals("cairn_bench", t.database());
    assertEquals("postgresql://postgres@127.0.0.1:5432/cairn_x", t.withDatabase("cairn_x").url());
  }
}
