package dev.cairn.engine;

import dev.cairn.core.api.ItemRequests.PutItem;
import dev.cairn.core.api.ItemRequests.WriteResult;
import dev.cairn.core.error.ConditionalCheckFailedException;
import dev.cairn.core.expr.ConditionEvaluator;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.KeyValidator;
import dev.cairn.storage.ItemStore;
import io.vertx.core.Future;

/**
 * PutItem: creates or replaces an item. Without a condition, an old image or capacity to report it is one
 * upsert statement; otherwise it goes through the compare-and-set template ({@link ItemWrites}). A failed
 * condition is {@code ConditionalCheckFailedException}, with the item when ReturnValuesOnConditionCheckFailure
 * is ALL_OLD. Source: API Reference, "PutItem".
 */
public final class PutItemHandler implements OperationHandler<PutItem> {
  private final TableCatalog tables;
  private final ItemStore items;

  public PutItemHandler(TableCatalog tables, ItemStore items) {
    this.tables = tables;
    this.items = items;
  }

  @Override
  public Future<WriteResult> handle(Principal principal, PutItem r) {
    return tables.withActive(principal.accountId(), r.tableName(), t -> {
      ItemKeys keys = ItemKeys.of(KeyValidator.keyOfItem(r.item(), t.keySchema()), t.keySchema());
      int size = (int) ItemSize.itemSize(r.item());
      boolean allOld = "ALL_OLD".equals(r.returnValues());
      boolean capacity = r.returnConsumedCapacity() != null && !r.returnConsumedCapacity().equals("NONE");
      if (r.condition() == null && !allOld && !capacity) {
        return items.put(t, keys.pk(), keys.sk(), r.item(), size, IndexEntries.of(t.definition(), t.keySchema(), r.item()))
            .map(v -> new WriteResult(null, null, null));
      }
      boolean oldOnFailure = "ALL_OLD".equals(r.returnValuesOnConditionCheckFailure());
      return ItemWrites.readModifyWrite(items, t, keys, old -> {
        if (r.condition() != null && !ConditionEvaluator.evaluate(r.condition(), old == null ? null : old.item())) {
          throw new ConditionalCheckFailedException(oldOnFailure && old != null ? old.item() : null);
        }
        WriteResult result = new WriteResult(allOld && old != null ? old.item() : null,
            Capacity.write(r.returnConsumedCapacity(), r.tableName(), old == null ? 0 : old.sizeBytes(), size), null);
        return ItemWrites.Decision.put(r.item(), size, result);
      });
    });
  }
}
