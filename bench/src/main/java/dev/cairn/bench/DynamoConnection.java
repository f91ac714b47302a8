package dev.cairn.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive HTTP/1.1 connection to a DynamoDB-compatible endpoint, sending SigV4-signed JSON-protocol
 * requests ({@code POST /}, {@code X-Amz-Target: DynamoDB_20120810.<Action>},
 * {@code Content-Type: application/x-amz-json-1.0}) and reading {@code Content-Length} or chunked responses.
 *
 * <p>Not thread-safe: one connection per worker thread. Reconnects when the server closed the connection (after a
 * {@code Connection: close} response, or once when a reused connection fails). Every socket
 * read times out after {@link #READ_TIMEOUT_MILLIS}, so a stalled server cannot hang a run.
 */
public final class DynamoConnection implements AutoCloseable {
  /** Socket read timeout: a request that takes longer fails with an I/O error. */
  public static final int READ_TIMEOUT_MILLIS = 30_000;
  private static final String TARGET_PREFIX = "DynamoDB_20120810.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  private final Endpoint endpoint;
  private final SSLContext ssl;
  private final SigV4Signer signer;
  private final String hostHeader;
  private final Map<String, String> signed = new LinkedHashMap<>();
  private Socket socket;
  private OutputStream out;
  private HttpResponseReader reader;

  /** A connection (opened lazily on the first call). */
  public DynamoConnection(Endpoint endpoint) {
    this.endpoint = endpoint;
    try {
      this.ssl = endpoint.tls() ? endpoint.sslContext() : null;
    } catch (Exception e) {
      throw new IllegalStateException("cannot build TLS context: " + e.getMessage(), e);
    }
    this.signer = new SigV4Signer(endpoint.accessKey(), endpoint.secretKey(), endpoint.region(), "dynamodb");
    this.hostHeader = endpoint.hostHeader();
  }

  /**
   * Sends one action and waits for its response.
   *
   * @param action the action name, e.g. {@code PutItem}
   * @param body   the JSON request body
   * @throws IOException when the request fails on a fresh connection, or fails again after one retry: a reused
   *                     keep-alive connection that fails (the server may have closed it while idle) is retried
   *                     once on a new connection; a read timeout is never retried
   */
  public HttpResponseReader.Response call(String action, byte[] body) throws IOException {
    byte[] head = head(action, body);
    boolean fresh = socket == null;
    try {
      return exchange(head, body);
    } catch (IOException e) {
      closeQuietly();
      if (fresh || e instanceof java.net.SocketTimeoutException) {
        throw e;
      }
      // A keep-alive connection the server closed while idle: one retry on a new connection.
      return exchange(head, body);
    }
  }

  private HttpResponseReader.Response exchange(byte[] head, byte[] body) throws IOException {
    if (socket == null) {
      open();
    }
    out.write(head);
    out.write(body);
    out.flush();
    HttpResponseReader.Response r = reader.read();
    if (r.close()) {
      closeQuietly();
    }
    return r;
  }

  /** The request line and headers, signed. */
  byte[] head(String action, byte[] body) {
    String amzDate = signer.amzDate(System.currentTimeMillis());
    String target = TARGET_PREFIX + action;
    signed.clear();
    signed.put("content-type", CONTENT_TYPE);
    signed.put("host", hostHeader);
    signed.put("x-amz-date", amzDate);
    signed.put("x-amz-target", target);
    String auth = signer.authorization("POST", "/", "", signed, amzDate, body);
    StringBuilder sb = new StringBuilder(512);
    sb.append("POST / HTTP/1.1\r\n")
        .append("Host: ").append(hostHeader).append("\r\n")
        .append("Content-Type: ").append(CONTENT_TYPE).append("\r\n")
        .append("X-Amz-Date: ").append(amzDate).append("\r\n")
        .append("X-Amz-Target: ").append(target).append("\r\n")
        .append("Authorization: ").append(auth).append("\r\n")
        .append("Content-Length: ").append(body.length).append("\r\n")
        .append("\r\n");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private void open() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setSoTimeout(READ_TIMEOUT_MILLIS);
      s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 5_000);
      if (ssl != null) {
        SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(s, endpoint.host(), endpoint.port(), true);
        tls.setUseClientMode(true);
        var params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(params);
        tls.startHandshake();
        s = tls;
      }
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
    out = new BufferedOutputStream(s.getOutputStream(), 8192);
    reader = new HttpResponseReader(s.getInputStream());
  }

  private void closeQuietly() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    socket = null;
    out = null;
    reader = null;
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
