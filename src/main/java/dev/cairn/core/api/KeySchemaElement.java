package dev.cairn.core.api;

/**
 * One element of a key schema. A table or local index has one {@code HASH} element and at most one
 * {@code RANGE} element; a global secondary index may have up to four of each (multi-attribute keys), all
 * {@code HASH} elements first. Source: DynamoDB API Reference, Data Types, "KeySchemaElement" and
 * "GlobalSecondaryIndex" (KeySchema: "Minimum number of 1 item", no maximum since multi-attribute keys).
 *
 * @param attributeName 1..255 characters
 * @param keyType       {@code HASH} or {@code RANGE}
 */
public record KeySchemaElement(String attributeName, String keyType) {
  /** Key type of a partition key element. */
  public static final String HASH = "HASH";
  /** Key type of a sort key element. */
  public static final String RANGE = "RANGE";

  /**
   * The service's rendering of an element inside a constraint message, e.g.
   * {@code KeySchemaElement(attributeName=a, keyType=HASH)} (confirmed by moto's test of the real text for an
   * oversized KeySchema).
   */
  public String coralString() {
    return "KeySchemaElement(attributeName=" + attributeName + ", keyType=" + keyType + ")";
  }
}
