package dev.cairn.core.api;

/**
 * Requested server-side encryption. Cairn records it and reports it in {@code SSEDescription}; encryption at
 * rest is PostgreSQL's concern. Source: DynamoDB API Reference, Data Types, "SSESpecification".
 *
 * @param enabled        {@code true} for a KMS key, {@code false} or absent for the AWS-owned key
 * @param sseType        {@code KMS} (or {@code AES256}, which the service refuses)
 * @param kmsMasterKeyId key id, ARN or alias; at least 1 character
 */
public record SSESpecification(Boolean enabled, String sseType, String kmsMasterKeyId) {
}
