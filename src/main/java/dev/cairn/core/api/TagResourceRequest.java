package dev.cairn.core.api;

import java.util.List;

/**
 * TagResource input: adds or overwrites tags on a table (or stream) ARN. Source: DynamoDB API Reference,
 * "TagResource", Request Parameters.
 *
 * @param resourceArn 1..1283 characters; required
 * @param tags        at least one; required
 */
public record TagResourceRequest(String resourceArn, List<Tag> tags) {
}
