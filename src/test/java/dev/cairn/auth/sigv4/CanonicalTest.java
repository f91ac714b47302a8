package dev.cairn.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical forms of "Create a signed AWS API request", step 1. */
class CanonicalTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/                | /",
      "''               | /",
      "/a/b/../c        | /a/c",
      "/a/./b/          | /a/b/",
      "/%E1%88%B4       | /%25E1%2588%25B4",
      "/a b~c_d-e.f     | /a%20b~c_d-e.f",
      "/Orders:x        | /Orders%3Ax",
  })
  void canonicalUri_encodesEachSegmentOfTheWirePath(String raw, String expected) {
    assertEquals(expected, Canonical.canonicalUri(raw));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                          | ''",
      "b=2&a=1&A=0                 | A=0&a=1&b=2",
      "a=2&a=1                     | a=1&a=2",
      "flag&x=%20y                 | flag=&x=%20y",
      "k=a+b                       | k=a%2Bb",
      "k=%7e%2f                    | k=~%2F",
      "&&k=v&                      | k=v",
  })
  void canonicalQuery_sortsAndReencodes(String raw, String expected) {
    assertEquals(expected, Canonical.canonicalQuery(raw));
  }

  @Test
  void canonicalHeaderValue_trimsCollapsesAndJoins() {
    assertEquals("a b c", Canonical.canonicalHeaderValue(List.of("  a   b \t c  ")));
    assertEquals("1,2 3", Canonical.canonicalHeaderValue(List.of(" 1 ", "2   3")));
    assertEquals("", Canonical.canonicalHeaderValue(List.of()));
  }

  @Test
  void canonicalRequest_matchesDocumentedLayout() {
    RequestHeaders headers = RequestHeaders.builder()
        .add("Host", "example.amazonaws.com")
        .add("X-Amz-Date", "20150830T123600Z")
        .add("X-Multi", "b")
        .add("x-multi", " a ")
        .build();
    SigV4Request request = SigV4Request.of("GET", "/", "", headers, new byte[0], java.time.Instant.EPOCH);
    assertEquals("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-multi:b,a\n\n"
            + "host;x-amz-date;x-multi\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Canonical.canonicalRequest(request, "host;x-amz-date;x-multi"));
  }

  @Test
  void uriEncode_encodesUtf8BytesUppercase() {
    assertEquals("%C3%A9%2B%2A%25", Canonical.uriEncode("é+*%"));
  }
}
