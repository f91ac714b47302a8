package dev.cairn.storage;

import java.time.Instant;

/**
 * A Cairn account: the unit of isolation that owns tables, streams and access keys.
 *
 * @param accountId the 12-digit account id used in ARNs
 * @param name      an operator-chosen unique name
 * @param createdAt creation time
 */
public record AccountRecord(String accountId, String name, Instant createdAt) {
}
