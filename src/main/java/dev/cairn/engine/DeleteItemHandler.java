package dev.cairn.engine;

import dev.cairn.core.api.ItemRequests.DeleteItem;
import dev.cairn.core.api.ItemRequests.WriteResult;
import dev.cairn.core.error.ConditionalCheckFailedException;
import dev.cairn.core.expr.ConditionEvaluator;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.KeyValidator;
import dev.cairn.storage.ItemStore;
import io.vertx.core.Future;

/**
 * DeleteItem: deletes an item by key; deleting an absent item succeeds. Unconditional deletes are one
 * statement ({@code DELETE ... RETURNING} when the old item is asked for); conditional ones use the
 * compare-and-set template. Source: API Reference, "DeleteItem".
 */
public final class DeleteItemHandler implements OperationHandler<DeleteItem> {
  private final TableCatalog tables;
  private final ItemStore items;

  public DeleteItemHandler(TableCatalog tables, ItemStore items) {
    this.tables = tables;
    this.items = items;
  }

  @Override
  public Future<WriteResult> handle(Principal principal, DeleteItem r) {
    return tables.withActive(principal.accountId(), r.tableName(), t -> {
      ItemKeys keys = ItemKeys.of(KeyValidator.key(r.key(), t.keySchema()), t.keySchema());
      boolean allOld = "ALL_OLD".equals(r.returnValues());
      boolean capacity = r.returnConsumedCapacity() != null && !r.returnConsumedCapacity().equals("NONE");
      if (r.condition() == null) {
        if (!allOld && !capacity) {
          return items.delete(t, keys.pk(), keys.sk()).map(v -> new WriteResult(null, null, null));
        }
        return items.deleteReturning(t, keys.pk(), keys.sk()).map(old -> new WriteResult(
            allOld && old != null ? old.item() : null,
            Capacity.write(r.returnConsumedCapacity(), r.tableName(), old == null ? 0 : old.sizeBytes(), 0), null));
      }
      boolean oldOnFailure = "ALL_OLD".equals(r.returnValuesOnConditionCheckFailure());
      return ItemWrites.readModifyWrite(items, t, keys, old -> {
        if (!ConditionEvaluator.evaluate(r.condition(), old == null ? null : old.item())) {
          throw new ConditionalCheckFailedException(oldOnFailure && old != null ? old.item() : null);
        }
        WriteResult result = new WriteResult(allOld && old != null ? old.item() : null,
            Capacity.write(r.returnConsumedCapacity(), r.tableName(), old == null ? 0 : old.sizeBytes(), 0), null);
        return old == null ? ItemWrites.Decision.none(result) : ItemWrites.Decision.delete(result);
      });
    });
  }
}
