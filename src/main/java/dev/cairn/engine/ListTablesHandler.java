package dev.cairn.engine;

import dev.cairn.core.api.ListTablesRequest;
import dev.cairn.core.api.ListTablesResponse;
import dev.cairn.core.model.Principal;
import dev.cairn.storage.CatalogStore;
import io.vertx.core.Future;
import java.util.List;

/**
 * ListTables: the caller's account's table names in ascending order, at most {@code Limit} (default 100), with
 * {@code LastEvaluatedTableName} when the page is full and more names follow. Source: DynamoDB API
 * Reference, "ListTables".
 */
public final class ListTablesHandler implements OperationHandler<ListTablesRequest> {
  static final int DEFAULT_LIMIT = 100;

  private final CatalogStore catalog;

  public ListTablesHandler(CatalogStore catalog) {
    this.catalog = catalog;
  }

  @Override
  public Future<ListTablesResponse> handle(Principal principal, ListTablesRequest request) {
    int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
    // One name more than the page tells whether another page follows, so a full last page has no marker.
    return catalog.listTableNames(principal.accountId(), request.exclusiveStartTableName(), limit + 1)
        .map(names -> {
          if (names.size() <= limit) {
            return new ListTablesResponse(names, null);
          }
          List<String> page = names.subList(0, limit);
          return new ListTablesResponse(List.copyOf(page), page.get(limit - 1));
        });
  }
}
