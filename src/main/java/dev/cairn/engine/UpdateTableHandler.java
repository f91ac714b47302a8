package dev.cairn.engine;

import dev.cairn.core.api.AttributeDefinition;
import dev.cairn.core.api.GlobalSecondaryIndexUpdate;
import dev.cairn.core.api.ProvisionedThroughput;
import dev.cairn.core.api.StreamSpecification;
import dev.cairn.core.api.TableDescription;
import dev.cairn.core.api.UpdateTableRequest;
import dev.cairn.core.api.UpdateTableResponse;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.TableMessages;
import dev.cairn.storage.TableDefinition;
import dev.cairn.storage.TableRecord;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateTable: billing mode and throughput, GSI create/update/delete, stream specification, SSE, table class
 * and deletion protection, checked against the current definition with the service's errors. The answer says
 * UPDATING and the table is ACTIVE again after the control-plane delay, except for a deletion-protection
 * change, which applies at once (ACTIVE). A GSI created here starts CREATING with Backfilling true; writes
 * maintain it at once, and {@link IndexBackfill} fills it from the existing items, then makes it ACTIVE.
 * Source: API Reference, "UpdateTable".
 */
public final class UpdateTableHandler implements OperationHandler<UpdateTableRequest> {
  private final TableAdmin admin;

  public UpdateTableHandler(TableAdmin admin) {
    this.admin = admin;
  }

  @Override
  public Future<UpdateTableResponse> handle(Principal principal, UpdateTableRequest r) {
    return admin.requireVisible(principal.accountId(), r.tableName()).compose(t -> {
      requireUpdatable(t, r);
      Instant now = Instant.now();
      TableDefinition next = apply(t, r, now);
      // Deletion protection (which the validator allows only alone) applies at once: the service answers
      // ACTIVE and the table never enters UPDATING (observed, ack-api-quirks DDB-TABLE-358).
      boolean immediate = r.deletionProtectionEnabled() != null;
      Instant until = immediate ? t.updatingUntil() : admin.delay().isZero() ? null : now.plus(admin.delay());
      return admin.tables.updateDefinition(t, next, until).compose(updated -> {
        admin.catalog.invalidate(principal.accountId(), updated.tableName());
        boolean billingSwitched = !updated.definition().billingMode().equals(t.definition().billingMode());
        return admin.stats(updated).map(s -> {
          TableDescription d = TableDescriptions.describe(updated, admin.arns,
              immediate ? updated.status(Instant.now()) : "UPDATING", s[0], s[1]);
          // The answer to a billing switch names the new mode without the switch time, which later
          // descriptions add (observed, ack-api-quirks DDB-TABLE-060 and DDB-TABLE-183).
          return new UpdateTableResponse(billingSwitched ? TableDescriptions.withoutSwitchTime(d) : d);
        });
      });
    });
  }

  /**
   * The state rules: CREATING and DELETING refuse every change; while UPDATING the service refuses throughput and
   * billing changes, stream changes and the rest each with its own text, but admits deletion protection
   * (ack-api-quirks DDB-TABLE-369).
   */
  private static void requireUpdatable(TableRecord t, UpdateTableRequest r) {
    if (!"UPDATING".equals(t.status(Instant.now()))) {
      TableAdmin.requireActiveStatus(t);
      return;
    }
    if (r.provisionedThroughput() != null || r.billingMode() != null) {
      throw TableMessages.tableIopsBeingUpdated(t.tableName());
    }
    if (r.streamSpecification() != null) {
      throw TableMessages.streamWhileIopsUpdating(t.tableName());
    }
    if (r.deletionProtectionEnabled() == null) {
      throw TableMessages.tableBeingUpdated(t.tableName());
    }
  }

