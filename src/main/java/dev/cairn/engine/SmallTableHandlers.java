package dev.cairn.engine;

import dev.cairn.core.api.DescribeContinuousBackupsRequest;
import dev.cairn.core.api.DescribeContinuousBackupsResponse;
import dev.cairn.core.api.DescribeLimitsResponse;
import dev.cairn.core.api.EmptyRequest;
import dev.cairn.core.validate.TableMessages;
import io.vertx.core.Future;

/**
 * DescribeLimits (the service's default quotas) and DescribeContinuousBackups (point-in-time recovery is not
 * offered: backups are PostgreSQL's). Source: API Reference, "DescribeLimits", "DescribeContinuousBackups".
 */
public final class SmallTableHandlers {
  private final TableAdmin admin;

  public SmallTableHandlers(TableAdmin admin) {
    this.admin = admin;
  }

  /** DescribeLimits. */
  public OperationHandler<EmptyRequest> describeLimits() {
    return (p, r) -> Future.succeededFuture(DescribeLimitsResponse.DEFAULTS);
  }

  /** DescribeContinuousBackups: DISABLED, for a table that exists. */
  public OperationHandler<DescribeContinuousBackupsRequest> describeContinuousBackups() {
    return (p, r) -> admin.findVisible(p.accountId(), r.tableName()).compose(t -> t == null || t.deletedAt() != null
        ? Future.failedFuture(TableMessages.continuousBackupsTableNotFound(r.tableName()))
        : Future.succeededFuture(new DescribeContinuousBackupsResponse(
            new DescribeContinuousBackupsResponse.ContinuousBackupsDescription("ENABLED",
                new DescribeContinuousBackupsResponse.PointInTimeRecoveryDescription("DISABLED", null, null, null)))));
  }
}
