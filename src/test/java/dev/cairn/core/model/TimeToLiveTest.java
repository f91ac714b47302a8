package dev.cairn.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeToLiveTest {
  private static Map<String, AttributeValue> item(AttributeValue ttl) {
    return Map.of("id", new AttributeValue.S("a"), "exp", ttl);
  }

  private static AttributeValue n(String v) {
    return new AttributeValue.N(new BigDecimal(v));
  }

  @Test
  void expiry_numberAttribute_isItsEpochSecondsRoundedDown() {
    assertEquals(1700000000L, TimeToLive.expiry(item(n("1700000000")), "exp"));
    assertEquals(100L, TimeToLive.expiry(item(n("100.9")), "exp"));
    assertEquals(-2L, TimeToLive.expiry(item(n("-1.5")), "exp"));
  }

  @Test
  void expiry_hugeNumbers_areClamped() {
    assertEquals(Long.MAX_VALUE, TimeToLive.expiry(item(n("9.9E+125")), "exp"));
    assertEquals(Long.MIN_VALUE, TimeToLive.expiry(item(n("-9.9E+125")), "exp"));
  }

  @Test
  void expiry_otherTypesMissingOrDisabled_isNull() {
    assertNull(TimeToLive.expiry(item(new AttributeValue.S("1700000000")), "exp"));
    assertNull(TimeToLive.expiry(item(n("5")), "other"));
    assertNull(TimeToLive.expiry(item(n("5")), null));
  }

  @Test
  void deletable_onlyWhenLessThanNowAndWithinFiveYears() {
    long now = 2_000_000_000L;
    assertTrue(TimeToLive.deletable(now - 1, now));
    assertFalse(TimeToLive.deletable(now, now), "equal to now is not yet expired");
    assertFalse(TimeToLive.deletable(now + 10, now));
    assertTrue(TimeToLive.deletable(now - TimeToLive.MAX_AGE_SECONDS, now));
    assertFalse(TimeToLive.deletable(now - TimeToLive.MAX_AGE_SECONDS - 1, now));
    assertFalse(TimeToLive.deletable(null, now));
    // 100.5 expires after 100 and before 101: floor(100.5) = 100 < 101, but not < 100.
    Long half = TimeToLive.expiry(item(n("100.5")), "exp");
    assertFalse(TimeToLive.deletable(half, 100));
    assertTrue(TimeToLive.deletable(half, 101));
  }
}
