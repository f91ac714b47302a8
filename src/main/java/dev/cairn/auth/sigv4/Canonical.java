package dev.cairn.auth.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The canonical forms of SigV4 (IAM User Guide, "Create a signed AWS API request", step 1 "Create a
 * canonical request" and step 2 "Create a hash of the canonical request"; "Elements of an AWS API request
 * signature").
 */
final class Canonical {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private Canonical() {}

  /**
   * The canonical request:
   * {@code METHOD \n URI \n QUERY \n HEADERS \n SIGNED_HEADERS \n PAYLOAD_HASH}, where HEADERS ends with its own
   * newline per header.
   */
  static String canonicalRequest(SigV4Request request, String signedHeaders) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(request.method()).append('\n');
    sb.append(canonicalUri(request.rawPath())).append('\n');
    sb.append(canonicalQuery(request.rawQuery())).append('\n');
    for (String name : signedHeaders.isEmpty() ? new String[0] : signedHeaders.split(";", -1)) {
      sb.append(name.toLowerCase(Locale.ROOT)).append(':')
          .append(canonicalHeaderValue(request.headers().all(name))).append('\n');
    }
    sb.append('\n').append(signedHeaders).append('\n').append(request.payloadSha256());
    return sb.toString();
  }

  /** {@code AWS4-HMAC-SHA256 \n amzDate \n scope \n hex(sha256(canonicalRequest))}. */
  static String stringToSign(String amzDate, CredentialScope scope, String canonicalRequest) {
    return ALGORITHM + '\n' + amzDate + '\n' + scope.value() + '\n' + Hashing.sha256Hex(canonicalRequest);
  }

  /**
   * The canonical URI of a path as received: dot segments removed (RFC 3986 §5.2.4, as the SDKs normalize
   * for every service but S3), then each segment URI-encoded. The path on the wire is already encoded once,
   * so this is the "encoded twice" form AWS documents for services other than S3.
   */
  static String canonicalUri(String rawPath) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    String path = removeDotSegments(rawPath.startsWith("/") ? rawPath : "/" + rawPath);
    StringBuilder sb = new StringBuilder(path.length() + 8);
    int start = 0;
    while (true) {
      int slash = path.indexOf('/', start);
      String segment = slash < 0 ? path.substring(start) : path.substring(start, slash);
      sb.append(uriEncode(segment));
      if (slash < 0) {
        break;
      }
      sb.append('/');
      start = slash + 1;
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }

  private static String removeDotSegments(String path) {
    String[] segments = path.split("/", -1);
    Deque<String> out = new ArrayDeque<>();
    // segments[0] is the empty string before the leading slash.
    for (int i = 1; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".")) {
        if (last) out.addLast("");
      } else if (s.equals("..")) {
        if (!out.isEmpty()) out.removeLast();
        if (last) out.addLast("");
      } else {
        out.addLast(s);
      }
    }
    return "/" + String.join("/", out);
  }

  /**
   * The canonical query string: each parameter name and value percent-decoded as received, re-encoded with
   * {@link #uriEncode}, sorted by name then value, joined as {@code name=value&...}; a parameter without
   * {@code =} gets an empty value.
   */
  static String canonicalQuery(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> params = new ArrayList<>();
    for (String piece : rawQuery.split("&")) {
      if (piece.isEmpty()) {
        continue;
      }
      int eq = piece.indexOf('=');
      String name = eq < 0 ? piece : piece.substring(0, eq);
      String value = eq < 0 ? "" : piece.substring(eq + 1);
      params.add(new String[] {uriEncode(percentDecode(name)), uriEncode(percentDecode(value))});
    }
    params.sort((a, b) -> {
      int byName = a[0].compareTo(b[0]);
      return byName != 0 ? byName : a[1].compareTo(b[1]);
    });
    StringBuilder sb = new StringBuilder(rawQuery.length() + 8);
    for (String[] p : params) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(p[0]).append('=').append(p[1]);
    }
    return sb.toString();
  }

  /**
   * The canonical value of one header: each value trimmed with runs of spaces and tabs collapsed to one space,
   * repeated values joined by commas in arrival order; empty when the header is absent.
   */
  static String canonicalHeaderValue(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String v = values.get(i).strip();
      boolean inSpace = false;
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == ' ' || c == '\t') {
          if (!inSpace) {
            sb.append(' ');
          }
          inSpace = true;
        } else {
          sb.append(c);
          inSpace = false;
        }
      }
    }
    return sb.toString();
  }

  /**
   * SigV4 URI encoding: every UTF-8 byte except the unreserved characters {@code A-Z a-z 0-9 - _ . ~} becomes
   * {@code %XX} with uppercase hex (so a space is {@code %20}, never {@code +}).
   */
  static String uriEncode(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /** Decodes {@code %XX} escapes (UTF-8); a malformed escape is kept literally. {@code +} stays {@code +}. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()
          && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
        out.write(Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          utf8 = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(utf8, 0, utf8.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
