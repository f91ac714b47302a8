package dev.cairn.core.model;

import dev.cairn.core.error.DynamoException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The size DynamoDB computes for items and attribute values, its size limits, and capacity units.
 *
 * <p>Sizes follow the Developer Guide, "DynamoDB item sizes and formats": an attribute costs the UTF-8 length of
 * its name plus its value; S costs its UTF-8 bytes, B its raw bytes, BOOL and NULL 1 byte, L and M 3 bytes plus
 * 1 byte per element plus the elements (a map element also costs its name), a set the sum of its members. For N
 * the guide gives only an approximation (1 byte per two significant digits, plus 1); {@link #numberSize} uses
 * the exact rule measured against the service. All sizes are in bytes; 1 KB is 1024 bytes (Developer Guide,
 * "Constraints"). Thread-safe (stateless).
 */
public final class ItemSize {
  /** Largest item, names and values included: 400 KB. An item of exactly this size is accepted. */
  public static final int MAX_ITEM_SIZE = 409_600;
  /** Largest partition-key value (Developer Guide, "Constraints", Partition keys and sort keys). */
  public static final int MAX_PARTITION_KEY_SIZE = 2048;
  /** Largest sort-key value. */
  public static final int MAX_SORT_KEY_SIZE = 1024;
  /** Bytes per read capacity unit (Developer Guide, "DynamoDB read and write operations"). */
  public static final int READ_UNIT_BYTES = 4096;
  /** Bytes per write capacity unit. */
  public static final int WRITE_UNIT_BYTES = 1024;

  // Messages: not in the API Reference. The item text is the service's as the conformance suite records it
  // (paritysuite/dynamodb-conformance, numberByteSize.test.ts); the key texts, with the service's missing space
  // in "of2048", come from dynalite's test/putItem.js.
  /** An item larger than {@link #MAX_ITEM_SIZE} (PutItem, UpdateItem result, batch and transaction puts). */
  public static final String ITEM_TOO_LARGE = "Item size has exceeded the maximum allowed size";
  /** A partition-key value larger than {@link #MAX_PARTITION_KEY_SIZE}. */
  public static final String PARTITION_KEY_TOO_LARGE =
      "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes";
  /** A sort-key value larger than {@link #MAX_SORT_KEY_SIZE}. */
  public static final String SORT_KEY_TOO_LARGE = "One or more parameter values were invalid: "
      + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes";

  /** The three kinds of read, which cost 1/2, 1 and 2 units per 4 KB. */
  public enum ReadConsistency {
    /** Eventually consistent: 1/2 unit per 4 KB (the default of GetItem, Query and Scan). */
    EVENTUAL,
    /** Strongly consistent ({@code ConsistentRead: true}): 1 unit per 4 KB. */
    STRONG,
    /** Part of TransactGetItems: 2 units per 4 KB. */
    TRANSACTIONAL
  }

  private ItemSize() {}

  /** The size of an item: the sum of {@link #attributeSize} over its attributes. */
  public static long itemSize(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += attributeSize(e.getKey(), e.getValue());
    }
    return size;
  }

  /** The size of one attribute: the UTF-8 length of its name plus {@link #valueSize} of its value. */
  public static long attributeSize(String name, AttributeValue value) {
    return utf8Length(name) + valueSize(value);
  }

  /**
   * The size of a value without any attribute name: S its UTF-8 bytes, N {@link #numberSize}, B its raw bytes,
   * BOOL and NULL 1, SS/NS/BS the sum of their members' sizes, L 3 + the sum of (1 + element), M 3 + the sum
   * of (1 + name + value).
   */
  public static long valueSize(AttributeValue value) {
    if (value instanceof AttributeValue.S s) {
      return utf8Length(s.value());
    }
    if (value instanceof AttributeValue.N n) {
      return numberSize(n.value());
    }
    if (value instanceof AttributeValue.B b) {
      return b.value().length();
    }
    if (value instanceof AttributeValue.Bool || value instanceof AttributeValue.Null) {
      return 1;
    }
    if (value instanceof AttributeValue.SS ss) {
      long size = 0;
      for (String m : ss.value()) {
        size += utf8Length(m);
      }
      return size;
    }
    if (value instanceof AttributeValue.NS ns) {
      long size = 0;
      for (BigDecimal m : ns.value()) {
        size += numberSize(m);
      }
      return size;
    }
    if (value instanceof AttributeValue.BS bs) {
      long size = 0;
      for (Bytes m : bs.value()) {
        size += m.length();
      }
      return size;
    }
    if (value instanceof AttributeValue.L l) {
      List<AttributeValue> elements = l.value();
      long size = 3 + elements.size();
      for (AttributeValue v : elements) {
        size += valueSize(v);
      }
      return size;
    }
    AttributeValue.M m = (AttributeValue.M) value;
    long size = 3 + m.value().size();
    for (Map.Entry<String, AttributeValue> e : m.value().entrySet()) {
      size += attributeSize(e.getKey(), e.getValue());
    }
    return size;
  }

  /**
   * The size of a number: 1 byte, plus 1 byte per base-100 digit of its significant part with the digit pairs
   * aligned on the decimal point, plus 1 byte when negative; zero costs 1 byte. So {@code 12} costs 2,
   * {@code 123} 3, {@code 1.5} 3 (digits {@code 01.50}), {@code 3.14159} 5, {@code 100} 2, {@code 1E125} 2,
   * {@code -42} 3.
   *
   * <p>Why: the guide's "1 byte per two significant digits plus 1" rounds down and ignores the decimal point.
   * This rule reproduces all 23 literals measured byte-exactly at the 400 KB limit by the conformance suite
   * (paritysuite/dynamodb-conformance, src/item-size.ts, captured 2026-08); it is the layout of a
   * centesimal-digit decimal with a one-byte exponent (as Oracle's NUMBER, which shares DynamoDB's 38 digits
   * and 1E-130..1E126 range). Where the suite's own formula and this one differ (e.g. {@code 0.01234}: 3 or
   * 4) no capture decides; this one follows the layout.
   */
  public static int numberSize(BigDecimal value) {
    if (value.signum() == 0) {
      return 1;
    }
    BigDecimal r = value.stripTrailingZeros();
    long lowest = -(long) r.scale(); // decimal exponent of the last significant digit
    long highest = lowest + r.precision() - 1; // of the first
    long pairs = Math.floorDiv(highest, 2) - Math.floorDiv(lowest, 2) + 1;
    return (int) (1 + pairs + (r.signum() < 0 ? 1 : 0));
  }

  /**
   * The length of {@code s} in UTF-8, without encoding it. An unpaired surrogate counts 3 bytes (its
   * generalized UTF-8 form); the protocol layer rejects such strings before they get here.
   */
  public static int utf8Length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // 4 bytes for 2 chars
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  /**
   * Checks an item against {@link #MAX_ITEM_SIZE}.
   *
   * @throws DynamoException ValidationException {@link #ITEM_TOO_LARGE} when the item is larger than 400 KB
   */
  public static void checkItemSize(Map<String, AttributeValue> item) {
    if (itemSize(item) > MAX_ITEM_SIZE) {
      throw DynamoException.validation(ITEM_TOO_LARGE);
    }
  }

  /**
   * Checks a partition-key value (S, N or B) against {@link #MAX_PARTITION_KEY_SIZE}; only the value counts,
   * not the attribute name.
   *
   * @throws DynamoException ValidationException {@link #PARTITION_KEY_TOO_LARGE}
   */
  public static void checkPartitionKeySize(AttributeValue value) {
    if (valueSize(value) > MAX_PARTITION_KEY_SIZE) {
      throw DynamoException.validation(PARTITION_KEY_TOO_LARGE);
    }
  }

  /**
   * Checks a sort-key value against {@link #MAX_SORT_KEY_SIZE}.
   *
   * @throws DynamoException ValidationException {@link #SORT_KEY_TOO_LARGE}
   */
  public static void checkSortKeySize(AttributeValue value) {
    if (valueSize(value) > MAX_SORT_KEY_SIZE) {
      throw DynamoException.validation(SORT_KEY_TOO_LARGE);
    }
  }

  /**
   * Read capacity units for reading {@code bytes}: the size rounded up to the next 4 KB, at least one 4 KB
   * unit, times 1/2 (eventually consistent), 1 (strongly consistent) or 2 (transactional). A 3,500-byte strong
   * read costs 1, an 8 KB eventually consistent read 1, a 10 KB strong read 3.
   *
   * <p>Callers decide what {@code bytes} is: GetItem one item (a missing item costs the minimum); BatchGetItem
   * rounds each item separately and adds the units; Query and Scan add up the sizes of all items read and round
   * once (Developer Guide, "DynamoDB read and write operations").
   *
   * @param bytes the size read, in bytes, not negative
   */
  public static double readUnits(long bytes, ReadConsistency consistency) {
    long units = Math.max(1, ceilDiv(bytes, READ_UNIT_BYTES));
    switch (consistency) {
      case EVENTUAL:
        return units / 2.0;
      case STRONG:
        return units;
      default:
        return units * 2.0;
    }
  }

  /**
   * Write capacity units for writing an item of {@code bytes}: the size rounded up to the next 1 KB, at least
   * 1, doubled for a transactional write. For PutItem, UpdateItem and DeleteItem the size is the larger of the
   * item before and after the write (Developer Guide, "DynamoDB read and write operations").
   *
   * @param bytes the item size in bytes, not negative
   */
  public static double writeUnits(long bytes, boolean transactional) {
    long units = Math.max(1, ceilDiv(bytes, WRITE_UNIT_BYTES));
    return transactional ? units * 2.0 : units;
  }

  private static long ceilDiv(long a, long b) {
    if (a < 0) {
      throw new IllegalArgumentException("negative size: " + a);
    }
    return (a + b - 1) / b;
  }
}
