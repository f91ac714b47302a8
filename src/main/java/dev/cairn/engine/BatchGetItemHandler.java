package dev.cairn.engine;

import dev.cairn.core.api.BatchRequests.BatchGetItem;
import dev.cairn.core.api.BatchRequests.BatchGetResult;
import dev.cairn.core.api.BatchRequests.KeysAndAttributes;
import dev.cairn.core.api.ItemRequests.ConsumedCapacity;
import dev.cairn.core.expr.Projector;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.KeyValidator;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.StoredItem;
import dev.cairn.storage.TableRecord;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BatchGetItem: reads up to 100 items over several tables. Every table must exist and every key match its table's
 * schema before anything is read (ResourceNotFoundException, "The provided key element does not match the
 * schema"); then each table's keys are read in one statement ({@link ItemStore#readMany}), the tables
 * concurrently. Items are answered in request order, projected as asked; once the items answered would pass 16 MB
 * the remaining found items are left out and their keys returned in UnprocessedKeys with the table's projection
 * parameters. Reads are strongly consistent whatever ConsistentRead says (as GetItem); ConsistentRead only sets the
 * capacity reported: per item, 4 KB units, halved when eventual, the minimum for a key with no item (one entry
 * per table). Sources: API Reference, "BatchGetItem"; Developer Guide, "Read consumption for BatchGetItem".
 */
public final class BatchGetItemHandler implements OperationHandler<BatchGetItem> {
  /** The most item bytes one response carries (API Reference, "BatchGetItem": "up to 16 MB of data"). */
  static final long RESPONSE_LIMIT_BYTES = 16L * 1024 * 1024;

  private final TableCatalog tables;
  private final ItemStore items;

  public BatchGetItemHandler(TableCatalog tables, ItemStore items) {
    this.tables = tables;
    this.items = items;
  }

  @Override
  public Future<BatchGetResult> handle(Principal principal, BatchGetItem r) {
    List<String> names = new ArrayList<>(r.requestItems().keySet());
    List<Future<TableRecord>> found = new ArrayList<>(names.size());
    for (String name : names) {
      found.add(tables.requireActive(principal.accountId(), name));
    }
    return Future.all(found).compose(all -> {
      // Every key of every table is checked before the first read is sent.
      List<Future<List<StoredItem>>> reads = new ArrayList<>(names.size());
      List<List<byte[]>> pks = new ArrayList<>(names.size());
      List<List<byte[]>> sks = new ArrayList<>(names.size());
      for (int i = 0; i < names.size(); i++) {
        TableRecord t = found.get(i).result();
        List<byte[]> p = new ArrayList<>();
        List<byte[]> s = new ArrayList<>();
        for (Map<String, AttributeValue> key : r.requestItems().get(names.get(i)).keys()) {
          ItemKeys k = ItemKeys.of(KeyValidator.key(key, t.keySchema()), t.keySchema());
          p.add(k.pk());
          s.add(k.sk());
        }
        pks.add(p);
        sks.add(s);
      }
      for (int i = 0; i < names.size(); i++) {
        reads.add(items.readMany(found.get(i).result().ref(), pks.get(i), sks.get(i)));
      }
      return Future.all(reads).map(done -> {
        List<List<StoredItem>> results = new ArrayList<>(reads.size());
        for (Future<List<StoredItem>> f : reads) {
          results.add(f.result());
        }
        return answer(r, names, results);
      });
    });
  }

  /** The response: items in request order until the 16 MB budget is spent, the rest unprocessed. */
  private static BatchGetResult answer(BatchGetItem r, List<String> names, List<List<StoredItem>> results) {
    Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
    Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
    List<ConsumedCapacity> capacity = Capacity.wanted(r.returnConsumedCapacity()) ? new ArrayList<>() : null;
    long used = 0;
    boolean full = false;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      KeysAndAttributes ka = r.requestItems().get(name);
      boolean consistent = Boolean.TRUE.equals(ka.consistentRead());
      List<StoredItem> stored = results.get(i);
      List<Map<String, AttributeValue>> out = new ArrayList<>();
      List<Map<String, AttributeValue>> left = new ArrayList<>();
      double units = 0;
      for (int j = 0; j < stored.size(); j++) {
        StoredItem s = stored.get(j);
        if (s == null) {
          units += Capacity.readUnits(0, consistent);
          continue;
        }
        Map<String, AttributeValue> item = ka.projection() == null ? s.item() : Projector.project(ka.projection(), s.item());
        long size = ka.projection() == null ? s.sizeBytes() : ItemSize.itemSize(item);
        if (full || used + size > RESPONSE_LIMIT_BYTES) {
          full = true;
          left.add(ka.keys().get(j));
          continue;
        }
        used += size;
        out.add(item);
        units += Capacity.readUnits(s.sizeBytes(), consistent);
      }
      responses.put(name, out);
      if (!left.isEmpty()) {
        unprocessed.put(name, ka.withKeys(left));
      }
      if (capacity != null) {
        capacity.add(Capacity.total(r.returnConsumedCapacity(), name, units));
      }
    }
    return new BatchGetResult(responses, unprocessed, capacity);
  }
}
