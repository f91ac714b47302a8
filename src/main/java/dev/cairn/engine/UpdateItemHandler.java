package dev.cairn.engine;

import dev.cairn.core.api.ItemRequests.UpdateItem;
import dev.cairn.core.api.ItemRequests.WriteResult;
import dev.cairn.core.error.ConditionalCheckFailedException;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.expr.ConditionEvaluator;
import dev.cairn.core.expr.KeyAttributes;
import dev.cairn.core.expr.KeyChecks;
import dev.cairn.core.expr.UpdateApplier;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.KeySchema;
import dev.cairn.core.model.Principal;
import dev.cairn.core.model.ValueValidation;
import dev.cairn.core.validate.KeyValidator;
import dev.cairn.storage.ItemStore;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UpdateItem: edits an item's attributes, creating the item (from its key) when absent; always a
 * read-modify-write through the compare-and-set template. An update that only removes (REMOVE, DELETE) leaves an
 * absent item absent. ReturnValues ALL_OLD, ALL_NEW, UPDATED_OLD (only the
 * updated leaves as they were) and UPDATED_NEW. Key attributes cannot be updated. Source: API Reference,
 * "UpdateItem"; Developer Guide, "Update expressions".
 */
public final class UpdateItemHandler implements OperationHandler<UpdateItem> {
  static final String ITEM_TOO_LARGE = "Item size to update has exceeded the maximum allowed size";

  private final TableCatalog tables;
  private final ItemStore items;

  public UpdateItemHandler(TableCatalog tables, ItemStore items) {
    this.tables = tables;
    this.items = items;
  }

  @Override
  public Future<WriteResult> handle(Principal principal, UpdateItem r) {
    return tables.withActive(principal.accountId(), r.tableName(), t -> {
      KeySchema schema = t.keySchema();
      ItemKeys keys = ItemKeys.of(KeyValidator.key(r.key(), schema), schema);
      if (r.update() != null) {
        KeyChecks.checkUpdateLeavesKeys(r.update(), new KeyAttributes(schema.partitionKey(), schema.sortKey()));
      }
      boolean oldOnFailure = "ALL_OLD".equals(r.returnValuesOnConditionCheckFailure());
      String rv = r.returnValues() == null ? "NONE" : r.returnValues();
      return ItemWrites.readModifyWrite(items, t, keys, old -> {
        Map<String, AttributeValue> oldItem = old == null ? null : old.item();
        if (r.condition() != null && !ConditionEvaluator.evaluate(r.condition(), oldItem)) {
          throw new ConditionalCheckFailedException(oldOnFailure ? oldItem : null);
        }
        if (oldItem == null && r.update() != null && r.update().onlyRemoves()) {
          // Nothing to take away from an absent item, and such an update does not create it.
          return ItemWrites.Decision.none(new WriteResult(null,
              Capacity.write(r.returnConsumedCapacity(), r.tableName(), 0, 0), null));
        }
        Map<String, AttributeValue> newItem;
        Map<String, AttributeValue> updatedOld = Map.of();
        Map<String, AttributeValue> updatedNew = Map.of();
        if (r.update() == null) {
          newItem = oldItem != null ? oldItem : new LinkedHashMap<>(keys.key());
        } else {
          UpdateApplier.Result applied = UpdateApplier.apply(r.update(), oldItem, keys.key());
          newItem = applied.newItem();
          updatedOld = applied.updatedOld();
          updatedNew = applied.updatedNew();
        }
        long size = ItemSize.itemSize(newItem);
        if (size > ItemSize.MAX_ITEM_SIZE) {
          throw DynamoException.validation(ITEM_TOO_LARGE);
        }
        ValueValidation.checkNesting(newItem);
        Map<String, AttributeValue> attributes = switch (rv) {
          case "ALL_OLD" -> oldItem;
          case "ALL_NEW" -> newItem;
          case "UPDATED_OLD" -> updatedOld;
          case "UPDATED_NEW" -> updatedNew;
          default -> null;
        };
        if (attributes != null && attributes.isEmpty()) {
          attributes = null;
        }
        WriteResult result = new WriteResult(attributes, Capacity.write(r.returnConsumedCapacity(), r.tableName(),
            old == null ? 0 : old.sizeBytes(), size), null);
        boolean unchanged = old != null && newItem.equals(oldItem);
        return unchanged ? ItemWrites.Decision.none(result) : ItemWrites.Decision.put(newItem, (int) size, result);
      });
    });
  }
}
