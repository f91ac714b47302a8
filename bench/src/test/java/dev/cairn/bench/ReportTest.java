package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ratios and the Markdown report, including workloads a target does not support. */
class ReportTest {
  private static RunResult result(String target, String workload, double ops, double p99) {
    return new RunResult(target, workload, 16, "closed", null, 10, (long) (ops * 10), ops, Map.of(), 100.0,
        200.0, p99, 400.0, 500.0, 10.0, 20.0, null);
  }

  @Test
  void ratios_meanOverRounds_dividedPerWorkload() {
    List<RunResult> results = List.of(
        result("cairn", "listtables", 900, 2000), result("cairn", "listtables", 1100, 2000),
        result("dynamodb-local", "listtables", 2000, 1000), result("postgres-ceiling", "listtables", 10_000, 100),
        RunResult.unsupported("cairn", "put", 16, "closed", null, "n/a (UnknownOperationException)"),
        result("dynamodb-local", "put", 500, 3000));
    List<Report.Ratio> ratios = Report.ratios(results);
    assertEquals(2, ratios.size());
    assertEquals(0.5, ratios.get(0).cairnOverDynamoDbLocalOps(), 1e-9);
    assertEquals(0.1, ratios.get(0).cairnOverCeilingOps(), 1e-9);
    assertEquals(2.0, ratios.get(0).cairnOverDynamoDbLocalP99(), 1e-9);
    assertNull(ratios.get(1).cairnOverDynamoDbLocalOps());
    String md = Report.markdown(new LinkedHashMap<>(Map.of("timestamp", "t")), results, ratios);
    assertTrue(md.contains("| put | 16 | closed | cairn | n/a (UnknownOperationException) |"), md);
    assertTrue(md.contains("| put | 16 | cairn: n/a (UnknownOperationException) |"), md);
    assertTrue(md.contains("| listtables | 16 | 0.50 | 0.10 | 2.00 | 20.00 |"), md);
    assertTrue(!md.contains("The load generator itself used"), md);
  }

  @Test
  void markdown_busyGenerator_listed() {
    RunResult busy = new RunResult("cairn", "get", 16, "closed", null, 10, 100_000, 10_000, Map.of(), 1.0, 1.0,
        1.0, 1.0, 1.0, 80.0, null, null);
    assertEquals(0.8, Report.generatorCores(busy), 1e-9);
    String md = Report.markdown(new LinkedHashMap<>(), List.of(busy), Report.ratios(List.of(busy)));
    assertTrue(md.contains("- get c=16 on cairn: 0.80 cores"), md);
  }
}
