package dev.cairn.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.api.ScanRequest;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scan validation without a table: constraints, segments, Select combinations, mixing, expressions. */
class ScanValidatorTest {
  static ScanRequest scan(Integer segment, Integer totalSegments, String select, String projectionExpression,
      Integer limit) {
    return new ScanRequest("tbl", null, null, null, null, projectionExpression, null, ItemRequests.Expressions.NONE,
        select, limit, null, segment, totalSegments, null, null, null, null, null);
  }

  static void assertValidation(String message, ScanRequest r) {
    DynamoException e = assertThrows(DynamoException.class, () -> ScanValidator.validate(r, null));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void validate_segments_bothOrNeitherAndInRange() {
    assertValidation("The TotalSegments parameter is required but was not present in the request when Segment "
        + "parameter is present", scan(0, null, null, null, null));
    assertValidation("The Segment parameter is required but was not present in the request when parameter "
        + "TotalSegments is present", scan(null, 3, null, null, null));
    assertValidation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 "
        + "is not less than TotalSegments: 3", scan(3, 3, null, null, null));
    assertValidation("1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: "
        + "Member must have value less than or equal to 1000000", scan(0, 1_000_001, null, null, null));
    assertValidation("1 validation error detected: Value '1000000' at 'segment' failed to satisfy constraint: Member "
        + "must have value less than or equal to 999999", scan(1_000_000, 1_000_000, null, null, null));
    assertEquals("ALL_ATTRIBUTES", ScanValidator.validate(scan(999_999, 1_000_000, null, null, null), null)
        .effectiveSelect());
  }

  @Test
  void validate_limitBelowOne_fails() {
    assertValidation("1 validation error detected: Value '-3' at 'limit' failed to satisfy constraint: Member must "
        + "have value greater than or equal to 1", scan(null, null, null, null, -3));
  }

  @Test
  void validate_selectCombinations_areReportedBare() {
    assertValidation("Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES",
        scan(null, null, "ALL_PROJECTED_ATTRIBUTES", "a", null));
    assertValidation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
        scan(null, null, "ALL_PROJECTED_ATTRIBUTES", null, null));
    assertEquals("SPECIFIC_ATTRIBUTES",
        ScanValidator.validate(scan(null, null, null, "a", null), null).effectiveSelect());
  }

  @Test
  void validate_legacyScanFilter_translatesAndChecksArguments() {
    ScanRequest ok = new ScanRequest("tbl", null, null, Map.of("a", new Legacy.LegacyCondition("NOT_NULL", null)),
        "OR", null, List.of("a"), ItemRequests.Expressions.NONE, null, null, null, null, null, null, null, null, null,
        null);
    ScanRequest r = ScanValidator.validate(ok, null);
    assertNotNull(r.filter());
    assertNotNull(r.projection());
    ScanRequest bad = new ScanRequest("tbl", null, null,
        Map.of("a", new Legacy.LegacyCondition("IN", List.of())), null, null, null, ItemRequests.Expressions.NONE,
        null, null, null, null, null, null, null, null, null, null);
    assertValidation("One or more parameter values were invalid: Invalid number of argument(s) for the IN "
        + "ComparisonOperator", bad);
    ScanRequest badOp = new ScanRequest("tbl", null, null,
        Map.of("a", new Legacy.LegacyCondition("LIKE", List.of(new AttributeValue.S("x")))), null, null, null,
        ItemRequests.Expressions.NONE, null, null, null, null, null, null, null, null, null, null);
    assertValidation("1 validation error detected: Value 'LIKE' at 'scanFilter.a.member.comparisonOperator' failed "
        + "to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, "
        + "NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]", badOp);
  }
}
