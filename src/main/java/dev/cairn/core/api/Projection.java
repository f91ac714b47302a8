package dev.cairn.core.api;

import java.util.List;

/**
 * Which attributes a secondary index copies besides the keys. Source: DynamoDB API Reference, Data Types,
 * "Projection".
 *
 * @param projectionType   {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}; {@code null} when absent (the
 *                         service has no default and rejects it with "Unknown ProjectionType: null")
 * @param nonKeyAttributes only with {@code INCLUDE}: 1..20 names per index, at most 100 over all indexes;
 *                         {@code null} when absent
 */
public record Projection(String projectionType, List<String> nonKeyAttributes) {
  /** Every attribute of the item is projected. */
  public static final String ALL = "ALL";
  /** Only the table and index keys are projected. */
  public static final String KEYS_ONLY = "KEYS_ONLY";
  /** The keys plus {@code nonKeyAttributes}. */
  public static final String INCLUDE = "INCLUDE";
}
