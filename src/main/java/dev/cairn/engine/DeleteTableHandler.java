package dev.cairn.engine;

import dev.cairn.core.api.DeleteTableRequest;
import dev.cairn.core.api.DeleteTableResponse;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.TableMessages;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.TableDefinition;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * DeleteTable: drops the table's relation and marks it deleted in one transaction; the answer says DELETING
 * and the table disappears after the control-plane delay. Refused while CREATING or UPDATING, while a GSI is
 * not ACTIVE (being back-filled), and when deletion protection is on. Source: API Reference, "DeleteTable".
 */
public final class DeleteTableHandler implements OperationHandler<DeleteTableRequest> {
  private final TableAdmin admin;

  public DeleteTableHandler(TableAdmin admin) {
    this.admin = admin;
  }

  @Override
  public Future<DeleteTableResponse> handle(Principal principal, DeleteTableRequest r) {
    return admin.requireVisible(principal.accountId(), r.tableName()).compose(t -> {
      if ("UPDATING".equals(t.status(Instant.now()))) {
        return Future.failedFuture(TableMessages.deleteWhileUpdating(t.tableName()));
      }
      TableAdmin.requireActiveStatus(t);
      // An index being created (back-filled), updated or deleted blocks the deletion even with the table ACTIVE
      // (confirmed text; its order relative to the deletion-protection check is inferred).
      for (TableDefinition.Index i : t.definition().globalSecondaryIndexes() == null
          ? List.<TableDefinition.Index>of() : t.definition().globalSecondaryIndexes()) {
        if (i.backfilling() || (i.status() != null && !"ACTIVE".equals(i.status()))) {
          return Future.failedFuture(TableMessages.deleteWhileIndexesChanging());
        }
      }
      if (t.definition().deletionProtectionEnabled()) {
        return Future.failedFuture(TableMessages.deletionProtected());
      }
      return admin.stats(t).compose(s -> admin.tables.deleteTable(t)
          .recover(e -> e instanceof StorageException se && se.kind() == StorageException.Kind.NOT_FOUND
              ? Future.failedFuture(TableMessages.tableNotFound(r.tableName())) : Future.failedFuture(e))
          .map(deleted -> {
            admin.catalog.invalidate(principal.accountId(), deleted.tableName());
            return new DeleteTableResponse(TableDescriptions.describe(deleted, admin.arns, "DELETING", s[0], s[1]));
          }));
    });
  }
}
