package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the JDK's HTTP server on 127.0.0.1: request shape, keep-alive, and reconnects. */
class DynamoConnectionTest {
  private HttpServer server;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private volatile boolean close;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      clientPorts.add(ex.getRemoteAddress().getPort());
      byte[] in = ex.getRequestBody().readAllBytes();
      seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("X-amz-target")
          + " " + ex.getRequestHeaders().getFirst("Content-type") + " " + new String(in, StandardCharsets.UTF_8));
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      boolean ok = auth != null && auth.startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
          && auth.contains("/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=")
          && ex.getRequestHeaders().getFirst("X-amz-date") != null;
      byte[] out = (ok ? "{\"TableNames\":[]}" : "{\"__type\":\"x#MissingAuthenticationTokenException\"}")
          .getBytes(StandardCharsets.UTF_8);
      if (close) {
        ex.getResponseHeaders().add("Connection", "close");
      }
      ex.sendResponseHeaders(ok ? 200 : 400, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Endpoint endpoint() {
    return new Endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null, "AKIDTEST", "secret",
        "us-east-1");
  }

  @Test
  void call_severalRequests_oneKeepAliveConnection() throws Exception {
    try (DynamoConnection c = new DynamoConnection(endpoint())) {
      for (int i = 0; i < 5; i++) {
        HttpResponseReader.Response r = c.call("ListTables", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.bodyText());
        assertEquals("{\"TableNames\":[]}", r.bodyText());
      }
    }
    assertEquals(1, clientPorts.size());
    assertEquals("POST / DynamoDB_20120810.ListTables application/x-amz-json-1.0 {}", seen.get(0));
  }

  @Test
  void call_serverClosesAfterEachResponse_reconnects() throws Exception {
    close = true;
    try (DynamoConnection c = new DynamoConnection(endpoint())) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, c.call("ListTables", "{}".getBytes(StandardCharsets.UTF_8)).status());
      }
    }
    assertEquals(3, clientPorts.size());
  }

  @Test
  void head_hostHeaderCarriesThePort() {
    try (DynamoConnection c = new DynamoConnection(endpoint())) {
      String head = new String(c.head("GetItem", new byte[3]), StandardCharsets.ISO_8859_1);
      assertTrue(head.startsWith("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + server.getAddress().getPort() + "\r\n"), head);
      assertTrue(head.contains("\r\nContent-Length: 3\r\n\r\n"), head);
    }
  }
}
