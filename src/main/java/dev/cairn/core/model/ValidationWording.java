package dev.cairn.core.model;

/**
 * Which of DynamoDB's two attribute-value checkers an operation imitates: they word a malformed number and a
 * duplicate set member differently.
 *
 * <p>Captured against the service in four regions (2026-10): {@link #CURRENT} answers PutItem, UpdateItem,
 * DeleteItem, GetItem, BatchGetItem and Query; {@link #LEGACY} answers BatchWriteItem, TransactWriteItems,
 * TransactGetItems and Scan (one region already answers transactions in the current wording). Source: the
 * public conformance suite {@code paritysuite/dynamodb-conformance}, {@code tests/tier3/error-messages/
 * valueLayers.test.ts}; the API Reference gives no message texts. Neither wording includes the
 * {@code "1 validation error detected: "} envelope that the current checker's operations add around it:
 * callers add that themselves.
 */
public enum ValidationWording {
  /**
   * The current checker: a malformed number always echoes its text after a colon (an empty one as
   * {@code ": "}), exponents are read as 64-bit integers, duplicate members are quoted and listed in byte
   * order up to the repeat.
   */
  CURRENT,
  /**
   * The older checker: numbers are read as {@link java.math.BigDecimal} reads them (32-bit exponent and scale;
   * the range check wraps), an empty number has no colon, duplicates are listed as sent and unquoted, and the
   * number-set duplicate message has no prefix or full stop.
   */
  LEGACY
}
