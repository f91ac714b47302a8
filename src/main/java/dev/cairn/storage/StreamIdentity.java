package dev.cairn.storage;

/**
 * Who made a change, as a stream record's {@code userIdentity} says: for Time to Live deletions the service
 * writes {@code {"Type": "Service", "PrincipalId": "dynamodb.amazonaws.com"}}; ordinary writes carry none.
 * Source: Developer Guide, "DynamoDB Streams and Time to Live"; DynamoDB Streams API
 * Reference, Data Types, "Identity".
 */
public record StreamIdentity(String type, String principalId) {
  /** The identity of deletions made by Time to Live. */
  public static final StreamIdentity TIME_TO_LIVE = new StreamIdentity("Service", "dynamodb.amazonaws.com");
}
