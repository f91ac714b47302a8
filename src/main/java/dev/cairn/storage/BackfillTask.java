package dev.cairn.storage;

/** An index back-fill in progress: which account's table and which index. */
public record BackfillTask(long tableId, long indexId, String accountId, String tableName) {
}
