package dev.cairn.core.model;

import java.util.Locale;
import java.util.Set;

/**
 * Settings kept in the catalog that change without a restart, applied on every server process (design.md §5).
 * Each has a default and a validator; values travel as text.
 */
public enum RuntimeSetting {
  /** Root log level: TRACE, DEBUG, INFO, WARN or ERROR. */
  LOG_LEVEL("log_level", "INFO", "root log level: TRACE, DEBUG, INFO, WARN, ERROR"),
  /** Milliseconds a table or index stays CREATING/UPDATING/DELETING before the change completes. */
  CONTROL_PLANE_DELAY_MS("control_plane_delay_ms", "0", "ms a table stays CREATING/DELETING (0..600000)"),
  /** Milliseconds between two TTL sweeps. */
  TTL_SWEEP_INTERVAL_MS("ttl_sweep_interval_ms", "60000", "ms between TTL sweeps (1000..86400000)"),
  /** Whether the management API may import existing AWS access keys. */
  ALLOW_IMPORTED_KEYS("allow_imported_keys", "false", "whether import-access-key is allowed (true/false)"),
  /** Base items per transaction when a new GSI is back-filled; smaller batches hold row locks more briefly. */
  BACKFILL_BATCH_ITEMS("backfill_batch_items", "500", "items per GSI back-fill transaction (1..10000)"),
  /** How many shards a new stream opens (records spread over them by partition-key hash). */
  STREAM_SHARD_COUNT("stream_shard_count", "4", "shards of a newly enabled stream (1..64)"),
  /** Milliseconds after which an open stream shard closes and a child shard takes over. */
  STREAM_SHARD_ROLLOVER_MS("stream_shard_rollover_ms", "14400000", "ms before a stream shard rolls over (1000..86400000)");

  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  private final String key;
  private final String defaultValue;
  private final String description;

  RuntimeSetting(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The setting's name in the catalog and on the CLI. */
  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /**
   * The canonical form of {@code value} for this setting.
   *
   * @throws IllegalArgumentException when the value is not valid, with a message saying what is allowed
   */
  public String normalize(String value) {
    String v = value == null ? "" : value.trim();
    switch (this) {
      case LOG_LEVEL -> {
        String level = v.toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
          throw new IllegalArgumentException(key + " must be one of " + LEVELS);
        }
        return level;
      }
      case CONTROL_PLANE_DELAY_MS -> {
        return String.valueOf(range(v, 0, 600_000));
      }
      case TTL_SWEEP_INTERVAL_MS, STREAM_SHARD_ROLLOVER_MS -> {
        return String.valueOf(range(v, 1_000, 86_400_000));
      }
      case BACKFILL_BATCH_ITEMS -> {
        return String.valueOf(range(v, 1, 10_000));
      }
      case STREAM_SHARD_COUNT -> {
        return String.valueOf(range(v, 1, 64));
      }
      case ALLOW_IMPORTED_KEYS -> {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException(key + " must be true or false");
        }
        return v.toLowerCase(Locale.ROOT);
      }
      default -> throw new IllegalStateException();
    }
  }

  private long range(String v, long min, long max) {
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer from " + min + " to " + max);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(key + " must be an integer from " + min + " to " + max);
    }
    return n;
  }

  /** The setting with this name, or {@code null}. */
  public static RuntimeSetting fromKey(String key) {
    for (RuntimeSetting s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    return null;
  }
}
