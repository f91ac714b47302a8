package dev.cairn.engine;

import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.api.ItemRequests.ConsumedCapacity;
import dev.cairn.core.api.TransactRequests.TransactGetItems;
import dev.cairn.core.api.TransactRequests.TransactGetResult;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.error.TransactionCanceledException;
import dev.cairn.core.error.TransactionCanceledException.Reason;
import dev.cairn.core.expr.Projector;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.KeySchema;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.KeyValidator;
import dev.cairn.storage.StoredItem;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TransactionStore;
import dev.cairn.storage.TransactionStore.TxItem;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TransactGetItems: up to 100 Gets over several tables of the account, all read from one snapshot (one statement,
 * {@link TransactionStore#readAll}), so the items are as one point in time between transactions saw them. Every
 * table must exist (ResourceNotFoundException); a key that does not match its table's schema cancels the request
 * with a {@code ValidationError} reason for that Get (an empty key string or binary is a top-level
 * ValidationException), and two Gets of one item are refused ("Transaction request cannot include multiple
 * operations on one item"), as the service does (conformance suite tests/tier3/error-messages/transactGetItems.test.ts).
 * Responses are in request order, an empty entry for an absent item; ProjectionExpression applies per Get.
 * Consumed capacity: per table, 2 read units per 4 KB of each item read, at least 2 per item (Developer Guide,
 * "Capacity management for transactions").
 */
public final class TransactGetItemsHandler implements OperationHandler<TransactGetItems> {
  private final TableCatalog tables;
  private final TransactionStore store;

  public TransactGetItemsHandler(TableCatalog tables, TransactionStore store) {
    this.tables = tables;
    this.store = store;
  }

  @Override
  public Future<TransactGetResult> handle(Principal principal, TransactGetItems r) {
    List<ItemRequests.GetItem> gets = r.gets();
    return TransactWriteItemsHandler.resolve(tables, principal.accountId(),
        gets.stream().map(ItemRequests.GetItem::tableName).toList()).compose(byName -> {
          List<TxItem> items = new ArrayList<>(gets.size());
          List<Reason> reasons = new ArrayList<>(gets.size());
          boolean invalid = false;
          for (ItemRequests.GetItem g : gets) {
            TableRecord t = byName.get(g.tableName());
            KeySchema schema = t.keySchema();
            try {
              ItemKeys keys = ItemKeys.of(KeyValidator.key(g.key(), schema), schema);
              items.add(new TxItem(t, keys.pk(), keys.sk()));
              reasons.add(Reason.NONE_REASON);
            } catch (DynamoException e) {
              if (e.code() != ErrorCode.VALIDATION || e.getMessage().contains("cannot contain an empty")) {
                throw e;
              }
              reasons.add(new Reason(TransactionCanceledException.VALIDATION_ERROR, e.getMessage(), null));
              invalid = true;
            }
          }
          if (invalid) {
            throw new TransactionCanceledException(reasons);
          }
          java.util.Set<String> seen = new java.util.HashSet<>();
          java.util.HexFormat hex = java.util.HexFormat.of();
          for (TxItem i : items) {
            if (!seen.add(i.table().tableId() + "/" + hex.formatHex(i.pk()) + "/" + hex.formatHex(i.sk()))) {
              throw DynamoException.validation(TransactWriteItemsHandler.DUPLICATE_ITEM);
            }
          }
          return store.readAll(items).map(found -> result(r, found));
        });
  }

  private static TransactGetResult result(TransactGetItems r, List<StoredItem> found) {
    List<Map<String, AttributeValue>> out = new ArrayList<>(found.size());
    Map<String, Double> units = new LinkedHashMap<>();
    for (int i = 0; i < found.size(); i++) {
      StoredItem s = found.get(i);
      ItemRequests.GetItem g = r.gets().get(i);
      out.add(s == null ? null : g.projection() == null ? s.item() : Projector.project(g.projection(), s.item()));
      units.merge(g.tableName(), ItemSize.readUnits(s == null ? 0 : s.sizeBytes(),
          ItemSize.ReadConsistency.TRANSACTIONAL), Double::sum);
    }
    String mode = r.returnConsumedCapacity();
    if (mode == null || mode.equals("NONE")) {
      return new TransactGetResult(out, null);
    }
    boolean indexes = mode.equals("INDEXES");
    List<ConsumedCapacity> capacity = new ArrayList<>();
    units.forEach((table, u) -> capacity.add(new ConsumedCapacity(table, u, u, null, indexes ? u : null,
        indexes ? Map.of() : null)));
    return new TransactGetResult(out, capacity);
  }
}
