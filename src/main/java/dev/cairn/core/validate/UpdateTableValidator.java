package dev.cairn.core.validate;

import static dev.cairn.core.validate.TableConstraints.element;

import dev.cairn.core.api.GlobalSecondaryIndexUpdate;
import dev.cairn.core.api.UpdateTableRequest;
import dev.cairn.core.error.DynamoException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * UpdateTable request validation, pure, in the service's order as far as it is known:
 * <ol>
 *   <li>model constraints, all reported together (attributeDefinitions, tableName, provisionedThroughput,
 *   globalSecondaryIndexUpdates, billingMode, streamSpecification, sSESpecification);</li>
 *   <li>"At least one of ... is required" when nothing would change (AttributeDefinitions alone and an empty
 *   GlobalSecondaryIndexUpdates count as nothing, lab DDB-TABLE-015/359);</li>
 *   <li>an empty GlobalSecondaryIndexUpdates alongside a real change; each entry holds exactly one action;
 *   one action per index;</li>
 *   <li>members that must travel alone (SSE, TableClass, DeletionProtection) and forbidden combinations
 *   (index create/delete with throughput or stream changes, throughput with stream, create with warm
 *   throughput, OnDemandThroughput with anything but BillingMode);</li>
 *   <li>billing mode against the requested throughput (table and index actions) and on-demand limits (at
 *   least 1, or -1 to remove a limit);</li>
 *   <li>stream enable/disable shape; index Create shape (AttributeDefinitions present, key schema, projection);
 *   SSE; table class.</li>
 * </ol>
 * Steps 2-3 are confirmed in that order; the order from step 4 on is Cairn's. Everything that needs the
 * stored table (unknown index, unchanged throughput, stream already enabled, billing mode of the table when
 * the request has none, index limits, the LimitExceeded "Only 1 online index" rule) is the engine's, with
 * texts in {@link TableMessages}. Source: DynamoDB API Reference, "UpdateTable".
 */
public final class UpdateTableValidator {
  private UpdateTableValidator() {
  }

  /**
   * Validates a decoded UpdateTable request.
   *
   * @throws DynamoException {@code ValidationException} with the service's text for the first failing step
   */
  public static void validate(UpdateTableRequest r) {
    constraints(r).throwIfAny();
    List<GlobalSecondaryIndexUpdate> updates = r.globalSecondaryIndexUpdates();
    boolean hasIndexUpdates = updates != null && !updates.isEmpty();
    boolean otherChange = r.billingMode() != null || r.provisionedThroughput() != null
        || r.streamSpecification() != null || r.sseSpecification() != null || r.tableClass() != null
        || r.deletionProtectionEnabled() != null || r.onDemandThroughput() != null || r.warmThroughput() != null;
    if (!hasIndexUpdates && !otherChange) {
      throw TableMessages.updateTableNothingToDo();
    }
    if (updates != null && updates.isEmpty()) {
      throw TableMessages.invalid("List of GlobalSecondaryIndexUpdates is empty");
    }
    indexActions(updates);
    combinations(r);
    billing(r);
    TableRules.stream(r.streamSpecification());
    indexCreates(r);
    TableRules.sse(r.sseSpecification());
    TableRules.tableClass(r.tableClass());
  }

  static ValidationErrors constraints(UpdateTableRequest r) {
    ValidationErrors e = new ValidationErrors();
    TableConstraints.attributeDefinitions(e, r.attributeDefinitions(), "attributeDefinitions", false);
    TableConstraints.tableNameOrArn(e, r.tableName(), "tableName");
    TableConstraints.throughput(e, r.provisionedThroughput(), "provisionedThroughput");
    List<GlobalSecondaryIndexUpdate> updates = r.globalSecondaryIndexUpdates();
    if (updates != null) {
      for (int i = 0; i < updates.size(); i++) {
        String p = element("globalSecondaryIndexUpdates", i);
        GlobalSecondaryIndexUpdate u = updates.get(i);
        if (u == null) {
          e.add(null, p, TableConstraints.NOT_NULL);
          continue;
        }
        if (u.create() != null) {
          String c = p + ".create";
          TableConstraints.indexName(e, u.create().indexName(), c + ".indexName");
          TableConstraints.keySchema(e, u.create().keySchema(), c + ".keySchema", 0);
          TableConstraints.projection(e, u.create().projection(), c + ".projection");
          TableConstraints.throughput(e, u.create().provisionedThroughput(), c + ".provisionedThroughput");
        }
        if (u.update() != null) {
          String c = p + ".update";
          TableConstraints.indexName(e, u.update().indexName(), c + ".indexName");
          TableConstraints.throughput(e, u.update().provisionedThroughput(), c + ".provisionedThroughput");
        }
        if (u.delete() != null) {
          TableConstraints.indexName(e, u.delete().indexName(), p + ".delete.indexName");
        }
      }
    }
    TableConstraints.enumValue(e, r.billingMode(), "billingMode", TableConstraints.BILLING_MODES);
    TableConstraints.stream(e, r.streamSpecification(), "streamSpecification");
    TableConstraints.sse(e, r.sseSpecification(), "sSESpecification");
    return e;
  }

