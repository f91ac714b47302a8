package dev.cairn.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The non-API surface: health check, and the plain-HTTP port that only redirects. */
class HttpSurfaceIT {
  static CairnFixture fixture;
  static RawClient raw;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = CairnFixture.get();
    raw = new RawClient(fixture);
  }

  @Test
  void health_answersWithoutAuth() throws Exception {
    RawClient.Response r = raw.get(fixture.endpoint().resolve("/health"));
    assertEquals(200, r.status());
    assertEquals("{\"status\":\"UP\",\"postgres\":\"UP\"}", r.body());
  }

  @Test
  void plainHttp_answers301ToHttpsAndServesNoData() throws Exception {
    HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    URI http = fixture.redirectUrl();
    HttpResponse<String> post = plain.send(HttpRequest.newBuilder(http.resolve("/"))
        .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(301, post.statusCode());
    assertEquals(fixture.endpoint() + "/", post.headers().firstValue("Location").orElseThrow());
    assertEquals("", post.body());
    HttpResponse<String> get = plain.send(HttpRequest.newBuilder(http.resolve("/health?x=1")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(301, get.statusCode());
    assertEquals(fixture.endpoint() + "/health?x=1", get.headers().firstValue("Location").orElseThrow());
    assertTrue(get.body().isEmpty());
  }
}
