package dev.cairn.core.model;

import java.util.Objects;

/**
 * A table's primary key: the partition key and, for a composite key, the sort key, each with its scalar type
 * (S, N or B). Source: Developer Guide, "Core components of Amazon DynamoDB", Primary key.
 *
 * @param partitionKey     the partition (HASH) key attribute name
 * @param partitionKeyType its type
 * @param sortKey          the sort (RANGE) key attribute name, or {@code null}
 * @param sortKeyType      its type, or {@code null}
 */
public record KeySchema(String partitionKey, AttributeType partitionKeyType, String sortKey, AttributeType sortKeyType) {
  public KeySchema {
    Objects.requireNonNull(partitionKey);
    Objects.requireNonNull(partitionKeyType);
    if ((sortKey == null) != (sortKeyType == null)) {
      throw new IllegalArgumentException("sort key name and type go together");
    }
  }

  public boolean hasSortKey() {
    return sortKey != null;
  }
}
