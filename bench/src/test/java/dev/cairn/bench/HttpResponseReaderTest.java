package dev.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The response reader on keep-alive streams: framing, interim responses, closes and truncation. */
class HttpResponseReaderTest {
  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A stream that returns one byte per read, so every buffer boundary is crossed. */
  private static InputStream trickle(String s) {
    InputStream in = stream(s);
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : in.read(b, off, 1);
      }
    };
  }

  private static final String THREE = "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
      + "Content-Length: 17\r\nx-amz-crc32: 1\r\n\r\n{\"TableNames\":[]}"
      + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"
      + "HTTP/1.1 400 Bad Request\r\ncontent-length: 43\r\n\r\n"
      + "{\"__type\":\"x#ValidationException\",\"m\":\"no\"}";

  @Test
  void read_contentLengthResponses_readsEachFromOneStream() throws IOException {
    for (InputStream in : new InputStream[] {stream(THREE), trickle(THREE)}) {
      HttpResponseReader r = new HttpResponseReader(in);
      assertEquals("{\"TableNames\":[]}", r.read().bodyText());
      HttpResponseReader.Response a = r.read();
      assertEquals(200, a.status());
      assertEquals("{}", a.bodyText());
      assertFalse(a.close());
      HttpResponseReader.Response b = r.read();
      assertEquals(400, b.status());
      assertEquals("ValidationException", LoadRunner.errorType(b.status(), b.body()));
      assertThrows(EOFException.class, r::read);
    }
  }

  @Test
  void read_chunkedBodyWithTrailer_joinsChunks() throws IOException {
    String s = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "4\r\n{\"a\"\r\n3;ext=1\r\n:1}\r\n0\r\nX-Trailer: t\r\n\r\n"
        + "HTTP/1.1 204 No Content\r\n\r\n";
    HttpResponseReader r = new HttpResponseReader(trickle(s));
    assertEquals("{\"a\":1}", r.read().bodyText());
    HttpResponseReader.Response empty = r.read();
    assertEquals(204, empty.status());
    assertArrayEquals(new byte[0], empty.body());
  }

  @Test
  void read_interimContinue_isSkipped() throws IOException {
    String s = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
    HttpResponseReader.Response r = new HttpResponseReader(stream(s)).read();
    assertEquals(200, r.status());
    assertEquals("{}", r.bodyText());
  }

  @Test
  void read_connectionClose_isReported() throws IOException {
    String s = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
    assertTrue(new HttpResponseReader(stream(s)).read().close());
  }

  @Test
  void read_noLengthNoChunking_readsToEndAndCloses() throws IOException {
    String s = "HTTP/1.0 200 OK\r\n\r\nall of it";
    HttpResponseReader.Response r = new HttpResponseReader(trickle(s)).read();
    assertEquals("all of it", r.bodyText());
    assertTrue(r.close());
  }

  @Test
  void read_truncatedBody_throwsEof() {
    String s = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}";
    assertThrows(EOFException.class, () -> new HttpResponseReader(stream(s)).read());
  }

  @Test
  void read_garbage_throwsIoException() {
    assertThrows(IOException.class, () -> new HttpResponseReader(stream("SSH-2.0-OpenSSH\r\n\r\n")).read());
    assertThrows(IOException.class,
        () -> new HttpResponseReader(stream("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n")).read());
  }

  @Test
  void read_bareLineFeeds_accepted() throws IOException {
    HttpResponseReader.Response r =
        new HttpResponseReader(stream("HTTP/1.1 200 OK\nContent-Length: 2\n\n{}")).read();
    assertEquals("{}", r.bodyText());
  }

  @Test
  void errorType_variants() {
    assertEquals("UnknownOperationException", LoadRunner.errorType(400,
        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#UnknownOperationException\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("ThrottlingException", LoadRunner.errorType(400,
        "{\"__type\" : \"ThrottlingException\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("HTTP 503", LoadRunner.errorType(503, "oops".getBytes(StandardCharsets.UTF_8)));
  }
}
