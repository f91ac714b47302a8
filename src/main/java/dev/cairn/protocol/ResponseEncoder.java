package dev.cairn.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cairn.core.api.CreateTableResponse;
import dev.cairn.core.api.DeleteTableResponse;
import dev.cairn.core.api.DescribeContinuousBackupsResponse;
import dev.cairn.core.api.DescribeEndpointsResponse;
import dev.cairn.core.api.DescribeLimitsResponse;
import dev.cairn.core.api.DescribeTableResponse;
import dev.cairn.core.api.DescribeTimeToLiveResponse;
import dev.cairn.core.api.ListTagsOfResourceResponse;
import dev.cairn.core.api.TagResourceResponse;
import dev.cairn.core.api.UntagResourceResponse;
import dev.cairn.core.api.UpdateTableResponse;
import dev.cairn.core.api.UpdateTimeToLiveResponse;
import dev.cairn.core.api.ListTablesResponse;
import dev.cairn.core.error.ConditionalCheckFailedException;
import dev.cairn.core.error.DynamoException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes typed responses and errors as the service's JSON ({@code application/x-amz-json-1.0}); the only
 * place that writes error JSON. Error bodies are {@code {"__type": "<namespace>#<Name>", "message": "..."}},
 * the message omitted when the service sends none.
 */
public final class ResponseEncoder {
  /** Shared mapper: parsing request bodies and writing responses. */
  public static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private ResponseEncoder() {
  }

  /** The JSON bytes of a typed response. */
  public static byte[] encode(Object response) {
    return write(g -> {
      if (ItemResponseEncoder.handles(response)) {
        // The data plane first: it is the hot path.
        ItemResponseEncoder.write(g, response);
      } else if (BatchResponseEncoder.handles(response)) {
        BatchResponseEncoder.write(g, response);
      } else if (StreamCodec.handles(response)) {
        StreamCodec.write(g, response);
      } else if (response instanceof ListTablesResponse r) {
          g.writeStartObject();
          if (r.lastEvaluatedTableName() != null) {
            g.writeStringField("LastEvaluatedTableName", r.lastEvaluatedTableName());
          }
          g.writeArrayFieldStart("TableNames");
          for (String name : r.tableNames()) {
            g.writeString(name);
          }
          g.writeEndArray();
          g.writeEndObject();
      } else if (response instanceof DescribeEndpointsResponse r) {
          g.writeStartObject();
          g.writeArrayFieldStart("Endpoints");
          for (DescribeEndpointsResponse.Endpoint e : r.endpoints()) {
            g.writeStartObject();
            g.writeStringField("Address", e.address());
            g.writeNumberField("CachePeriodInMinutes", e.cachePeriodInMinutes());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
      } else if (response instanceof CreateTableResponse r) {
        TableResponseEncoder.createTable(g, r);
      } else if (response instanceof DescribeTableResponse r) {
        TableResponseEncoder.describeTable(g, r);
      } else if (response instanceof UpdateTableResponse r) {
        TableResponseEncoder.updateTable(g, r);
      } else if (response instanceof DeleteTableResponse r) {
        TableResponseEncoder.deleteTable(g, r);
      } else if (response instanceof TagResourceResponse || response instanceof UntagResourceResponse) {
        TableResponseEncoder.empty(g);
      } else if (response instanceof ListTagsOfResourceResponse r) {
        TableResponseEncoder.listTagsOfResource(g, r);
      } else if (response instanceof DescribeTimeToLiveResponse r) {
        TableResponseEncoder.describeTimeToLive(g, r);
      } else if (response instanceof UpdateTimeToLiveResponse r) {
        TableResponseEncoder.updateTimeToLive(g, r);
      } else if (response instanceof DescribeLimitsResponse r) {
        TableResponseEncoder.describeLimits(g, r);
      } else if (response instanceof DescribeContinuousBackupsResponse r) {
        TableResponseEncoder.describeContinuousBackups(g, r);
      } else if (TransactResponseEncoder.handles(response)) {
        TransactResponseEncoder.write(g, response);
      } else {
        throw new IllegalArgumentException("no encoder for " + response.getClass());
      }
    });
  }

  /** The JSON bytes of an error. */
  public static byte[] encodeError(DynamoException error) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("__type", error.code().wireType());
      if (error.getMessage() != null) {
        g.writeStringField("message", error.getMessage());
      }
      if (error instanceof ConditionalCheckFailedException ccf && ccf.item() != null) {
        ItemResponseEncoder.item(g, "Item", ccf.item());
      }
      if (error instanceof dev.cairn.core.error.TransactionCanceledException tce) {
        TransactResponseEncoder.reasons(g, tce);
      }
      g.writeEndObject();
    });
  }

  /** Body writer callback. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
