package dev.cairn.core.model;

import dev.cairn.core.error.DynamoException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds attribute values from decoded request members, with the checks and messages the service applies to
 * each value wherever it appears (item, key, expression value, nested): numbers, sets, NULL.
 *
 * <p>The protocol layer calls these while turning JSON into {@link AttributeValue}s. Checks run in the
 * service's order: an empty set, then each number-set member as a number, then duplicates (dynalite,
 * validations/index.js). Messages carry no {@code "1 validation error detected: "} envelope (see
 * {@link ValidationWording}). Thread-safe (stateless).
 */
public final class ValueValidation {
  private static final String INVALID = "One or more parameter values were invalid: ";

  // The service's texts, typos included ("An string set  may", two spaces; "]of type BS"). Source: dynalite's
  // validations/index.js and test suite, confirmed by paritysuite/dynamodb-conformance
  // tests/tier3/error-messages/putItem.test.ts and valueLayers.test.ts (2026 captures).
  /** An {@code SS} with no members. */
  public static final String EMPTY_STRING_SET = INVALID + "An string set  may not be empty";
  /** An {@code NS} with no members. */
  public static final String EMPTY_NUMBER_SET = INVALID + "An number set  may not be empty";
  /** A {@code BS} with no members. */
  public static final String EMPTY_BINARY_SET = INVALID + "Binary sets should not be empty";
  /** {@code {"NULL": false}}. */
  public static final String NULL_NOT_TRUE = INVALID + "Null attribute value types must have the value of true";
  /** A number set with two numerically equal members, current wording; it names no members. */
  public static final String NUMBER_SET_DUPLICATES = INVALID + "Input collection contains duplicates.";
  /** The same in the legacy wording: no prefix, no full stop. */
  public static final String NUMBER_SET_DUPLICATES_LEGACY = "Input collection contains duplicates";

  private ValueValidation() {}

  /**
   * An {@code N} value from its wire text, as {@link Numbers#parse(String, ValidationWording)}.
   *
   * @throws DynamoException ValidationException as {@link Numbers#parse(String, ValidationWording)}
   */
  public static AttributeValue.N number(String text, ValidationWording wording) {
    return new AttributeValue.N(Numbers.parse(text, wording));
  }

  /**
   * The {@code NULL} value; the wire form must be {@code {"NULL": true}}.
   *
   * @throws DynamoException ValidationException {@link #NULL_NOT_TRUE} when {@code flag} is false
   */
  public static AttributeValue.Null nullValue(boolean flag) {
    if (!flag) {
      throw DynamoException.validation(NULL_NOT_TRUE);
    }
    return AttributeValue.Null.INSTANCE;
  }

  /** {@link #stringSet(List, ValidationWording)} in the current wording. */
  public static AttributeValue.SS stringSet(List<String> members) {
    return stringSet(members, ValidationWording.CURRENT);
  }

  /**
   * An {@code SS} value from its members in request order. An empty-string member is allowed (the service
   * accepts one since empty strings became legal; conformance suite, putItem.test.ts).
   *
   * @throws DynamoException ValidationException {@link #EMPTY_STRING_SET}; or, for a repeated member,
   *     {@code "One or more parameter values were invalid: Input collection <members> contains duplicates."}
   *     where {@code <members>} is {@code ["a", "b", "b"]} in the current wording (see
   *     {@link #duplicateListing}) and the members as sent, {@code [b, a, b]}, in the legacy one
   */
  public static AttributeValue.SS stringSet(List<String> members, ValidationWording wording) {
    if (members.isEmpty()) {
      throw DynamoException.validation(EMPTY_STRING_SET);
    }
    LinkedHashSet<String> set = new LinkedHashSet<>(members);
    if (set.size() != members.size()) {
      String listing = wording == ValidationWording.CURRENT
          ? duplicateListing(members, AttributeValues::compareStrings, m -> '"' + m + '"', ", ")
          : asSent(members, m -> m);
      throw DynamoException.validation(INVALID + "Input collection " + listing + " contains duplicates.");
    }
    return new AttributeValue.SS(set);
  }

  /** {@link #numberSet(List, ValidationWording)} in the current wording. */
  public static AttributeValue.NS numberSet(List<String> members) {
    return numberSet(members, ValidationWording.CURRENT);
  }

  /**
   * An {@code NS} value from its members' wire texts. Each member is parsed as an {@code N}; members that are
   * numerically equal ({@code "2"} and {@code "2.0"}) are duplicates (dynalite compares members after
   * normalizing them; a DynamoDB-compatible project's test notes record the service refusing
   * {@code ["1","2","2.0"]}).
   *
   * @throws DynamoException ValidationException {@link #EMPTY_NUMBER_SET}; a member's number error (see
   *     {@link Numbers#parse(String, ValidationWording)}); {@link #NUMBER_SET_DUPLICATES} or, legacy,
   *     {@link #NUMBER_SET_DUPLICATES_LEGACY}
   */
  public static AttributeValue.NS numberSet(List<String> members, ValidationWording wording) {
    if (members.isEmpty()) {
      throw DynamoException.validation(EMPTY_NUMBER_SET);
    }
    List<BigDecimal> parsed = new ArrayList<>(members.size());
    for (String m : members) {
      parsed.add(Numbers.parse(m, wording));
    }
    // Parsed values are normalized, so equals is numeric equality.
    LinkedHashSet<BigDecimal> set = new LinkedHashSet<>(parsed);
    if (set.size() != parsed.size()) {
      throw DynamoException.validation(
          wording == ValidationWording.CURRENT ? NUMBER_SET_DUPLICATES : NUMBER_SET_DUPLICATES_LEGACY);
    }
    return new AttributeValue.NS(set);
  }

