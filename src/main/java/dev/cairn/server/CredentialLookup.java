package dev.cairn.server;

/** Asks {@link AuthVerticle} for the credential of an access key id. */
public record CredentialLookup(String accessKeyId) {
}
