package dev.cairn.core.api;

/** UntagResource output: an empty JSON object. Source: DynamoDB API Reference, "UntagResource", Response Elements. */
public record UntagResourceResponse() {
  /** The one instance. */
  public static final UntagResourceResponse INSTANCE = new UntagResourceResponse();
}
