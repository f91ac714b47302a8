package dev.cairn.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * DynamoDB's Time to Live rule for one item: the TTL attribute, when it is a top-level Number, is an expiry time in
 * epoch seconds; the item is expired once that time is less than the current time, and an item whose expiry is
 * more than five years in the past is never deleted by TTL. Values of any other type, or a missing attribute, mean
 * no expiry. Source: Developer Guide, "Time to Live (TTL)" and "Formatting an item's TTL attribute"; API Reference,
 * "UpdateTimeToLive".
 */
public final class TimeToLive {
  /** Five years in seconds (5 × 365 days): older expiry times are left alone, as the service does. */
  public static final long MAX_AGE_SECONDS = 5L * 365 * 24 * 3600;

  private TimeToLive() {
  }

  /**
   * The item's expiry as whole epoch seconds, rounded down (so {@code expiry < now} for a whole-second {@code now}
   * is exactly "the stored time is less than now"), clamped to the {@code long} range; {@code null} when TTL is
   * disabled ({@code attribute} null), the attribute is missing or is not a Number.
   */
  public static Long expiry(Map<String, AttributeValue> item, String attribute) {
    if (attribute == null || item == null) {
      return null;
    }
    AttributeValue v = item.get(attribute);
    if (!(v instanceof AttributeValue.N n)) {
      return null;
    }
    BigDecimal floor = n.value().setScale(0, RoundingMode.FLOOR);
    if (floor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
      return Long.MAX_VALUE;
    }
    if (floor.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) <= 0) {
      return Long.MIN_VALUE;
    }
    return floor.longValueExact();
  }

  /** Whether TTL deletes an item with this expiry at {@code nowEpochSeconds}: expired, and not over five years ago. */
  public static boolean deletable(Long expiry, long nowEpochSeconds) {
    return expiry != null && expiry < nowEpochSeconds && expiry >= oldestDeletable(nowEpochSeconds);
  }

  /** The smallest expiry TTL still deletes at {@code nowEpochSeconds}. */
  public static long oldestDeletable(long nowEpochSeconds) {
    return nowEpochSeconds - MAX_AGE_SECONDS;
  }
}
