package dev.cairn.core.api;

/** TagResource output: an empty JSON object. Source: DynamoDB API Reference, "TagResource", Response Elements. */
public record TagResourceResponse() {
  /** The one instance. */
  public static final TagResourceResponse INSTANCE = new TagResourceResponse();
}
