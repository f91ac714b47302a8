package dev.cairn.engine;

import dev.cairn.core.api.DeleteTableRequest;
import dev.cairn.core.api.DeleteTableResponse;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.TableMessages;
import dev.cairn.storage.StorageException;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * DeleteTable: drops the table's relation and marks it deleted in one transaction; the answer says DELETING
 * and the table disappears after the control-plane delay. Refused while CREATING or UPDATING, and when
 * deletion protection is on. Source: API Reference, "DeleteTable".
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
