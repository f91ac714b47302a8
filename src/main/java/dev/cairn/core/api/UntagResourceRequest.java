package dev.cairn.core.api;

import java.util.List;

/**
 * UntagResource input: removes tag keys; absent keys are ignored. Source: DynamoDB API Reference,
 * "UntagResource", Request Parameters.
 *
 * @param resourceArn 1..1283 characters; required
 * @param tagKeys     at least one; required
 */
public record UntagResourceRequest(String resourceArn, List<String> tagKeys) {
}
