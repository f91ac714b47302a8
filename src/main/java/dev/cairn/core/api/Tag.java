package dev.cairn.core.api;

/**
 * A resource tag. Source: DynamoDB API Reference, Data Types, "Tag" (key 1..128 characters, value 0..256,
 * both required).
 */
public record Tag(String key, String value) {
}
