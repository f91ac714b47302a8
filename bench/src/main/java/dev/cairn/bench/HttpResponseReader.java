package dev.cairn.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one HTTP/1.1 response at a time from a keep-alive stream: status line, headers, then a body framed by
 * {@code Content-Length} or {@code Transfer-Encoding: chunked} (trailers skipped). Only the headers the
 * harness needs are kept: the status, {@code Connection: close} and the body.
 *
 * <p>Not thread-safe; one reader per connection. Reads from its own buffer, so the stream must not be read
 * by anyone else. Failures: {@link EOFException} when the peer closes before a full response,
 * {@link IOException} for malformed framing.
 */
public final class HttpResponseReader {
  /** One response: status code, body bytes, and whether the server asked to close the connection. */
  public record Response(int status, byte[] body, boolean close) {
    /** The body as UTF-8 text. */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final int MAX_LINE = 16 * 1024;
  private final InputStream in;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;

  /** A reader over a raw (unbuffered) stream. */
  public HttpResponseReader(InputStream in) {
    this.in = in;
  }

  /** Reads the next complete response. A {@code 100 Continue} interim response is skipped. */
  public Response read() throws IOException {
    while (true) {
      String statusLine = readLine();
      if (!statusLine.startsWith("HTTP/1.")) {
        throw new IOException("bad status line: " + statusLine);
      }
      int sp = statusLine.indexOf(' ');
      int status;
      try {
        status = Integer.parseInt(statusLine.substring(sp + 1, sp + 4));
      } catch (RuntimeException e) {
        throw new IOException("bad status line: " + statusLine);
      }
      long contentLength = -1;
      boolean chunked = false;
      boolean close = statusLine.startsWith("HTTP/1.0");
      String line;
      while (!(line = readLine()).isEmpty()) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new IOException("bad header line: " + line);
        }
        String name = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("content-length")) {
          try {
            contentLength = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new IOException("bad content-length: " + value);
          }
        } else if (name.equalsIgnoreCase("transfer-encoding")) {
          chunked = value.toLowerCase().contains("chunked");
        } else if (name.equalsIgnoreCase("connection")) {
          close = value.equalsIgnoreCase("close");
        }
      }
      if (status == 100) {
        continue;
      }
      byte[] body;
      if (chunked) {
        body = readChunked();
      } else if (contentLength >= 0) {
        if (contentLength > Integer.MAX_VALUE - 16) {
          throw new IOException("body too large: " + contentLength);
        }
        body = readExactly((int) contentLength);
      } else if (status == 204 || status == 304 || status / 100 == 1) {
        body = new byte[0];
      } else {
        body = readToEnd();
        close = true;
      }
      return new Response(status, body, close);
    }
  }

  private byte[] readChunked() throws IOException {
    byte[] out = new byte[256];
    int n = 0;
    while (true) {
      String sizeLine = readLine();
      int semi = sizeLine.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + sizeLine);
      }
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // trailers are ignored
        }
        return Arrays.copyOf(out, n);
      }
      byte[] chunk = readExactly(size);
      if (n + size > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, n + size));
      }
      System.arraycopy(chunk, 0, out, n, size);
      n += size;
      if (!readLine().isEmpty()) {
        throw new IOException("chunk not followed by CRLF");
      }
    }
  }

  private byte[] readExactly(int length) throws IOException {
    byte[] out = new byte[length];
    int n = Math.min(length, limit - pos);
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    while (n < length) {
      int r = in.read(out, n, length - n);
      if (r < 0) {
        throw new EOFException("connection closed inside a body");
      }
      n += r;
    }
    return out;
  }

  private byte[] readToEnd() throws IOException {
    byte[] out = Arrays.copyOfRange(buf, pos, limit);
    pos = limit;
    byte[] rest = in.readAllBytes();
    byte[] all = Arrays.copyOf(out, out.length + rest.length);
    System.arraycopy(rest, 0, all, out.length, rest.length);
    return all;
  }

  /** A line without its CRLF (a bare LF is accepted), decoded as ISO-8859-1. */
  private String readLine() throws IOException {
    StringBuilder sb = null;
    while (true) {
      if (pos == limit && !fill()) {
        throw new EOFException("connection closed");
      }
      int start = pos;
      while (pos < limit && buf[pos] != '\n') {
        pos++;
      }
      if (pos < limit) {
        int end = pos;
        pos++;
        String part = new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        String line = sb == null ? part : sb.append(part).toString();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(new String(buf, start, pos - start, StandardCharsets.ISO_8859_1));
      if (sb.length() > MAX_LINE) {
        throw new IOException("header line too long");
      }
    }
  }

  private boolean fill() throws IOException {
    int r = in.read(buf, 0, buf.length);
    if (r <= 0) {
      return false;
    }
    pos = 0;
    limit = r;
    return true;
  }
}
