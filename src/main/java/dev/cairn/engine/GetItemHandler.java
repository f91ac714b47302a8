package dev.cairn.engine;

import dev.cairn.core.api.ItemRequests.GetItem;
import dev.cairn.core.api.ItemRequests.GetResult;
import dev.cairn.core.expr.Projector;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.KeyValidator;
import dev.cairn.storage.ItemStore;
import io.vertx.core.Future;

/**
 * GetItem: one statement by primary key. Every read is strongly consistent in Cairn (a superset of the
 * service's eventual consistency); ConsistentRead only changes the capacity reported. The projection is
 * applied to the stored item. Source: API Reference, "GetItem".
 */
public final class GetItemHandler implements OperationHandler<GetItem> {
  private final TableCatalog tables;
  private final ItemStore items;

  public GetItemHandler(TableCatalog tables, ItemStore items) {
    this.tables = tables;
    this.items = items;
  }

  @Override
  public Future<GetResult> handle(Principal principal, GetItem r) {
    return tables.withActive(principal.accountId(), r.tableName(), t -> {
      ItemKeys keys = ItemKeys.of(KeyValidator.key(r.key(), t.keySchema()), t.keySchema());
      return items.read(t.ref(), keys.pk(), keys.sk()).map(stored -> {
        var item = stored == null ? null
            : r.projection() == null ? stored.item() : Projector.project(r.projection(), stored.item());
        return new GetResult(item, Capacity.read(r.returnConsumedCapacity(), r.tableName(),
            stored == null ? 0 : stored.sizeBytes(), Boolean.TRUE.equals(r.consistentRead())));
      });
    });
  }
}
