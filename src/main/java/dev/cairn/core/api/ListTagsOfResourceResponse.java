package dev.cairn.core.api;

import java.util.List;

/**
 * ListTagsOfResource output: the tags (the service always writes the {@code Tags} array, possibly empty) and
 * a {@code NextToken} only when more may follow. Source: DynamoDB API Reference, "ListTagsOfResource".
 */
public record ListTagsOfResourceResponse(List<Tag> tags, String nextToken) {
}
