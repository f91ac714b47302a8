package dev.cairn.engine;

import dev.cairn.core.api.DescribeTableRequest;
import dev.cairn.core.api.DescribeTableResponse;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.TableMessages;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * DescribeTable: the table's description with its current status, approximate item count and size. A table
 * deleted longer ago than the control-plane delay is not found. Source: API Reference, "DescribeTable".
 */
public final class DescribeTableHandler implements OperationHandler<DescribeTableRequest> {
  private final TableAdmin admin;

  public DescribeTableHandler(TableAdmin admin) {
    this.admin = admin;
  }

  @Override
  public Future<DescribeTableResponse> handle(Principal principal, DescribeTableRequest r) {
    return admin.findVisible(principal.accountId(), r.tableName()).compose(t -> {
      if (t == null) {
        return Future.failedFuture(TableMessages.tableNotFound(r.tableName()));
      }
      return admin.stats(t).map(s -> new DescribeTableResponse(
          TableDescriptions.describe(t, admin.arns, t.status(Instant.now()), s[0], s[1])));
    });
  }
}
