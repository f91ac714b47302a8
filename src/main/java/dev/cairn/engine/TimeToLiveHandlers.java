package dev.cairn.engine;

import dev.cairn.core.api.DescribeTimeToLiveRequest;
import dev.cairn.core.api.DescribeTimeToLiveResponse;
import dev.cairn.core.api.TimeToLiveDescription;
import dev.cairn.core.api.UpdateTimeToLiveRequest;
import dev.cairn.core.api.UpdateTimeToLiveResponse;
import dev.cairn.core.validate.TableMessages;
import dev.cairn.storage.TableDefinition;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * DescribeTimeToLive and UpdateTimeToLive: the TTL attribute is kept in the table definition; enabling
 * twice, disabling twice, or enabling another attribute while one is active are the service's errors. Enabling
 * queues the computation of expiry times for the items already there; {@link TimeToLiveSweeper} deletes expired
 * items. Source: API Reference,
 * "UpdateTimeToLive", "DescribeTimeToLive".
 */
public final class TimeToLiveHandlers {
  private final TableAdmin admin;

  public TimeToLiveHandlers(TableAdmin admin) {
    this.admin = admin;
  }

  /** DescribeTimeToLive. */
  public OperationHandler<DescribeTimeToLiveRequest> describe() {
    return (p, r) -> admin.requireVisible(p.accountId(), r.tableName()).map(t -> {
      String status = t.status(Instant.now());
      if (status.equals("CREATING") || status.equals("DELETING")) {
        throw TableMessages.cannotDescribeTtl(status);
      }
      String attribute = t.definition().timeToLiveAttribute();
      return new DescribeTimeToLiveResponse(attribute == null ? new TimeToLiveDescription("DISABLED", null)
          : new TimeToLiveDescription("ENABLED", attribute));
    });
  }

  /** UpdateTimeToLive. */
  public OperationHandler<UpdateTimeToLiveRequest> update() {
    return (p, r) -> admin.requireVisible(p.accountId(), r.tableName()).compose(t -> {
      TableAdmin.requireActiveStatus(t);
      TableDefinition d = t.definition();
      String current = d.timeToLiveAttribute();
      boolean enable = Boolean.TRUE.equals(r.timeToLiveSpecification().enabled());
      String attribute = r.timeToLiveSpecification().attributeName();
      if (enable && current != null) {
        return Future.failedFuture(current.equals(attribute) ? TableMessages.ttlAlreadyEnabled()
            : TableMessages.ttlActiveOnDifferentAttribute(current));
      }
      if (!enable && current == null) {
        return Future.failedFuture(TableMessages.ttlAlreadyDisabled());
      }
      TableDefinition next = d.withTimeToLiveAttribute(enable ? attribute : null);
      return admin.tables.updateDefinition(t, next, t.updatingUntil()).map(u -> {
        admin.catalog.invalidate(p.accountId(), t.tableName());
        return new UpdateTimeToLiveResponse(r.timeToLiveSpecification());
      });
    });
  }
}
