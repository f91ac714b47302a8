package dev.cairn.engine;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.RuntimeSetting;
import dev.cairn.core.model.SettingsView;
import dev.cairn.core.validate.TableMessages;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TableStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;

/**
 * What the control-plane handlers share: the stores, the catalog cache, ARNs, the control-plane delay
 * (runtime setting {@code control_plane_delay_ms}: how long CREATING, UPDATING and DELETING last), and the
 * lookup that treats a table deleted longer ago than that delay as gone.
 */
public final class TableAdmin {
  final TableStore tables;
  final ItemStore items;
  final TableCatalog catalog;
  final Arns arns;
  private final SettingsView settings;

  public TableAdmin(TableStore tables, ItemStore items, TableCatalog catalog, Arns arns, SettingsView settings) {
    this.tables = tables;
    this.items = items;
    this.catalog = catalog;
    this.arns = arns;
    this.settings = settings;
  }

  Duration delay() {
    return Duration.ofMillis(settings.getLong(RuntimeSetting.CONTROL_PLANE_DELAY_MS));
  }

  /**
   * The table as the control plane sees it: live, or deleted but still DELETING; else {@code null}.
   * {@code tableName} may also be the table's ARN (DescribeTable, UpdateTable, DeleteTable and the TTL actions
   * accept one since resource-based policies, API Reference "DescribeTable" TableName); another account's ARN
   * or a non-table ARN finds nothing.
   */
  Future<TableRecord> findVisible(String accountId, String tableName) {
    String name = tableName.startsWith("arn:") ? Arns.tableNameOf(tableName, accountId) : tableName;
    if (name == null) {
      return Future.succeededFuture(null);
    }
    return tables.findTable(accountId, name).map(t -> {
      if (t == null || (t.deletedAt() != null && !Instant.now().isBefore(t.deletedAt().plus(delay())))) {
        return null;
      }
      return t;
    });
  }

  /**
   * A table the control plane can see, in any state (DELETING included, so that the caller can answer the
   * service's "Table is being deleted" or TTL state error), or ResourceNotFoundException
   * "Requested resource not found: Table: X not found".
   */
  Future<TableRecord> requireVisible(String accountId, String tableName) {
    return findVisible(accountId, tableName).compose(t -> t == null
        ? Future.failedFuture(TableMessages.tableNotFound(tableName))
        : Future.succeededFuture(t));
  }

  /** Approximate (item count, size) of a live table; zeros for a deleted one. */
  Future<long[]> stats(TableRecord t) {
    if (t.deletedAt() != null) {
      return Future.succeededFuture(new long[] {0, 0});
    }
    return items.approximateStats(t.ref()).otherwise(new long[] {0, 0});
  }

  /** Fails unless the table is ACTIVE (not creating, updating or deleting). */
  static void requireActiveStatus(TableRecord t) {
    String status = t.status(Instant.now());
    DynamoException e = switch (status) {
      case "CREATING" -> TableMessages.tableBeingCreated(t.tableName());
      case "UPDATING" -> TableMessages.tableBeingUpdated(t.tableName());
      case "DELETING" -> TableMessages.tableBeingDeleted(t.tableName());
      default -> null;
    };
    if (e != null) {
      throw e;
    }
  }
}
