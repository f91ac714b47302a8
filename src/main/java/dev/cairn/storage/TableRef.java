package dev.cairn.storage;

/**
 * Which item relation a storage call touches: the table's internal id (its relation is
 * {@code cairn_data.t_<tableId>}), never the user's table name.
 */
public record TableRef(long tableId) {
}
