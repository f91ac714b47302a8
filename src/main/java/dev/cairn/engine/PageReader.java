package dev.cairn.engine;

import dev.cairn.core.expr.Condition;
import dev.cairn.core.expr.ConditionEvaluator;
import dev.cairn.core.expr.ProjectionExpression;
import dev.cairn.core.expr.Projector;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.ReadRow;
import dev.cairn.storage.StoredItem;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one Query or Scan page: rows in chunks from storage, each chunk no larger than the page can still use
 * (plus one row to learn whether more follow), until {@code Limit} items were evaluated, 1 MB was read, or the
 * partition (table, segment) is exhausted. The 1 MB is measured on the items read before the filter, as the
 * service does; the item that reaches it is the last of the page. The filter applies after reading; the
 * projection last. {@code LastEvaluatedKey} is the key of the last item evaluated when the page stopped early,
 * absent when nothing follows. Source: Developer Guide, "Paginating table query results" and "Paginating the
 * results" (Scan); API Reference, "Query" (Limit, LastEvaluatedKey).
 *
 * <p>Runs on the caller's event loop; one page holds at most 1 MB of items plus one chunk of rows.
 */
final class PageReader {
  /** Rows asked of storage at a time. */
  static final int CHUNK = 100;
  /** The data one page reads at most, in bytes (the item that reaches it is included). */
  static final long MAX_PAGE_BYTES = 1024L * 1024L;

  /** One storage read: at most {@code limit} rows strictly after {@code start} (or from the start). */
  @FunctionalInterface
  interface Source {
    Future<List<ReadRow>> read(ReadRow start, int limit);
  }

  /**
   * What a page found.
   *
   * @param items     the projected items that passed the filter, or {@code null} when only counting
   * @param bytes     the size of the items read (index rows, plus base items fetched), for capacity
   */
  record Result(List<Map<String, AttributeValue>> items, int count, int scannedCount,
      Map<String, AttributeValue> lastEvaluatedKey, long bytes) {
  }

  private final Source source;
  private final Integer limit;
  private final Condition filter;
  private final ProjectionExpression projection;
  private final boolean countOnly;
  private final ReadTarget target;
  /** Non-null when every row's base item must be fetched (LSI rows lacking the attributes asked for). */
  private final ItemStore baseItems;

  private final List<Map<String, AttributeValue>> items = new ArrayList<>();
  private int count;
  private int scanned;
  private long bytes;
  /** The last row evaluated so far (across chunks). */
  private ReadRow last;

  /**
   * @param limit      the request's Limit, or {@code null}
   * @param filter     applied to each item read, or {@code null}
   * @param projection applied to each item returned, or {@code null} for the whole item
   * @param countOnly  Select COUNT: count, return no items
   * @param baseItems  the store to fetch each row's base item from (LSI with ALL_ATTRIBUTES), or {@code null}
   */
  PageReader(Source source, Integer limit, Condition filter, ProjectionExpression projection, boolean countOnly,
      ReadTarget target, ItemStore baseItems) {
    this.source = source;
    this.limit = limit;
    this.filter = filter;
    this.projection = projection;
    this.countOnly = countOnly;
    this.target = target;
    this.baseItems = baseItems;
  }

  /** Reads the page that follows {@code start} ({@code null}: from the beginning). */
  Future<Result> read(ReadRow start) {
    long remaining = limit == null ? CHUNK : (long) limit - scanned;
    int ask = (int) Math.min(remaining + 1, CHUNK);
    return source.read(start, ask).compose(rows -> withBases(rows).compose(bases -> {
      for (int i = 0; i < rows.size(); i++) {
        ReadRow row = rows.get(i);
        if (limit != null && scanned >= limit) {
          return done(last); // a row follows the Limit-th: the page stopped early
        }
        scanned++;
        bytes += row.sizeBytes();
        last = row;
        Map<String, AttributeValue> item = row.item();
        if (bases != null) {
          StoredItem base = bases.get(i);
          item = base == null ? null : base.item();
          bytes += base == null ? 0 : base.sizeBytes();
        }
        evaluate(item);
        if (bytes >= MAX_PAGE_BYTES) {
          boolean more = i < rows.size() - 1 || rows.size() == ask;
          return done(more ? last : null);
        }
      }
      if (rows.size() < ask || rows.isEmpty()) {
        return done(null); // exhausted
      }
      return read(last);
    }));
  }

  private void evaluate(Map<String, AttributeValue> item) {
    if (item == null) {
      return; // the base item went away between the index read and the fetch
    }
    if (filter != null && !ConditionEvaluator.evaluate(filter, item)) {
      return;
    }
    count++;
    if (!countOnly) {
      items.add(projection == null ? item : Projector.project(projection, item));
    }
  }

  private Future<Result> done(ReadRow last) {
    return Future.succeededFuture(new Result(countOnly ? null : items, count, scanned,
        last == null ? null : target.lastKey(last.item()), bytes));
  }

  /** The base items of the rows, in order, when they must be fetched; else {@code null}. */
  private Future<List<StoredItem>> withBases(List<ReadRow> rows) {
    if (baseItems == null || rows.isEmpty()) {
      return Future.succeededFuture(null);
    }
    List<Future<StoredItem>> reads = new ArrayList<>(rows.size());
    for (ReadRow r : rows) {
      reads.add(baseItems.read(target.table.ref(), r.pk(), r.sk()));
    }
    return Future.all(reads).map(all -> {
      List<StoredItem> out = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        out.add(all.resultAt(i));
      }
      return out;
    });
  }
}
