package dev.cairn.auth.sigv4;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of the first SigV4 phase: a well-formed {@code Authorization} header whose date lies in the
 * skew window and whose scope names the right service, not yet checked against any secret.
 *
 * <p>The caller looks up {@link #accessKeyId()} (and, for {@code ASIA} session keys,
 * {@link #securityToken()}) in its credential store, possibly asynchronously, then calls
 * {@link SigV4Verifier#verify}. Immutable.
 *
 * @param accessKeyId the key id from {@code Credential=}; not yet known to exist
 * @param scope the credential scope
 * @param signedHeaders the {@code SignedHeaders=} value exactly as sent, e.g. {@code host;x-amz-date}
 * @param signature the {@code Signature=} value as sent (expected: 64 lowercase hex digits)
 * @param amzDate the {@code X-Amz-Date} (or {@code Date}) value, {@code YYYYMMDD'T'HHMMSS'Z'}
 * @param requestTime {@code amzDate} as an instant
 * @param securityToken the {@code X-Amz-Security-Token} header, present for temporary credentials
 */
public record ParsedAuthorization(
    String accessKeyId,
    CredentialScope scope,
    String signedHeaders,
    String signature,
    String amzDate,
    Instant requestTime,
    Optional<String> securityToken) {

  /**
   * Checks that no member is null; only {@link SigV4Verifier#parse} creates meaningful instances.
   *
   * @throws NullPointerException when a member is null
   */
  public ParsedAuthorization {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(signedHeaders, "signedHeaders");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(amzDate, "amzDate");
    Objects.requireNonNull(requestTime, "requestTime");
    Objects.requireNonNull(securityToken, "securityToken");
  }

  /** The signed header names in the order sent (split on {@code ;}). */
  public List<String> signedHeaderNames() {
    return signedHeaders.isEmpty() ? List.of() : List.of(signedHeaders.split(";", -1));
  }

  @Override
  public String toString() {
    // The security token is a bearer credential: never print it.
    return "ParsedAuthorization[accessKeyId=" + accessKeyId + ", scope=" + scope.value()
        + ", signedHeaders=" + signedHeaders + ", amzDate=" + amzDate
        + ", securityToken=" + (securityToken.isPresent() ? "<present>" : "<absent>") + ']';
  }
}
