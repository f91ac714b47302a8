package dev.cairn.auth.sigv4;

import java.util.Objects;

/**
 * The credential scope of a SigV4 signature: {@code date/region/service/aws4_request}.
 *
 * <p>The date is the UTC day of the request in {@code YYYYMMDD} form; region and service are as the client
 * wrote them. Source: IAM User Guide, "Elements of an AWS API request signature", credential scope.
 *
 * @param date {@code YYYYMMDD}
 * @param region e.g. {@code us-east-1}; Cairn accepts any well-formed region name
 * @param service the signing name, {@code dynamodb} for DynamoDB and DynamoDB Streams
 */
public record CredentialScope(String date, String region, String service) {
  /** The fixed fourth element of every SigV4 scope. */
  public static final String TERMINATOR = "aws4_request";

  /**
   * Checks that no member is null; the values themselves are checked by {@link SigV4Verifier#parse}.
   *
   * @throws NullPointerException when a member is null
   */
  public CredentialScope {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(service, "service");
  }

  /** The scope as it appears in the string to sign: {@code date/region/service/aws4_request}. */
  public String value() {
    return date + '/' + region + '/' + service + '/' + TERMINATOR;
  }
}
