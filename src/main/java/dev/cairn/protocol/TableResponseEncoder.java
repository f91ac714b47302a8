package dev.cairn.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cairn.core.api.AttributeDefinition;
import dev.cairn.core.api.CreateTableResponse;
import dev.cairn.core.api.DeleteTableResponse;
import dev.cairn.core.api.DescribeContinuousBackupsResponse;
import dev.cairn.core.api.DescribeLimitsResponse;
import dev.cairn.core.api.DescribeTableResponse;
import dev.cairn.core.api.DescribeTimeToLiveResponse;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.ListTagsOfResourceResponse;
import dev.cairn.core.api.OnDemandThroughput;
import dev.cairn.core.api.Projection;
import dev.cairn.core.api.StreamSpecification;
import dev.cairn.core.api.TableDescription;
import dev.cairn.core.api.Tag;
import dev.cairn.core.api.TimeToLiveSpecification;
import dev.cairn.core.api.UpdateTableResponse;
import dev.cairn.core.api.UpdateTimeToLiveResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Writes the responses of the table control-plane actions with a Jackson {@link JsonGenerator}, in the wire
 * shapes of the API Reference: member names as there, nested objects as there, counts and capacity units as
 * JSON integers, timestamps as epoch seconds with a millisecond fraction (a JSON number such as
 * {@code 1700000000.123}; the SDKs read any number), absent ({@code null}) members omitted rather than
 * written as JSON null. Called by {@link ResponseEncoder#encode}. Source: DynamoDB API Reference, Response
 * Syntax of each action and Data Types "TableDescription" and its members.
 */
public final class TableResponseEncoder {
  private TableResponseEncoder() {
  }

  /** {@code {"TableDescription": {...}}}. */
  public static void createTable(JsonGenerator g, CreateTableResponse r) throws IOException {
    wrapped(g, "TableDescription", r.tableDescription());
  }

  /** {@code {"Table": {...}}}. */
  public static void describeTable(JsonGenerator g, DescribeTableResponse r) throws IOException {
    wrapped(g, "Table", r.table());
  }

  /** {@code {"TableDescription": {...}}}. */
  public static void updateTable(JsonGenerator g, UpdateTableResponse r) throws IOException {
    wrapped(g, "TableDescription", r.tableDescription());
  }

  /** {@code {"TableDescription": {...}}}. */
  public static void deleteTable(JsonGenerator g, DeleteTableResponse r) throws IOException {
    wrapped(g, "TableDescription", r.tableDescription());
  }

  /** {@code {}}: TagResource and UntagResource. */
  public static void empty(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeEndObject();
  }

  /** {@code {"Tags": [{"Key", "Value"}...], "NextToken"?}}; {@code Tags} is always written. */
  public static void listTagsOfResource(JsonGenerator g, ListTagsOfResourceResponse r) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("Tags");
    for (Tag t : r.tags()) {
      g.writeStartObject();
      g.writeStringField("Key", t.key());
      g.writeStringField("Value", t.value());
      g.writeEndObject();
    }
    g.writeEndArray();
    string(g, "NextToken", r.nextToken());
    g.writeEndObject();
  }

  /** {@code {"TimeToLiveDescription": {"TimeToLiveStatus", "AttributeName"?}}}. */
  public static void describeTimeToLive(JsonGenerator g, DescribeTimeToLiveResponse r) throws IOException {
    g.writeStartObject();
    if (r.timeToLiveDescription() != null) {
      g.writeObjectFieldStart("TimeToLiveDescription");
      string(g, "TimeToLiveStatus", r.timeToLiveDescription().timeToLiveStatus());
      string(g, "AttributeName", r.timeToLiveDescription().attributeName());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** {@code {"TimeToLiveSpecification": {"Enabled", "AttributeName"}}}. */
  public static void updateTimeToLive(JsonGenerator g, UpdateTimeToLiveResponse r) throws IOException {
    g.writeStartObject();
    TimeToLiveSpecification s = r.timeToLiveSpecification();
    if (s != null) {
      g.writeObjectFieldStart("TimeToLiveSpecification");
      bool(g, "Enabled", s.enabled());
      string(g, "AttributeName", s.attributeName());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** The four quota members, as integers. */
  public static void describeLimits(JsonGenerator g, DescribeLimitsResponse r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("AccountMaxReadCapacityUnits", r.accountMaxReadCapacityUnits());
    g.writeNumberField("AccountMaxWriteCapacityUnits", r.accountMaxWriteCapacityUnits());
    g.writeNumberField("TableMaxReadCapacityUnits", r.tableMaxReadCapacityUnits());
    g.writeNumberField("TableMaxWriteCapacityUnits", r.tableMaxWriteCapacityUnits());
    g.writeEndObject();
  }

  /** {@code {"ContinuousBackupsDescription": {"ContinuousBackupsStatus", "PointInTimeRecoveryDescription"?}}}. */
  public static void describeContinuousBackups(JsonGenerator g, DescribeContinuousBackupsResponse r)
      throws IOException {
    g.writeStartObject();
    DescribeContinuousBackupsResponse.ContinuousBackupsDescription d = r.continuousBackupsDescription();
    if (d != null) {
      g.writeObjectFieldStart("ContinuousBackupsDescription");
      string(g, "ContinuousBackupsStatus", d.continuousBackupsStatus());
      DescribeContinuousBackupsResponse.PointInTimeRecoveryDescription p = d.pointInTimeRecoveryDescription();
      if (p != null) {
        g.writeObjectFieldStart("PointInTimeRecoveryDescription");
        string(g, "PointInTimeRecoveryStatus", p.pointInTimeRecoveryStatus());
        if (p.recoveryPeriodInDays() != null) {
          g.writeNumberField("RecoveryPeriodInDays", p.recoveryPeriodInDays());
        }
        time(g, "EarliestRestorableDateTime", p.earliestRestorableDateTime());
        time(g, "LatestRestorableDateTime", p.latestRestorableDateTime());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** Writes a {@code TableDescription} object (the value only, without a field name). */
  public static void tableDescription(JsonGenerator g, TableDescription t) throws IOException {
    g.writeStartObject();
    attributeDefinitions(g, t.attributeDefinitions());
    string(g, "TableName", t.tableName());
    keySchema(g, "KeySchema", t.keySchema());
    string(g, "TableStatus", t.tableStatus());
    time(g, "CreationDateTime", t.creationDateTime());
    throughput(g, t.provisionedThroughput());
    number(g, "TableSizeBytes", t.tableSizeBytes());
    number(g, "ItemCount", t.itemCount());
    string(g, "TableArn", t.tableArn());
    string(g, "TableId", t.tableId());
    if (t.billingModeSummary() != null) {
      g.writeObjectFieldStart("BillingModeSummary");
      string(g, "BillingMode", t.billingModeSummary().billingMode());
      time(g, "LastUpdateToPayPerRequestDateTime", t.billingModeSummary().lastUpdateToPayPerRequestDateTime());
      g.writeEndObject();
    }
    if (t.localSecondaryIndexes() != null) {
      g.writeArrayFieldStart("LocalSecondaryIndexes");
      for (TableDescription.LocalSecondaryIndexDescription i : t.localSecondaryIndexes()) {
        g.writeStartObject();
        string(g, "IndexName", i.indexName());
        keySchema(g, "KeySchema", i.keySchema());
        projection(g, i.projection());
        number(g, "IndexSizeBytes", i.indexSizeBytes());
        number(g, "ItemCount", i.itemCount());
        string(g, "IndexArn", i.indexArn());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (t.globalSecondaryIndexes() != null) {
      g.writeArrayFieldStart("GlobalSecondaryIndexes");
      for (TableDescription.GlobalSecondaryIndexDescription i : t.globalSecondaryIndexes()) {
        g.writeStartObject();
        string(g, "IndexName", i.indexName());
        keySchema(g, "KeySchema", i.keySchema());
        projection(g, i.projection());
        string(g, "IndexStatus", i.indexStatus());
        bool(g, "Backfilling", i.backfilling());
        throughput(g, i.provisionedThroughput());
        number(g, "IndexSizeBytes", i.indexSizeBytes());
        number(g, "ItemCount", i.itemCount());
        string(g, "IndexArn", i.indexArn());
        onDemand(g, i.onDemandThroughput());
        warm(g, i.warmThroughput());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    StreamSpecification s = t.streamSpecification();
    if (s != null) {
      g.writeObjectFieldStart("StreamSpecification");
      bool(g, "StreamEnabled", s.streamEnabled());
      string(g, "StreamViewType", s.streamViewType());
      g.writeEndObject();
    }
    string(g, "LatestStreamLabel", t.latestStreamLabel());
    string(g, "LatestStreamArn", t.latestStreamArn());
    TableDescription.SSEDescription sse = t.sseDescription();
    if (sse != null) {
      g.writeObjectFieldStart("SSEDescription");
      string(g, "Status", sse.status());
      string(g, "SSEType", sse.sseType());
      string(g, "KMSMasterKeyArn", sse.kmsMasterKeyArn());
      time(g, "InaccessibleEncryptionDateTime", sse.inaccessibleEncryptionDateTime());
      g.writeEndObject();
    }
    if (t.tableClassSummary() != null) {
      g.writeObjectFieldStart("TableClassSummary");
      string(g, "TableClass", t.tableClassSummary().tableClass());
      time(g, "LastUpdateDateTime", t.tableClassSummary().lastUpdateDateTime());
      g.writeEndObject();
    }
    bool(g, "DeletionProtectionEnabled", t.deletionProtectionEnabled());
    onDemand(g, t.onDemandThroughput());
    warm(g, t.warmThroughput());
    g.writeEndObject();
  }

  // ---- pieces

  private static void wrapped(JsonGenerator g, String field, TableDescription t) throws IOException {
    g.writeStartObject();
    if (t != null) {
      g.writeFieldName(field);
      tableDescription(g, t);
    }
    g.writeEndObject();
  }

  private static void attributeDefinitions(JsonGenerator g, List<AttributeDefinition> defs) throws IOException {
    if (defs == null) {
      return;
    }
    g.writeArrayFieldStart("AttributeDefinitions");
    for (AttributeDefinition d : defs) {
      g.writeStartObject();
      string(g, "AttributeName", d.attributeName());
      string(g, "AttributeType", d.attributeType());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void keySchema(JsonGenerator g, String field, List<KeySchemaElement> keys) throws IOException {
    if (keys == null) {
      return;
    }
    g.writeArrayFieldStart(field);
    for (KeySchemaElement k : keys) {
      g.writeStartObject();
      string(g, "AttributeName", k.attributeName());
      string(g, "KeyType", k.keyType());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void projection(JsonGenerator g, Projection p) throws IOException {
    if (p == null) {
      return;
    }
    g.writeObjectFieldStart("Projection");
    string(g, "ProjectionType", p.projectionType());
    if (p.nonKeyAttributes() != null) {
      g.writeArrayFieldStart("NonKeyAttributes");
      for (String a : p.nonKeyAttributes()) {
        g.writeString(a);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void throughput(JsonGenerator g, TableDescription.ProvisionedThroughputDescription p)
      throws IOException {
    if (p == null) {
      return;
    }
    g.writeObjectFieldStart("ProvisionedThroughput");
    time(g, "LastIncreaseDateTime", p.lastIncreaseDateTime());
    time(g, "LastDecreaseDateTime", p.lastDecreaseDateTime());
    number(g, "NumberOfDecreasesToday", p.numberOfDecreasesToday());
    number(g, "ReadCapacityUnits", p.readCapacityUnits());
    number(g, "WriteCapacityUnits", p.writeCapacityUnits());
    g.writeEndObject();
  }

  private static void onDemand(JsonGenerator g, OnDemandThroughput o) throws IOException {
    if (o == null) {
      return;
    }
    g.writeObjectFieldStart("OnDemandThroughput");
    number(g, "MaxReadRequestUnits", o.maxReadRequestUnits());
    number(g, "MaxWriteRequestUnits", o.maxWriteRequestUnits());
    g.writeEndObject();
  }

  private static void warm(JsonGenerator g, TableDescription.WarmThroughputDescription w) throws IOException {
    if (w == null) {
      return;
    }
    g.writeObjectFieldStart("WarmThroughput");
    number(g, "ReadUnitsPerSecond", w.readUnitsPerSecond());
    number(g, "WriteUnitsPerSecond", w.writeUnitsPerSecond());
    string(g, "Status", w.status());
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static void number(JsonGenerator g, String field, Long value) throws IOException {
    if (value != null) {
      g.writeNumberField(field, value);
    }
  }

  private static void bool(JsonGenerator g, String field, Boolean value) throws IOException {
    if (value != null) {
      g.writeBooleanField(field, value);
    }
  }

  /** Epoch seconds with up to three decimals, never in exponent notation. */
  private static void time(JsonGenerator g, String field, Instant value) throws IOException {
    if (value != null) {
      g.writeFieldName(field);
      g.writeNumber(epochSeconds(value));
    }
  }

  /** {@code 1700000000.123} for that instant; whole seconds have no fraction. */
  static String epochSeconds(Instant value) {
    return BigDecimal.valueOf(value.toEpochMilli(), 3).stripTrailingZeros().toPlainString();
  }
}
