package dev.cairn.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A SigV4 signing key: the last link of the HMAC chain {@code "AWS4" + secret -> date -> region -> service
 * -> "aws4_request"} (IAM User Guide, "Create a signed AWS API request", step 4, "Calculate the signature").
 *
 * <p>A signing key is valid only for its {@link #scope()}: one access key, one day, one region, one service.
 * Deriving it costs four HMACs, so callers cache it ({@link SigningKeyCache}). Handing the derived key
 * rather than the secret to the gateway keeps secrets inside the component that decrypts them.
 *
 * <p>Immutable; the key bytes are never exposed outside this package and never printed.
 */
public final class SigningKey {
  private final String accessKeyId;
  private final CredentialScope scope;
  private final byte[] key;

  private SigningKey(String accessKeyId, CredentialScope scope, byte[] key) {
    this.accessKeyId = accessKeyId;
    this.scope = scope;
    this.key = key;
  }

  /**
   * Derives the signing key for a secret access key and a scope.
   *
   * @param accessKeyId the access key id the secret belongs to (kept to check that the key matches a request)
   * @param secretAccessKey the secret access key, as issued
   * @param scope the credential scope of the request
   * @throws NullPointerException when an argument is null
   */
  public static SigningKey derive(String accessKeyId, String secretAccessKey, CredentialScope scope) {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(scope, "scope");
    byte[] kDate = Hashing.hmacSha256(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), scope.date());
    byte[] kRegion = Hashing.hmacSha256(kDate, scope.region());
    byte[] kService = Hashing.hmacSha256(kRegion, scope.service());
    byte[] kSigning = Hashing.hmacSha256(kService, CredentialScope.TERMINATOR);
    return new SigningKey(accessKeyId, scope, kSigning);
  }

  /** The access key id this key was derived for. */
  public String accessKeyId() {
    return accessKeyId;
  }

  /** The scope this key signs for. */
  public CredentialScope scope() {
    return scope;
  }

  /** HMAC-SHA256 of the string to sign, lowercase hex: the SigV4 signature. */
  String sign(String stringToSign) {
    return Hashing.hex(Hashing.hmacSha256(key, stringToSign));
  }

  @Override
  public String toString() {
    return "SigningKey[" + accessKeyId + ", " + scope.value() + ']';
  }
}
