package dev.cairn.engine;

import dev.cairn.core.api.CreateTableRequest;
import dev.cairn.core.api.CreateTableResponse;
import dev.cairn.core.api.GlobalSecondaryIndex;
import dev.cairn.core.api.LocalSecondaryIndex;
import dev.cairn.core.model.Principal;
import dev.cairn.core.validate.TableMessages;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.TableDefinition;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * CreateTable: registers the table and creates its relation in one transaction. The answer is always
 * CREATING; the table becomes ACTIVE after the control-plane delay (0 by default). A live table of the same
 * name, or one still DELETING, is {@code ResourceInUseException}. Source: API Reference, "CreateTable".
 */
public final class CreateTableHandler implements OperationHandler<CreateTableRequest> {
  private final TableAdmin admin;

  public CreateTableHandler(TableAdmin admin) {
    this.admin = admin;
  }

  @Override
  public Future<CreateTableResponse> handle(Principal principal, CreateTableRequest r) {
    Instant now = Instant.now();
    TableDefinition definition = definition(r, now);
    return admin.findVisible(principal.accountId(), r.tableName()).compose(existing -> {
      if (existing != null) {
        // While the first CreateTable is still CREATING the service answers "Table is being created"; in every
        // other state (DELETING included) "Table already exists" (TableMessages has the evidence).
        return Future.failedFuture("CREATING".equals(existing.status(Instant.now()))
            ? TableMessages.tableBeingCreated(r.tableName()) : TableMessages.tableAlreadyExists(r.tableName()));
      }
      return admin.tables.createTable(principal.accountId(), r.tableName(), definition, now.plus(admin.delay()));
    }).recover(e -> e instanceof StorageException se && se.kind() == StorageException.Kind.ALREADY_EXISTS
        ? Future.failedFuture(TableMessages.tableAlreadyExists(r.tableName()))
        : Future.failedFuture(e))
        .map(t -> {
          admin.catalog.invalidate(principal.accountId(), r.tableName());
          return new CreateTableResponse(TableDescriptions.describeCreated(t, admin.arns));
        });
  }

  static TableDefinition definition(CreateTableRequest r, Instant now) {
    String billing = r.billingMode() == null ? "PROVISIONED" : r.billingMode();
    long nextIndexId = 1;
    List<TableDefinition.Index> gsis = new ArrayList<>();
    if (r.globalSecondaryIndexes() != null) {
      for (GlobalSecondaryIndex g : r.globalSecondaryIndexes()) {
        gsis.add(new TableDefinition.Index(nextIndexId++, g.indexName(), g.keySchema(), g.projection(),
            g.provisionedThroughput(), g.onDemandThroughput(), "ACTIVE", false));
      }
    }
    List<TableDefinition.Index> lsis = new ArrayList<>();
    if (r.localSecondaryIndexes() != null) {
      for (LocalSecondaryIndex l : r.localSecondaryIndexes()) {
        lsis.add(new TableDefinition.Index(nextIndexId++, l.indexName(), l.keySchema(), l.projection(), null, null,
            "ACTIVE", false));
      }
    }
    return new TableDefinition(r.attributeDefinitions(), r.keySchema(), billing,
        "PAY_PER_REQUEST".equals(billing) ? null : r.provisionedThroughput(), r.onDemandThroughput(), gsis, lsis,
        r.streamSpecification(), r.sseSpecification(), r.tableClass(),
        Boolean.TRUE.equals(r.deletionProtectionEnabled()), r.tags() == null ? List.of() : r.tags(),
        "PAY_PER_REQUEST".equals(billing) ? now.toEpochMilli() : null, null);
  }
}
