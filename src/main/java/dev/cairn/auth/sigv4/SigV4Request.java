package dev.cairn.auth.sigv4;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The parts of one HTTP request that Signature Version 4 covers, as received on the wire.
 *
 * <p>{@code rawPath} and {@code rawQuery} are exactly as they appear in the request line (still
 * percent-encoded; the query without its {@code ?}, empty when there is none). {@code payloadSha256}
 * is the lowercase hex SHA-256 of the body bytes as received, computed by the server: SigV4 never trusts
 * a client-supplied hash for the canonical request. {@code receivedAt} is the server's clock when the
 * request arrived; the 15-minute skew window is measured against it.
 *
 * <p>Immutable; all members non-null.
 *
 * @param method HTTP method, e.g. {@code POST}
 * @param rawPath request path as sent, e.g. {@code /}
 * @param rawQuery query string as sent without {@code ?}, or {@code ""}
 * @param headers all request headers
 * @param payloadSha256 lowercase hex SHA-256 of the body (64 characters)
 * @param receivedAt when the request arrived, by the server's clock
 */
public record SigV4Request(
    String method, String rawPath, String rawQuery, RequestHeaders headers, String payloadSha256, Instant receivedAt) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /**
   * Validates the members.
   *
   * @throws NullPointerException when a member is null
   * @throws IllegalArgumentException when {@code payloadSha256} is not 64 lowercase hex digits
   */
  public SigV4Request {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(rawQuery, "rawQuery");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(payloadSha256, "payloadSha256");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (!SHA256_HEX.matcher(payloadSha256).matches()) {
      throw new IllegalArgumentException("payloadSha256 must be 64 lowercase hex digits");
    }
  }

  /**
   * A request view whose payload hash is computed here from the body bytes.
   *
   * @param body the request body as received (empty array for none); not retained
   */
  public static SigV4Request of(
      String method, String rawPath, String rawQuery, RequestHeaders headers, byte[] body, Instant receivedAt) {
    return new SigV4Request(method, rawPath, rawQuery, headers, Hashing.sha256Hex(body), receivedAt);
  }
}
