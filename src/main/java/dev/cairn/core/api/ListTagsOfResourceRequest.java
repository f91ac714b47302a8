package dev.cairn.core.api;

/**
 * ListTagsOfResource input. Source: DynamoDB API Reference, "ListTagsOfResource", Request Parameters.
 *
 * @param resourceArn 1..1283 characters; required
 * @param nextToken   the {@code NextToken} of a previous page, or {@code null}; the service ignores an invalid
 *                    token and returns the first page
 */
public record ListTagsOfResourceRequest(String resourceArn, String nextToken) {
}
