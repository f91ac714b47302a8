package dev.cairn.core.api;

/** The input of actions that take no parameters (DescribeEndpoints, DescribeLimits). */
public record EmptyRequest() {
  public static final EmptyRequest INSTANCE = new EmptyRequest();
}
