package dev.cairn.engine;

import dev.cairn.core.api.BatchRequests.BatchWriteItem;
import dev.cairn.core.api.BatchRequests.BatchWriteResult;
import dev.cairn.core.api.BatchRequests.WriteRequest;
import dev.cairn.core.api.ItemRequests.ConsumedCapacity;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.Bytes;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.KeySchema;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.BatchGetItemValidator;
import dev.cairn.core.validate.BatchWriteItemValidator;
import dev.cairn.core.validate.KeyValidator;
import dev.cairn.storage.IndexEntry;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.ItemWrite;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.TableRecord;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes over several tables. The whole request is checked before anything is
 * written: every table exists (ResourceNotFoundException), every key matches its schema, every put's index keys
 * have their defined types, no key appears twice in one table ("Provided list of item keys contains duplicates").
 * Then every write is issued at once on the pipelined client, each through the single-item write paths (the same
 * statements as PutItem and DeleteItem: item and index rows together, guarded by the table's definition version);
 * a table whose definition changed meanwhile is planned again and its writes repeated ({@link
 * TableCatalog#withActive}). The batch is not atomic, as in DynamoDB: a write that meets a transient storage
 * failure (contention, unavailability) is returned in UnprocessedItems while the others stand. Capacity, when
 * asked for, is one entry per table: per write, the larger of the old and new item in 1 KB units (which needs the
 * old item, so writes then go through the read-and-compare-and-set or {@code DELETE ... RETURNING} paths as
 * PutItem and DeleteItem do). ItemCollectionMetrics are not reported, as for the single-item writes. Sources: API
 * Reference, "BatchWriteItem"; Developer Guide, "Write consumption for BatchWriteItem".
 */
public final class BatchWriteItemHandler implements OperationHandler<BatchWriteItem> {
  private final TableCatalog tables;
  private final ItemStore items;

  public BatchWriteItemHandler(TableCatalog tables, ItemStore items) {
    this.tables = tables;
    this.items = items;
  }

  /** One checked write: its key, and for a put the item, its size and its index entries. */
  private record Op(WriteRequest request, ItemKeys keys, Map<String, AttributeValue> item, int size,
      List<IndexEntry> entries) {
  }

  /** A table's writes as checked against one definition version. */
  private record Plan(long definitionVersion, List<Op> ops) {
  }

  /** What became of one write: its capacity units, or unprocessed. */
  private record Outcome(WriteRequest request, double units, boolean processed) {
  }

  private record KeyBytes(Bytes pk, Bytes sk) {
  }

  @Override
  public Future<BatchWriteResult> handle(Principal principal, BatchWriteItem r) {
    String account = principal.accountId();
    List<String> names = new ArrayList<>(r.requestItems().keySet());
    List<Future<TableRecord>> found = new ArrayList<>(names.size());
    for (String name : names) {
      found.add(tables.requireActive(account, name));
    }
    boolean capacity = Capacity.wanted(r.returnConsumedCapacity());
    return Future.all(found).compose(all -> {
      List<Plan> plans = new ArrayList<>(names.size());
      for (int i = 0; i < names.size(); i++) {
        plans.add(plan(found.get(i).result(), r.requestItems().get(names.get(i))));
      }
      List<Future<List<Outcome>>> done = new ArrayList<>(names.size());
      for (int i = 0; i < names.size(); i++) {
        Plan planned = plans.get(i);
        List<WriteRequest> writes = r.requestItems().get(names.get(i));
        done.add(tables.withActive(account, names.get(i), t -> execute(t,
            t.definitionVersion() == planned.definitionVersion() ? planned : plan(t, writes), capacity)));
      }
      return Future.join(done).map(ok -> {
        Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
        List<ConsumedCapacity> consumed = capacity ? new ArrayList<>() : null;
        for (int i = 0; i < names.size(); i++) {
          double units = 0;
          for (Outcome o : done.get(i).result()) {
            if (o.processed()) {
              units += o.units();
            } else {
              unprocessed.computeIfAbsent(names.get(i), k -> new ArrayList<>()).add(o.request());
            }
          }
          if (consumed != null) {
            consumed.add(Capacity.total(r.returnConsumedCapacity(), names.get(i), units));
          }
        }
        return new BatchWriteResult(unprocessed, consumed, null);
      });
    });
  }

  /**
   * Checks one table's writes against its definition, in request order: the key (and a put's index keys), then
   * that the key has not come before.
   *
   * @throws DynamoException ValidationException
   */
  private static Plan plan(TableRecord t, List<WriteRequest> writes) {
    KeySchema schema = t.keySchema();
    Set<KeyBytes> seen = new HashSet<>();
    List<Op> ops = new ArrayList<>(writes.size());
    for (WriteRequest w : writes) {
      Op op;
      if (w.put() != null) {
        Map<String, AttributeValue> item = w.put().item();
        ItemKeys keys = ItemKeys.of(BatchWriteItemValidator.keyOfPut(item, schema), schema);
        op = new Op(w, keys, item, (int) ItemSize.itemSize(item), IndexEntries.of(t.definition(), schema, item));
      } else {
        op = new Op(w, ItemKeys.of(KeyValidator.key(w.delete().key(), schema), schema), null, 0, List.of());
      }
      if (!seen.add(new KeyBytes(Bytes.wrap(op.keys().pk()), Bytes.wrap(op.keys().sk())))) {
        throw DynamoException.validation(BatchGetItemValidator.DUPLICATE_KEYS);
      }
      ops.add(op);
    }
    return new Plan(t.definitionVersion(), ops);
  }

  /**
   * Issues a table's writes together and waits for all of them. A stale definition fails the whole table (so
   * {@link TableCatalog#withActive} plans it again); transient failures leave their write unprocessed.
   */
  private Future<List<Outcome>> execute(TableRecord t, Plan plan, boolean capacity) {
    if (!capacity) {
      return executeTogether(t, plan);
    }
    List<Future<Outcome>> writes = new ArrayList<>(plan.ops().size());
    for (Op op : plan.ops()) {
      writes.add(write(t, op, capacity).map(units -> new Outcome(op.request(), units, true)).recover(e ->
          transientFailure(e) ? Future.succeededFuture(new Outcome(op.request(), 0, false)) : Future.failedFuture(e)));
    }
    return Future.join(writes).map(all -> {
      List<Outcome> out = new ArrayList<>(writes.size());
      for (Future<Outcome> f : writes) {
        out.add(f.result());
      }
      return out;
    });
  }

  /**
   * Without capacity to report nothing needs the old items: the table's writes go out as one batch per statement
   * kind ({@link ItemStore#writeAll}: one commit instead of one per item). A transient failure leaves them all
   * unprocessed.
   */
  private Future<List<Outcome>> executeTogether(TableRecord t, Plan plan) {
    List<ItemWrite> writes = new ArrayList<>(plan.ops().size());
    for (Op op : plan.ops()) {
      writes.add(new ItemWrite(op.keys().pk(), op.keys().sk(), op.item(), op.size(), op.entries()));
    }
    return items.writeAll(t, writes).transform(ar -> {
      if (ar.failed() && !transientFailure(ar.cause())) {
        return Future.failedFuture(ar.cause());
      }
      List<Outcome> out = new ArrayList<>(plan.ops().size());
      for (Op op : plan.ops()) {
        out.add(new Outcome(op.request(), 0, ar.succeeded()));
      }
      return Future.succeededFuture(out);
    });
  }

  /**
   * Whether a failed write is worth retrying later: contention (a compare-and-set that kept losing, a
   * serialization conflict) or PostgreSQL unavailable. Such writes go to UnprocessedItems.
   */
  private static boolean transientFailure(Throwable e) {
    if (e instanceof StorageException se) {
      return se.kind() == StorageException.Kind.CONFLICT || se.kind() == StorageException.Kind.UNAVAILABLE;
    }
    return e instanceof DynamoException de && de.code() == ErrorCode.TRANSACTION_CONFLICT;
  }

  /** One write through the single-item paths; its write units when capacity is asked for, else 0. */
  private Future<Double> write(TableRecord t, Op op, boolean capacity) {
    ItemKeys k = op.keys();
    if (op.request().put() != null) {
      if (!capacity) {
        return items.put(t, k.pk(), k.sk(), op.item(), op.size(), op.entries()).map(v -> 0.0);
      }
      return ItemWrites.readModifyWrite(items, t, k, old -> ItemWrites.Decision.put(op.item(), op.size(),
          Capacity.writeUnits(old == null ? 0 : old.sizeBytes(), op.size())));
    }
    if (!capacity) {
      return items.delete(t, k.pk(), k.sk()).map(v -> 0.0);
    }
    return items.deleteReturning(t, k.pk(), k.sk())
        .map(old -> Capacity.writeUnits(old == null ? 0 : old.sizeBytes(), 0));
  }
}
