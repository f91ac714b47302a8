package dev.cairn.storage;

import dev.cairn.core.model.KeySchema;
import java.time.Instant;

/**
 * A table as the catalog holds it.
 *
 * @param tableId     internal id: the item relation is {@code cairn_data.t_<tableId>}
 * @param accountId   owning account
 * @param tableName   the DynamoDB table name
 * @param tableUuid   the {@code TableId} shown to clients (a UUID)
 * @param keySchema   the primary key
 * @param createdAt   creation time
 * @param activeAt    when the table leaves CREATING (creation time plus the control-plane delay)
 * @param updatingUntil when the last UpdateTable's UPDATING status ends, or {@code null}
 * @param deletedAt   when DeleteTable was called, or {@code null}
 * @param definition  the rest of the description (attribute definitions, indexes, billing, streams, ...)
 * @param definitionVersion increases with every definition change; item writes name it so that a write
 *                    planned with an older definition (e.g. before an index was added) is refused
 * @param latestStreamLabel the label of the table's latest stream (kept after it is disabled), or {@code null}
 *                    when the table never had one
 */
public record TableRecord(long tableId, String accountId, String tableName, String tableUuid, KeySchema keySchema,
    Instant createdAt, Instant activeAt, Instant updatingUntil, Instant deletedAt, TableDefinition definition,
    long definitionVersion, String latestStreamLabel) {

  /** Whether the definition has an enabled stream (item writes then emit stream records). */
  public boolean streamEnabled() {
    return definition.streamSpecification() != null
        && Boolean.TRUE.equals(definition.streamSpecification().streamEnabled());
  }

  public TableRef ref() {
    return new TableRef(tableId);
  }

  /**
   * The status at {@code now}: DELETING once deleted, CREATING before {@code activeAt}, UPDATING before
   * {@code updatingUntil}, else ACTIVE.
   */
  public String status(Instant now) {
    if (deletedAt != null) {
      return "DELETING";
    }
    if (now.isBefore(activeAt)) {
      return "CREATING";
    }
    if (updatingUntil != null && now.isBefore(updatingUntil)) {
      return "UPDATING";
    }
    return "ACTIVE";
  }

  /** Whether the table accepts data operations at {@code now} (not CREATING, not deleted). */
  public boolean isActive(Instant now) {
    return deletedAt == null && !now.isBefore(activeAt);
  }
}
