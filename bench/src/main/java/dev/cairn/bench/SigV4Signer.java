package dev.cairn.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests with AWS Signature Version 4 (IAM User Guide, "Create a signed AWS API request"): canonical
 * request, string to sign, signature with the derived signing key. The signing key
 * ({@code HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request")}) is derived once per UTC
 * day and cached.
 *
 * <p>Not thread-safe (it keeps one {@link Mac} and {@link MessageDigest}); give each worker thread its own
 * signer. Only what the DynamoDB JSON protocol needs: path {@code /}, no query string (a query string is
 * accepted already in canonical form).
 */
public final class SigV4Signer {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final String accessKeyId;
  private final byte[] secretKey;
  private final String region;
  private final String service;
  private final Mac mac;
  private final MessageDigest sha256;
  private String cachedDay;
  private byte[] cachedSigningKey;
  private long cachedSecond = Long.MIN_VALUE;
  private String cachedAmzDate;

  /** A signer for one access key, region (e.g. {@code us-east-1}) and service ({@code dynamodb}). */
  public SigV4Signer(String accessKeyId, String secretAccessKey, String region, String service) {
    this.accessKeyId = accessKeyId;
    this.secretKey = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
    this.region = region;
    this.service = service;
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code X-Amz-Date} value for an instant, cached per second: {@code yyyyMMdd'T'HHmmss'Z'}. */
  public String amzDate(long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000);
    if (second != cachedSecond) {
      cachedAmzDate = AMZ_DATE.format(Instant.ofEpochSecond(second));
      cachedSecond = second;
    }
    return cachedAmzDate;
  }

  /**
   * The {@code Authorization} header value for a request.
   *
   * @param method     the HTTP method, e.g. {@code POST}
   * @param path       the canonical URI, e.g. {@code /}
   * @param query      the canonical query string ({@code ""} when none)
   * @param headers    the headers to sign, names in any case, values as sent (they are trimmed); must include
   *                   {@code host} and {@code x-amz-date}
   * @param amzDate    the {@code x-amz-date} value, which fixes the credential scope's date
   * @param body       the payload (hashed here)
   */
  public String authorization(String method, String path, String query, Map<String, String> headers,
      String amzDate, byte[] body) {
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> h : headers.entrySet()) {
      sorted.put(h.getKey().toLowerCase(Locale.ROOT), canonicalValue(h.getValue()));
    }
    StringBuilder canonical = new StringBuilder(256);
    canonical.append(method).append('\n').append(path).append('\n').append(query).append('\n');
    StringBuilder signedHeaders = new StringBuilder(64);
    for (Map.Entry<String, String> h : sorted.entrySet()) {
      canonical.append(h.getKey()).append(':').append(h.getValue()).append('\n');
      if (signedHeaders.length() > 0) {
        signedHeaders.append(';');
      }
      signedHeaders.append(h.getKey());
    }
    canonical.append('\n').append(signedHeaders).append('\n').append(hex(sha256(body)));
    String day = amzDate.substring(0, 8);
    String scope = day + '/' + region + '/' + service + "/aws4_request";
    String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
        + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    String signature = hex(hmac(signingKey(day), stringToSign.getBytes(StandardCharsets.UTF_8)));
    return ALGORITHM + " Credential=" + accessKeyId + '/' + scope + ", SignedHeaders=" + signedHeaders
        + ", Signature=" + signature;
  }

  /** The derived signing key for a day ({@code yyyyMMdd}), computed once per day. */
  byte[] signingKey(String day) {
    if (!day.equals(cachedDay)) {
      byte[] k = hmac(secretKey, day.getBytes(StandardCharsets.UTF_8));
      k = hmac(k, region.getBytes(StandardCharsets.UTF_8));
      k = hmac(k, service.getBytes(StandardCharsets.UTF_8));
      cachedSigningKey = hmac(k, "aws4_request".getBytes(StandardCharsets.UTF_8));
      cachedDay = day;
    }
    return cachedSigningKey;
  }

  private byte[] sha256(byte[] data) {
    return sha256.digest(data);
  }

  private byte[] hmac(byte[] key, byte[] data) {
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Trims the value and collapses runs of spaces, as the canonical header form requires. */
  static String canonicalValue(String value) {
    String v = value.strip();
    if (v.indexOf("  ") < 0 && v.indexOf('\t') < 0) {
      return v;
    }
    StringBuilder sb = new StringBuilder(v.length());
    boolean space = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ' ' || c == '\t') {
        if (!space) {
          sb.append(' ');
        }
        space = true;
      } else {
        sb.append(c);
        space = false;
      }
    }
    return sb.toString();
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
