package dev.cairn.core.api;

import dev.cairn.core.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * One page of a Query or Scan: {@code {"Items": [...], "Count": n, "ScannedCount": n, "LastEvaluatedKey": {...},
 * "ConsumedCapacity": {...}}}. Source: API Reference, "Query" and "Scan", Response Syntax.
 *
 * @param items            the items after filter and projection, or {@code null} for Select COUNT (the member
 *                         is then absent on the wire)
 * @param count            the items that passed the filter
 * @param scannedCount     the items read, before the filter
 * @param lastEvaluatedKey the key of the last item evaluated when the page stopped early (Limit or 1 MB): the
 *                         table's key attributes, plus the index's for an index; {@code null} when the partition
 *                         or table (segment) is exhausted
 * @param consumedCapacity {@code null} unless asked for
 */
public record ReadPage(List<Map<String, AttributeValue>> items, int count, int scannedCount,
    Map<String, AttributeValue> lastEvaluatedKey, ItemRequests.ConsumedCapacity consumedCapacity) {
}
