package dev.cairn.engine;

import dev.cairn.core.api.ReadPage;
import dev.cairn.core.api.ScanRequest;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.Principal;
import dev.cairn.storage.ItemStore;
import io.vertx.core.Future;

/**
 * Scan: every item of the table or of a secondary index (a sparse index holds only the items with its keys), in
 * storage key order, or of one segment of a parallel scan (segment {@code s} of {@code n} holds the items whose
 * partition key hashes to {@code s}; the segments are disjoint and together the whole table), paginated by
 * {@code Limit} and 1 MB ({@link PageReader}); the filter applies after reading. Checks that need the table, in
 * the service's order (dynalite, actions/scan.js): the index exists and, for a GSI, ConsistentRead is not set; the
 * ExclusiveStartKey has the key schema's attributes and types and is a valid table key; Select ALL_ATTRIBUTES is
 * allowed on the index. Source: API Reference, "Scan"; Developer Guide, "Parallel scan".
 */
public final class ScanHandler implements OperationHandler<ScanRequest> {
  private final TableCatalog tables;
  private final ItemStore items;

  /**
   * A handler over the catalog and the item store.
   *
   * @param tables the table catalog (cached table records)
   * @param items  the item store the pages are read from
   */
  public ScanHandler(TableCatalog tables, ItemStore items) {
    this.tables = tables;
    this.items = items;
  }

  /**
   * Reads one page.
   *
   * @return the page; a failed future with a {@link DynamoException} (ResourceNotFoundException for a missing
   *     table, ValidationException for the checks above) or a storage failure
   */
  @Override
  public Future<ReadPage> handle(Principal principal, ScanRequest r) {
    return tables.requireActive(principal.accountId(), r.tableName()).compose(t -> {
      ReadTarget target = ReadTarget.resolve(t, r.indexName(), r.consistentRead(), r.exclusiveStartKey() != null);
      target.checkStartKeyShape(r.exclusiveStartKey(), r.indexName() == null);
      boolean fetchBase = QueryHandler.checkSelect(r.effectiveSelect(), r.indexName(), target, r.projection());
      target.checkStartKeyTable(r.exclusiveStartKey());
      int segment = r.segment() == null ? 0 : r.segment();
      int total = r.totalSegments() == null ? 1 : r.totalSegments();
      PageReader reader = new PageReader(
          (from, limit) -> items.scan(t.ref(), target.indexId(), segment, total, from, limit),
          r.limit(), r.filter(), r.projection(), "COUNT".equals(r.effectiveSelect()), target,
          fetchBase ? items : null);
      return reader.read(target.startRow(r.exclusiveStartKey())).map(p -> new ReadPage(p.items(), p.count(),
          p.scannedCount(), p.lastEvaluatedKey(), Capacity.readPage(r.returnConsumedCapacity(), r.tableName(),
              target.global ? r.indexName() : null, p.bytes(), Boolean.TRUE.equals(r.consistentRead()))));
    });
  }
}
