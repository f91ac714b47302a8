package dev.cairn.auth.sigv4;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;

/**
 * The authentication errors DynamoDB returns, with its exact texts, in one place.
 *
 * <p>Texts and error types were recorded from the service by dynalite (check order in its {@code index.js})
 * and confirmed by client reports of live DynamoDB responses; where the service's wording changed over time
 * the newer one is used ({@code 'Host' or ':authority'}). No message ever contains a secret; some repeat the
 * client's own {@code Authorization} header, as DynamoDB does.
 */
public final class SigV4Errors {
  /** DynamoDB's text for a signature that does not match. */
  public static final String SIGNATURE_MISMATCH =
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret"
          + " Access Key and signing method. Consult the service documentation for details.";

  private SigV4Errors() {}

  /** {@code MissingAuthenticationTokenException}: no {@code Authorization} header, or not a SigV4 one. */
  public static DynamoException missingAuthenticationToken() {
    return DynamoException.of(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
  }

  /** {@code UnrecognizedClientException} for an access key id that does not exist or is inactive. */
  public static DynamoException unrecognizedAccessKey() {
    return DynamoException.of(
        ErrorCode.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
  }

  /**
   * {@code UnrecognizedClientException} for a missing, unknown or expired {@code X-Amz-Security-Token}
   * (DynamoDB's text here has no final period).
   */
  public static DynamoException invalidSecurityToken() {
    return DynamoException.of(
        ErrorCode.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid");
  }

  /** {@code InvalidSignatureException}: the signature does not match the request. */
  public static DynamoException signatureMismatch() {
    return DynamoException.of(ErrorCode.INVALID_SIGNATURE, SIGNATURE_MISMATCH);
  }

  static DynamoException incomplete(String message) {
    return DynamoException.of(ErrorCode.INCOMPLETE_SIGNATURE, message);
  }

  static DynamoException invalid(String message) {
    return DynamoException.of(ErrorCode.INVALID_SIGNATURE, message);
  }

  static DynamoException notKeyValuePair(String piece, String authorization) {
    return incomplete("'" + piece + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
        + authorization + "'.");
  }

  static String requiresParameter(String name) {
    return "Authorization header requires '" + name + "' parameter. ";
  }

  static final String REQUIRES_DATE =
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";

  static DynamoException badDateFormat(String value) {
    return incomplete("Date must be in ISO-8601 'basic format'. Got '" + value
        + "'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  static DynamoException expired(String requestDate, String earliest, String now, long skewMinutes) {
    return invalid("Signature expired: " + requestDate + " is now earlier than " + earliest + " (" + now + " - "
        + skewMinutes + " min.)");
  }

  static DynamoException notYetCurrent(String requestDate, String latest, String now, long skewMinutes) {
    return invalid("Signature not yet current: " + requestDate + " is still later than " + latest + " (" + now
        + " + " + skewMinutes + " min.)");
  }

  static DynamoException hostNotSigned() {
    return invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  static DynamoException unsupportedAlgorithm(String algorithm) {
    return incomplete("Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now). ");
  }

  static DynamoException credentialElements(String credential) {
    return incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
        + " got '" + credential + "'");
  }

  static String badRegion(String region) {
    return "Credential should be scoped to a valid region, not '" + region + "'. ";
  }

  static String badService(String expected) {
    return "Credential should be scoped to correct service: '" + expected + "'. ";
  }

  static String badTerminator(String terminator) {
    return "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'. ";
  }

  static String dateMismatch(String scopeDate, String requestDay, String amzDate) {
    return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '" + scopeDate
        + "' != '" + requestDay + "', from '" + amzDate + "'.";
  }
}
