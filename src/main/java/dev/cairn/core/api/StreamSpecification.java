package dev.cairn.core.api;

/**
 * Whether the table has a stream and what its records carry; used in requests and echoed in a table
 * description. Source: DynamoDB API Reference, Data Types, "StreamSpecification".
 *
 * @param streamEnabled  required
 * @param streamViewType {@code KEYS_ONLY}, {@code NEW_IMAGE}, {@code OLD_IMAGE} or {@code NEW_AND_OLD_IMAGES};
 *                       required when enabling, forbidden when disabling
 */
public record StreamSpecification(Boolean streamEnabled, String streamViewType) {
}