  private static void indexActions(List<GlobalSecondaryIndexUpdate> updates) {
    if (updates == null) {
      return;
    }
    Set<String> touched = new HashSet<>();
    for (GlobalSecondaryIndexUpdate u : updates) {
      int actions = (u.create() != null ? 1 : 0) + (u.update() != null ? 1 : 0) + (u.delete() != null ? 1 : 0);
      if (actions == 0) {
        throw TableMessages.invalid("One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
            + "GlobalSecondaryIndexUpdate.Delete must not be null");
      }
      if (actions > 1) {
        throw TableMessages.invalid(
            "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
      }
      if (!touched.add(u.indexName())) {
        throw TableMessages.invalid(
            "Only one global secondary index update per index is allowed simultaneously. Index: " + u.indexName());
      }
    }
  }

  /** Members that must be alone, and pairs the service refuses in one call (lab DDB-TABLE-174, 433). */
  private static void combinations(UpdateTableRequest r) {
    boolean creates = false;
    boolean createsOrDeletes = false;
    if (r.globalSecondaryIndexUpdates() != null) {
      for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
        creates |= u.create() != null;
        createsOrDeletes |= u.create() != null || u.delete() != null;
      }
    }
    boolean indexUpdates = r.globalSecondaryIndexUpdates() != null;
    boolean pt = r.provisionedThroughput() != null;
    boolean stream = r.streamSpecification() != null;
    int others = count(indexUpdates, pt, stream, r.billingMode() != null, r.onDemandThroughput() != null);
    // The service names SSE before TableClass before DeletionProtection when several are combined.
    if (r.sseSpecification() != null
        && others + count(r.tableClass() != null, r.deletionProtectionEnabled() != null, r.warmThroughput() != null) > 0) {
      throw TableMessages.invalid("Server-Side Encryption modification must be the only operation in the request");
    }
    // TableClass with WarmThroughput was accepted by the service (lab DDB-TABLE-457).
    if (r.tableClass() != null && others + count(r.deletionProtectionEnabled() != null) > 0) {
      throw TableMessages.invalid("TableClass modification must be the only operation in the request");
    }
    if (r.deletionProtectionEnabled() != null && others + count(r.warmThroughput() != null) > 0) {
      throw TableMessages.invalid("DeletionProtection modification must be the only operation in the request");
    }
    // Only BillingMode may accompany a table OnDemandThroughput change (lab catalogue, DDB-TABLE-433).
    if (r.onDemandThroughput() != null && count(indexUpdates, pt, stream) > 0) {
      throw TableMessages.invalid("OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
    }
    if (creates && r.warmThroughput() != null) {
      throw TableMessages.invalid("Create global secondary index cannot be specified when updating WarmThroughput");
    }
    if (createsOrDeletes && pt) {
      throw TableMessages.invalid("You cannot create or delete index while updating table IOPS");
    }
    if (createsOrDeletes && stream) {
      throw TableMessages.invalid("You cannot create or delete index while changing stream status");
    }
    if (pt && stream) {
      throw TableMessages.invalid("You cannot modify stream status while updating table IOPS");
    }
  }

  private static int count(boolean... present) {
    int n = 0;
    for (boolean p : present) {
      n += p ? 1 : 0;
    }
    return n;
  }

  /**
   * Billing rules decidable from the request alone: only when the request names the billing mode (otherwise
   * the table's mode decides, in the engine); on-demand limits must be at least 1 or exactly -1 (no limit).
   */
  private static void billing(UpdateTableRequest r) {
    if (!"PROVISIONED".equals(r.billingMode())) {
      TableRules.onDemand(r.onDemandThroughput(), true, null, true);
    }
    if ("PAY_PER_REQUEST".equals(r.billingMode())) {
      if (r.provisionedThroughput() != null) {
        throw TableMessages.provisionedThroughputWithPayPerRequestOnUpdate();
      }
      if (r.globalSecondaryIndexUpdates() != null) {
        for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
          boolean hasPt = (u.create() != null && u.create().provisionedThroughput() != null)
              || (u.update() != null && u.update().provisionedThroughput() != null);
          if (hasPt) {
            throw TableMessages.neitherCapacityUnitsForIndexWhenPayPerRequest(u.indexName());
          }
        }
      }
    } else if ("PROVISIONED".equals(r.billingMode())) {
      // A Create without throughput on a PROVISIONED table ("Both ReadCapacityUnits and WriteCapacityUnits
      // must be specified for index") needs the table's mode: with BillingMode=PROVISIONED in the request the
      // throughput it requires already conflicts with the Create (checked above).
      if (r.provisionedThroughput() == null) {
        throw TableMessages.provisionedThroughputRequiredOnUpdate();
      }
      TableRules.onDemand(r.onDemandThroughput(), false, null, true);
    }
  }

  private static void indexCreates(UpdateTableRequest r) {
    if (r.globalSecondaryIndexUpdates() == null) {
      return;
    }
    for (GlobalSecondaryIndexUpdate u : r.globalSecondaryIndexUpdates()) {
      GlobalSecondaryIndexUpdate.Create c = u.create();
      if (c == null) {
        continue;
      }
      if (r.attributeDefinitions() == null) {
        throw TableMessages.invalid("AttributeDefinitions is not specified for index: " + c.indexName());
      }
      // Whether every key attribute is defined needs the table's own definitions too: the engine's check.
      TableRules.gsiKeySchema(c.keySchema());
      TableRules.projection(c.projection());
    }
  }
}
