package dev.cairn.core.expr;

import java.util.Objects;

/**
 * The key attribute names of the table or index a query reads: the partition key and, when the schema has one,
 * the sort key ({@code null} otherwise).
 */
public record KeyAttributes(String partitionKey, String sortKey) {
  public KeyAttributes {
    Objects.requireNonNull(partitionKey);
  }

  /** A schema with a partition key only. */
  public static KeyAttributes hashOnly(String partitionKey) {
    return new KeyAttributes(partitionKey, null);
  }

  /** Whether the schema has a sort key. */
  public boolean hasSortKey() {
    return sortKey != null;
  }
}