  /** {@link #binarySet(List, ValidationWording)} in the current wording. */
  public static AttributeValue.BS binarySet(List<Bytes> members) {
    return binarySet(members, ValidationWording.CURRENT);
  }

  /**
   * A {@code BS} value from its decoded members. A zero-length member is allowed (conformance suite,
   * putItem.test.ts).
   *
   * @throws DynamoException ValidationException {@link #EMPTY_BINARY_SET}; or, for a repeated member,
   *     {@code "One or more parameter values were invalid: Input collection <members>of type BS contains
   *     duplicates."} (no space before "of", as the service writes it) where {@code <members>} is
   *     {@code ["AA==","/w==","AA=="]} (base64, quoted, no spaces, byte order up to the repeat) in the current
   *     wording and {@code [/w==, AA==, AA==]} (as sent) in the legacy one
   */
  public static AttributeValue.BS binarySet(List<Bytes> members, ValidationWording wording) {
    if (members.isEmpty()) {
      throw DynamoException.validation(EMPTY_BINARY_SET);
    }
    LinkedHashSet<Bytes> set = new LinkedHashSet<>(members);
    if (set.size() != members.size()) {
      String listing = wording == ValidationWording.CURRENT
          ? duplicateListing(members, Comparator.naturalOrder(), m -> '"' + m.toBase64() + '"', ",")
          : asSent(members, Bytes::toBase64);
      throw DynamoException.validation(INVALID + "Input collection " + listing + "of type BS contains duplicates.");
    }
    return new AttributeValue.BS(set);
  }

  /**
   * How the current checker lists a set with a repeat: the members before the first repeat in byte order,
   * then the repeated member, then the members after it as sent. For SS {@code b, a, b} that is
   * {@code ["a", "b", "b"]}; for BS {@code /w==, AA==, AA==} it is {@code ["AA==","/w==","AA=="]}
   * (conformance suite, valueLayers.test.ts: the service apparently fills a sorted set and prints it when an
   * insert fails). Quotes inside members are not escaped: no capture shows how the service escapes them.
   */
  static <T> String duplicateListing(
      List<T> members, Comparator<? super T> order, Function<T, String> render, String separator) {
    TreeSet<T> seen = new TreeSet<>(order);
    List<T> listed = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      T m = members.get(i);
      if (!seen.add(m)) {
        listed.addAll(seen);
        listed.add(m);
        listed.addAll(members.subList(i + 1, members.size()));
        break;
      }
    }
    StringJoiner j = new StringJoiner(separator, "[", "]");
    for (T m : listed) {
      j.add(render.apply(m));
    }
    return j.toString();
  }

  /** The legacy listing: members as sent, unquoted, comma-space separated. */
  private static <T> String asSent(List<T> members, Function<T, String> render) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (T m : members) {
      j.add(render.apply(m));
    }
    return j.toString();
  }

  /**
   * Whether a value error is one that PutItem, UpdateItem and DeleteItem report inside the
   * {@code "1 validation error detected: "} envelope wherever the value sits (item, key, expression value,
   * Expected, AttributeUpdates): a malformed number and a duplicate set member, in the current wording. Captured in
   * four regions, 2026-10 (conformance suite, valueLayers.test.ts). Empty sets, NULL false and nesting are not
   * pinned by any capture and stay bare.
   */
  public static boolean reportedInEnvelope(String message) {
    return message.startsWith(Numbers.NOT_NUMERIC) || message.equals(Numbers.OVERFLOW)
        || message.equals(Numbers.UNDERFLOW) || message.equals(Numbers.TOO_MANY_DIGITS)
        || message.equals(NUMBER_SET_DUPLICATES)
        || (message.startsWith(INVALID + "Input collection [") && message.endsWith("contains duplicates."));
  }

  /** Deepest level an attribute value may reach, counting the attribute itself as level 1. */
  public static final int MAX_NESTING_LEVELS = 32;

  public static final String NESTING_TOO_DEEP = "Nesting Levels have exceeded supported limits: Attributes in the item"
      + " have nested levels beyond supported limit";

  /**
   * Checks that no value of an item lies deeper than {@link #MAX_NESTING_LEVELS}: a top-level attribute is level 1
   * and each enclosing M or L adds one, so 31 nested maps around a string are accepted and 32 are not. Captured
   * against the service in 2026 for PutItem, BatchWriteItem and TransactWriteItems (conformance suite,
   * nestingDepth.test.ts); the Developer Guide states the 32-level limit.
   *
   * @throws DynamoException ValidationException {@link #NESTING_TOO_DEEP}
   */
  public static void checkNesting(Map<String, AttributeValue> item) {
    for (AttributeValue v : item.values()) {
      checkNesting(v, 1);
    }
  }

  private static void checkNesting(AttributeValue v, int level) {
    if (level > MAX_NESTING_LEVELS) {
      throw DynamoException.validation(NESTING_TOO_DEEP);
    }
    if (v instanceof AttributeValue.M m) {
      for (AttributeValue child : m.value().values()) {
        checkNesting(child, level + 1);
      }
    } else if (v instanceof AttributeValue.L l) {
      for (AttributeValue child : l.value()) {
        checkNesting(child, level + 1);
      }
    }
  }
}
