package dev.cairn.auth.sigv4;

import dev.cairn.core.error.DynamoException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Verifies AWS Signature Version 4 {@code Authorization} headers the way DynamoDB does, in two phases.
 *
 * <ol>
 *   <li>{@link #parse} reads the header and checks everything that needs no secret, in DynamoDB's order:
 *       header present; {@code key=value} syntax; {@code Credential}, {@code Signature}, {@code SignedHeaders}
 *       and a date header present; date format; skew window; {@code host} signed; algorithm; credential
 *       shape; scope (region, service, terminator, date). The caller then looks the access key up, possibly
 *       asynchronously, and answers {@link SigV4Errors#unrecognizedAccessKey()} when it does not exist.
 *   <li>{@link #verify} recomputes the signature with the derived {@link SigningKey} and compares it in
 *       constant time.
 * </ol>
 *
 * <p>Decisions (IAM User Guide, "Create a signed AWS API request"; "Elements of an AWS API request
 * signature"):
 * <ul>
 *   <li>The payload hash in the canonical request is always the server's own SHA-256 of the body: the AWS
 *       CLI sends no {@code x-amz-content-sha256}. When the header is present it must equal that hash, so
 *       {@code UNSIGNED-PAYLOAD} and a stale hash both fail with the signature-mismatch error: DynamoDB is
 *       not S3 and has no unsigned-payload mode.
 *   <li>Any well-formed region is accepted; the service must be {@code dynamodb} (the SDKs sign DynamoDB
 *       Streams requests with the signing name {@code dynamodb} too).
 *   <li>{@code X-Amz-Date} wins over {@code Date}; both must be in ISO-8601 basic format
 *       ({@code 20260101T000000Z}). The window is ±15 minutes around {@link SigV4Request#receivedAt()}.
 *   <li>Presigned (query-string) authentication is not supported: a request without an {@code Authorization}
 *       header gets {@code MissingAuthenticationTokenException}, whatever its query holds. DynamoDB clients
 *       never presign.
 *   <li>For HTTP/2 the gateway must expose {@code :authority} as the {@code host} header.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Every failure is a {@link DynamoException} with DynamoDB's
 * error type and text ({@link SigV4Errors}); no message contains a secret.
 */
public final class SigV4Verifier {
  /** The DynamoDB signing name; DynamoDB Streams uses it too. */
  public static final String DEFAULT_SERVICE = "dynamodb";
  /** DynamoDB's clock-skew window. */
  public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern REGION = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final String service;
  private final Duration maxSkew;

  /**
   * A verifier for another signing name or window (tests, AWS test-suite vectors).
   *
   * @param service the only service accepted in the credential scope
   * @param maxSkew how far {@code X-Amz-Date} may lie from the server clock, each way; whole minutes
   * @throws IllegalArgumentException when {@code maxSkew} is not a positive whole number of minutes
   */
  public SigV4Verifier(String service, Duration maxSkew) {
    this.service = Objects.requireNonNull(service, "service");
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
    if (maxSkew.isNegative() || maxSkew.isZero() || maxSkew.toSeconds() % 60 != 0) {
      throw new IllegalArgumentException("maxSkew must be a positive whole number of minutes");
    }
  }

  /** The DynamoDB verifier: service {@code dynamodb}, 15 minutes of skew. */
  public static SigV4Verifier dynamoDb() {
    return new SigV4Verifier(DEFAULT_SERVICE, DEFAULT_MAX_SKEW);
  }

  /**
   * Phase one: parses and checks the {@code Authorization} header without any secret.
   *
   * @return the credential to look up and the signature to check
   * @throws DynamoException {@code MissingAuthenticationTokenException} without a SigV4 header;
   *     {@code IncompleteSignatureException} for a malformed header, a missing parameter or date, a bad date
   *     format, an unsupported algorithm or a credential without five elements;
   *     {@code InvalidSignatureException} for a date outside the window, an unsigned {@code host}, or a scope
   *     with a bad region, service, terminator or date
   */
  public ParsedAuthorization parse(SigV4Request request) {
    RequestHeaders headers = request.headers();
    Optional<String> header = headers.first("Authorization");
    if (header.isEmpty() || !header.get().strip().startsWith("AWS4-")) {
      throw SigV4Errors.missingAuthenticationToken();
    }
    String authorization = header.get();
    String trimmed = authorization.strip();

    int firstSeparator = indexOfSeparator(trimmed);
    String algorithm = firstSeparator < 0 ? trimmed : trimmed.substring(0, firstSeparator);
    String rest = firstSeparator < 0 ? "" : trimmed.substring(firstSeparator);
    Map<String, String> params = new HashMap<>();
    for (String token : tokens(rest)) {
      int eq = token.indexOf('=');
      if (eq < 0) {
        throw SigV4Errors.notKeyValuePair(token, authorization);
      }
      params.putIfAbsent(token.substring(0, eq), token.substring(eq + 1));
    }

    String credential = params.get("Credential");
    String signature = params.get("Signature");
    String signedHeaders = params.get("SignedHeaders");
    Optional<String> date = headers.first("X-Amz-Date").or(() -> headers.first("Date")).map(String::strip);
    StringBuilder missing = new StringBuilder();
    if (credential == null || credential.isEmpty()) missing.append(SigV4Errors.requiresParameter("Credential"));
    if (signature == null || signature.isEmpty()) missing.append(SigV4Errors.requiresParameter("Signature"));
    // DynamoDB accepts an empty SignedHeaders here and then fails on the unsigned host.
    if (signedHeaders == null) missing.append(SigV4Errors.requiresParameter("SignedHeaders"));
    if (date.isEmpty() || date.get().isEmpty()) missing.append(SigV4Errors.REQUIRES_DATE);
    if (missing.length() > 0) {
      throw SigV4Errors.incomplete(missing + "Authorization=" + authorization);
    }

    String amzDate = date.get();
    Instant requestTime = parseAmzDate(amzDate);
    checkSkew(amzDate, requestTime, request.receivedAt());

    boolean hostSigned = false;
    for (String name : signedHeaders.split(";", -1)) {
      hostSigned |= name.equalsIgnoreCase("host");
    }
    if (!hostSigned) {
      throw SigV4Errors.hostNotSigned();
    }

    if (!algorithm.equals(Canonical.ALGORITHM)) {
      throw SigV4Errors.unsupportedAlgorithm(algorithm);
    }

    // DynamoDB ignores trailing slashes of the credential.
    String cred = credential;
    while (cred.endsWith("/")) {
      cred = cred.substring(0, cred.length() - 1);
    }
    String[] parts = cred.split("/", -1);
    if (parts.length != 5) {
      throw SigV4Errors.credentialElements(cred);
    }
    String requestDay = amzDate.substring(0, 8);
    StringBuilder scopeErrors = new StringBuilder();
    if (!REGION.matcher(parts[2]).matches()) scopeErrors.append(SigV4Errors.badRegion(parts[2]));
    if (!parts[3].equals(service)) scopeErrors.append(SigV4Errors.badService(service));
    if (!parts[4].equals(CredentialScope.TERMINATOR)) scopeErrors.append(SigV4Errors.badTerminator(parts[4]));
    if (!parts[1].equals(requestDay)) scopeErrors.append(SigV4Errors.dateMismatch(parts[1], requestDay, amzDate));
    if (scopeErrors.length() > 0) {
      throw SigV4Errors.invalid(scopeErrors.toString());
    }

    return new ParsedAuthorization(
        parts[0],
        new CredentialScope(parts[1], parts[2], parts[3]),
        signedHeaders,
        signature,
        amzDate,
        requestTime,
        headers.first("X-Amz-Security-Token"));
  }

  /**
   * Phase two: recomputes the signature of the request with the signing key and compares it in constant
   * time.
   *
   * @param parsed the result of {@link #parse} for this same request
   * @param key the signing key derived for {@code parsed.accessKeyId()} and {@code parsed.scope()}
   * @throws DynamoException {@code InvalidSignatureException} ({@link SigV4Errors#SIGNATURE_MISMATCH}) when
   *     the signature differs or an {@code x-amz-content-sha256} header does not equal the body's hash
   * @throws IllegalArgumentException when the key was derived for another access key or scope (a caller bug)
   */
  public void verify(ParsedAuthorization parsed, SigV4Request request, SigningKey key) {
    if (!key.accessKeyId().equals(parsed.accessKeyId()) || !key.scope().equals(parsed.scope())) {
      throw new IllegalArgumentException("signing key does not belong to this credential scope");
    }
    Optional<String> declaredHash = request.headers().first("x-amz-content-sha256");
    if (declaredHash.isPresent() && !declaredHash.get().strip().equalsIgnoreCase(request.payloadSha256())) {
      throw SigV4Errors.signatureMismatch();
    }
    String expected = key.sign(stringToSign(parsed, request));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), parsed.signature().getBytes(StandardCharsets.UTF_8))) {
      throw SigV4Errors.signatureMismatch();
    }
  }

  /**
   * Both phases in one synchronous call, for callers whose secrets are at hand (tests, the management API):
   * parse, take the signing key from the cache or derive it from the looked-up secret (and cache it), verify.
   * The session token, if any, is not checked here.
   *
   * @param secretLookup the secret access key of an active access key id, or empty when there is none
   * @return the verified authorization
   * @throws DynamoException as {@link #parse} and {@link #verify}, and {@code UnrecognizedClientException}
   *     when the lookup finds no secret
   */
  public ParsedAuthorization authenticate(
      SigV4Request request, Function<String, Optional<String>> secretLookup, SigningKeyCache cache) {
    ParsedAuthorization parsed = parse(request);
    SigningKey key = cache.get(parsed.accessKeyId(), parsed.scope()).orElse(null);
    if (key == null) {
      String secret = secretLookup.apply(parsed.accessKeyId()).orElseThrow(SigV4Errors::unrecognizedAccessKey);
      key = SigningKey.derive(parsed.accessKeyId(), secret, parsed.scope());
      verify(parsed, request, key);
      // Cache only keys that verified once, so unknown or wrong secrets never fill the cache.
      cache.put(key);
      return parsed;
    }
    verify(parsed, request, key);
    return parsed;
  }

  /** The string to sign the server computes for the request; for diagnostics and tests. */
  public String stringToSign(ParsedAuthorization parsed, SigV4Request request) {
    return Canonical.stringToSign(
        parsed.amzDate(), parsed.scope(), Canonical.canonicalRequest(request, parsed.signedHeaders()));
  }

  private static int indexOfSeparator(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == ',') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The non-empty pieces of {@code s} between runs of whitespace ({@code \\s}: space, tab, CR, LF, VT, FF) and
   * commas; by hand, as this runs on every request.
   */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean separator = i == s.length() || isSeparator(s.charAt(i));
      if (separator && start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      } else if (!separator && start < 0) {
        start = i;
      }
    }
    return out;
  }

  private static boolean isSeparator(char c) {
    return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /** {@code yyyyMMdd'T'HHmmss'Z'} (strict: a real date and time of day), by hand, as this runs on every request. */
  static Instant parseAmzDate(String value) {
    if (value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z' || !digits(value, 0, 8)
        || !digits(value, 9, 15)) {
      throw SigV4Errors.badDateFormat(value);
    }
    try {
      return LocalDateTime.of(number(value, 0, 4), number(value, 4, 6), number(value, 6, 8), number(value, 9, 11),
          number(value, 11, 13), number(value, 13, 15)).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw SigV4Errors.badDateFormat(value);
    }
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }

  private void checkSkew(String amzDate, Instant requestTime, Instant receivedAt) {
    Instant now = receivedAt.truncatedTo(ChronoUnit.SECONDS);
    Instant earliest = now.minus(maxSkew);
    Instant latest = now.plus(maxSkew);
    if (requestTime.isBefore(earliest)) {
      throw SigV4Errors.expired(amzDate, format(earliest), format(now), maxSkew.toMinutes());
    }
    if (requestTime.isAfter(latest)) {
      throw SigV4Errors.notYetCurrent(amzDate, format(latest), format(now), maxSkew.toMinutes());
    }
  }

  private static String format(Instant instant) {
    return AMZ_DATE.format(instant.atOffset(ZoneOffset.UTC));
  }
}
