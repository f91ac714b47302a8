package dev.cairn.storage;

/**
 * A change to cached catalog state, announced to every server process on the database (PostgreSQL
 * {@code NOTIFY} on channel {@code cairn_catalog}).
 *
 * @param kind what changed
 * @param key  which entry: an access key id, a setting name, or {@code "*"} for "everything may have changed"
 *             (sent locally after the notification connection was lost and re-established)
 */
public record CatalogChange(Kind kind, String key) {
  /** What a change is about. */
  public enum Kind {
    ACCESS_KEY, SETTING, TABLE, ALL
  }

  /** The payload form {@code kind:key} used on the wire. */
  public String payload() {
    return kind.name() + ":" + key;
  }

  /** Parses a payload; an unknown one means "drop every cache". */
  public static CatalogChange parse(String payload) {
    int colon = payload == null ? -1 : payload.indexOf(':');
    if (colon > 0) {
      try {
        return new CatalogChange(Kind.valueOf(payload.substring(0, colon)), payload.substring(colon + 1));
      } catch (IllegalArgumentException ignored) {
        // fall through
      }
    }
    return new CatalogChange(Kind.ALL, "*");
  }
}