  static TableDefinition apply(TableRecord t, UpdateTableRequest r, Instant now) {
    TableDefinition d = t.definition();
    String billing = d.billingMode();
    ProvisionedThroughput throughput = d.provisionedThroughput();
    Long payPerRequestSince = d.lastUpdateToPayPerRequestMillis();
    if (r.billingMode() != null && !r.billingMode().equals(billing)) {
      billing = r.billingMode();
      if (billing.equals("PAY_PER_REQUEST")) {
        throughput = null;
        payPerRequestSince = now.toEpochMilli();
      } else if (r.provisionedThroughput() == null) {
        throw TableMessages.provisionedThroughputRequiredOnUpdate();
      } else {
        // Back to PROVISIONED: every remaining GSI needs throughput through an Update entry (confirmed text).
        for (TableDefinition.Index i : d.globalSecondaryIndexes() == null ? List.<TableDefinition.Index>of()
            : d.globalSecondaryIndexes()) {
          if (!hasUpdateWithThroughput(r, i.indexName()) && !isDeleted(r, i.indexName())) {
            throw TableMessages.provisionedThroughputMustBeSpecifiedForIndex(i.indexName());
          }
        }
      }
    }
    if (r.provisionedThroughput() != null) {
      if (billing.equals("PAY_PER_REQUEST")) {
        throw TableMessages.neitherCapacityUnitsWhenPayPerRequest();
      }
      ProvisionedThroughput p = r.provisionedThroughput();
      // Also when the request repeats the current billing mode (confirmed, see TableMessages).
      boolean sameBilling = r.billingMode() == null || r.billingMode().equals(d.billingMode());
      if (sameBilling && throughput != null && p.equals(throughput)
          && r.globalSecondaryIndexUpdates() == null && r.streamSpecification() == null) {
        throw TableMessages.tableThroughputWillNotChange(throughput.readCapacityUnits(),
            p.readCapacityUnits(), throughput.writeCapacityUnits(), p.writeCapacityUnits());
      }
      throughput = p;
    }
    Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
    for (AttributeDefinition a : d.attributeDefinitions()) {
      attributes.put(a.attributeName(), a);
    }
    if (r.attributeDefinitions() != null) {
      for (AttributeDefinition a : r.attributeDefinitions()) {
        attributes.put(a.attributeName(), a);
      }
    }
    List<TableDefinition.Index> gsis = new ArrayList<>(d.globalSecondaryIndexes() == null ? List.of()
        : d.globalSecondaryIndexes());
    if (r.globalSecondaryIndexUpdates() != null) {
      int onlineChanges = 0;
      for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
        onlineChanges += u.create() != null || u.delete() != null ? 1 : 0;
      }
      if (onlineChanges > 1) {
        throw TableMessages.onlyOneOnlineIndex();
      }
      // A Create or Delete while another index is still being created (back-filled) or deleted (confirmed text;
      // see TableMessages#onlyOneOnlineIndex). Deleting the index that is back-filling is allowed (API Reference,
      // GlobalSecondaryIndexDescription, Backfilling).
      if (onlineChanges == 1) {
        String deleting = null;
        for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
          deleting = u.delete() != null ? u.delete().indexName() : deleting;
        }
        for (TableDefinition.Index i : gsis) {
          if (i.indexName().equals(deleting)) {
            continue;
          }
          if (i.backfilling() || "CREATING".equals(i.status()) || "DELETING".equals(i.status())) {
            throw TableMessages.onlyOneOnlineIndex();
          }
        }
      }
      long nextId = 1;
      for (TableDefinition.Index i : gsis) {
        nextId = Math.max(nextId, i.indexId() + 1);
      }
      for (TableDefinition.Index i : d.localSecondaryIndexes() == null ? List.<TableDefinition.Index>of()
          : d.localSecondaryIndexes()) {
        nextId = Math.max(nextId, i.indexId() + 1);
      }
      for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
        if (u.create() != null) {
          if (find(gsis, u.create().indexName()) >= 0 || find(d.localSecondaryIndexes(), u.create().indexName()) >= 0) {
            throw TableMessages.indexAlreadyExists();
          }
          List<String> keys = new ArrayList<>();
          u.create().keySchema().forEach(k -> keys.add(k.attributeName()));
          if (!attributes.keySet().containsAll(keys)) {
            throw TableMessages.indexKeysNotDefined(keys, new ArrayList<>(attributes.keySet()));
          }
          // The table's billing mode decides when the request names none (the validator checks the named one).
          boolean onDemand = billing.equals("PAY_PER_REQUEST");
          if (!onDemand && u.create().provisionedThroughput() == null) {
            throw TableMessages.bothCapacityUnitsForIndex(u.create().indexName());
          }
          if (onDemand && u.create().provisionedThroughput() != null) {
            throw TableMessages.neitherCapacityUnitsForIndexWhenPayPerRequest(u.create().indexName());
          }
          if (gsis.size() >= 20) {
            throw TableMessages.gsiLimitOnUpdate();
          }
          gsis.add(new TableDefinition.Index(nextId++, u.create().indexName(), u.create().keySchema(),
              u.create().projection(), billing.equals("PAY_PER_REQUEST") ? null : u.create().provisionedThroughput(),
              u.create().onDemandThroughput(), "CREATING", true));
        } else if (u.update() != null) {
          int at = find(gsis, u.update().indexName());
          if (at < 0 && find(d.localSecondaryIndexes(), u.update().indexName()) >= 0) {
            throw TableMessages.notAGlobalSecondaryIndex("update", u.update().indexName());
          }
          if (at < 0) {
            throw TableMessages.indexNotFound(u.update().indexName(), t.tableName());
          }
          TableDefinition.Index i = gsis.get(at);
          ProvisionedThroughput requested = u.update().provisionedThroughput();
          if (billing.equals("PAY_PER_REQUEST") && u.update().onDemandThroughput() == null
              && u.update().warmThroughput() == null) {
            throw TableMessages.onlyOnDemandUpdatesForIndex(i.indexName());
          }
          if (requested != null && requested.equals(i.provisionedThroughput()) && r.billingMode() == null) {
            throw TableMessages.indexThroughputWillNotChange(i.indexName(),
                i.provisionedThroughput().readCapacityUnits(), requested.readCapacityUnits(),
                i.provisionedThroughput().writeCapacityUnits(), requested.writeCapacityUnits());
          }
          gsis.set(at, new TableDefinition.Index(i.indexId(), i.indexName(), i.keySchema(), i.projection(),
              u.update().provisionedThroughput() != null ? u.update().provisionedThroughput() : i.provisionedThroughput(),
              u.update().onDemandThroughput() != null ? u.update().onDemandThroughput() : i.onDemandThroughput(),
              i.status(), i.backfilling()));
        } else if (u.delete() != null) {
          int at = find(gsis, u.delete().indexName());
          if (at < 0 && find(d.localSecondaryIndexes(), u.delete().indexName()) >= 0) {
            throw TableMessages.notAGlobalSecondaryIndex("delete", u.delete().indexName());
          }
          if (at < 0) {
            throw TableMessages.indexNotFound(u.delete().indexName(), t.tableName());
          }
          gsis.remove(at);
        }
      }
    }
    StreamSpecification stream = d.streamSpecification();
    if (r.streamSpecification() != null) {
      boolean enabledNow = stream != null && Boolean.TRUE.equals(stream.streamEnabled());
      if (Boolean.TRUE.equals(r.streamSpecification().streamEnabled())) {
        if (enabledNow) {
          throw TableMessages.streamAlreadyEnabled(t.tableName());
        }
      } else if (!enabledNow) {
        throw TableMessages.noStreamToDisable(t.tableName());
      }
      stream = r.streamSpecification();
    }
    return new TableDefinition(new ArrayList<>(attributes.values()), d.keySchema(), billing, throughput,
        r.onDemandThroughput() != null ? r.onDemandThroughput() : d.onDemandThroughput(), gsis,
        d.localSecondaryIndexes(), stream, r.sseSpecification() != null ? r.sseSpecification() : d.sseSpecification(),
        r.tableClass() != null ? r.tableClass() : d.tableClass(),
        r.deletionProtectionEnabled() != null ? r.deletionProtectionEnabled() : d.deletionProtectionEnabled(),
        d.tags(), payPerRequestSince, d.timeToLiveAttribute());
  }

  private static boolean hasUpdateWithThroughput(UpdateTableRequest r, String indexName) {
    if (r.globalSecondaryIndexUpdates() != null) {
      for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
        if (u.update() != null && indexName.equals(u.update().indexName())
            && u.update().provisionedThroughput() != null) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isDeleted(UpdateTableRequest r, String indexName) {
    if (r.globalSecondaryIndexUpdates() != null) {
      for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
        if (u.delete() != null && indexName.equals(u.delete().indexName())) {
          return true;
        }
      }
    }
    return false;
  }

  private static int find(List<TableDefinition.Index> indexes, String name) {
    if (indexes == null) {
      return -1;
    }
    for (int i = 0; i < indexes.size(); i++) {
      if (indexes.get(i).indexName().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
