package dev.cairn.engine;

import dev.cairn.core.api.Projection;
import dev.cairn.core.api.ProvisionedThroughput;
import dev.cairn.core.api.TableDescription;
import dev.cairn.storage.TableDefinition;
import dev.cairn.storage.TableRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@code TableDescription} the service returns from a catalog record: status from the lifecycle
 * times, ARNs, billing summary, index descriptions, approximate item count and size (the service itself
 * refreshes these only about every six hours). Source: API Reference, "TableDescription".
 */
final class TableDescriptions {
  private TableDescriptions() {
  }

  /**
   * The description in a CreateTable answer: CREATING, empty, and a BillingModeSummary without
   * LastUpdateToPayPerRequestDateTime, which the service adds only in later descriptions (observed, ack-api-quirks
   * DDB-TABLE-033).
   */
  static TableDescription describeCreated(TableRecord t, Arns arns) {
    return withoutSwitchTime(describe(t, arns, "CREATING", 0, 0));
  }

  /** The description with a BillingModeSummary that names only the billing mode (if there is a summary). */
  static TableDescription withoutSwitchTime(TableDescription d) {
    if (d.billingModeSummary() == null) {
      return d;
    }
    return new TableDescription(d.tableName(), d.tableArn(), d.tableId(), d.tableStatus(), d.creationDateTime(),
        d.attributeDefinitions(), d.keySchema(), d.provisionedThroughput(),
        new TableDescription.BillingModeSummary(d.billingModeSummary().billingMode(), null), d.tableSizeBytes(),
        d.itemCount(), d.globalSecondaryIndexes(), d.localSecondaryIndexes(), d.streamSpecification(),
        d.latestStreamLabel(), d.latestStreamArn(), d.sseDescription(), d.tableClassSummary(),
        d.deletionProtectionEnabled(), d.onDemandThroughput(), d.warmThroughput());
  }

  static TableDescription describe(TableRecord t, Arns arns, String status, long itemCount, long sizeBytes) {
    TableDefinition d = t.definition();
    boolean onDemand = "PAY_PER_REQUEST".equals(d.billingMode());
    List<TableDescription.GlobalSecondaryIndexDescription> gsis = null;
    if (d.globalSecondaryIndexes() != null && !d.globalSecondaryIndexes().isEmpty()) {
      gsis = new ArrayList<>();
      for (TableDefinition.Index i : d.globalSecondaryIndexes()) {
        gsis.add(new TableDescription.GlobalSecondaryIndexDescription(i.indexName(), i.keySchema(),
            projection(i.projection()), i.status() == null ? "ACTIVE" : i.status(),
            i.backfilling() ? Boolean.TRUE : null, throughput(i.provisionedThroughput(), onDemand), 0L, 0L,
            arns.index(t.accountId(), t.tableName(), i.indexName()), i.onDemandThroughput(), null));
      }
    }
    List<TableDescription.LocalSecondaryIndexDescription> lsis = null;
    if (d.localSecondaryIndexes() != null && !d.localSecondaryIndexes().isEmpty()) {
      lsis = new ArrayList<>();
      for (TableDefinition.Index i : d.localSecondaryIndexes()) {
        lsis.add(new TableDescription.LocalSecondaryIndexDescription(i.indexName(), i.keySchema(),
            projection(i.projection()), 0L, 0L, arns.index(t.accountId(), t.tableName(), i.indexName())));
      }
    }
    Instant ppr = d.lastUpdateToPayPerRequestMillis() == null ? null
        : Instant.ofEpochMilli(d.lastUpdateToPayPerRequestMillis());
    // The service omits BillingModeSummary for a table that was never on demand (created PROVISIONED, with or
    // without an explicit BillingMode); after a switch back to PROVISIONED it keeps the last switch time
    // (observed, ack-api-quirks DDB-TABLE-025 and DDB-TABLE-055).
    TableDescription.BillingModeSummary billing = onDemand || ppr != null
        ? new TableDescription.BillingModeSummary(onDemand ? "PAY_PER_REQUEST" : "PROVISIONED", ppr)
        : null;
    TableDescription.SSEDescription sse = d.sseSpecification() != null && Boolean.TRUE.equals(d.sseSpecification().enabled())
        ? new TableDescription.SSEDescription("ENABLED", "KMS",
            "arn:aws:kms:" + arns.region() + ":" + t.accountId() + ":key/cairn-managed", null)
        : null;
    TableDescription.TableClassSummary tableClass = d.tableClass() == null ? null
        : new TableDescription.TableClassSummary(d.tableClass(), null);
    return new TableDescription(t.tableName(), arns.table(t.accountId(), t.tableName()), t.tableUuid(), status,
        t.createdAt(), d.attributeDefinitions(), d.keySchema(), throughput(d.provisionedThroughput(), onDemand),
        billing, sizeBytes, itemCount, gsis, lsis,
        d.streamSpecification() != null && Boolean.TRUE.equals(d.streamSpecification().streamEnabled())
            ? d.streamSpecification() : null,
        t.latestStreamLabel(),
        t.latestStreamLabel() == null ? null : arns.stream(t.accountId(), t.tableName(), t.latestStreamLabel()),
        sse, tableClass, d.deletionProtectionEnabled(), d.onDemandThroughput(), null);
  }

  private static Projection projection(Projection p) {
    return p == null ? new Projection(Projection.ALL, null) : p;
  }

  private static TableDescription.ProvisionedThroughputDescription throughput(ProvisionedThroughput p,
      boolean onDemand) {
    long read = onDemand || p == null || p.readCapacityUnits() == null ? 0 : p.readCapacityUnits();
    long write = onDemand || p == null || p.writeCapacityUnits() == null ? 0 : p.writeCapacityUnits();
    return new TableDescription.ProvisionedThroughputDescription(null, null, 0L, read, write);
  }
}
