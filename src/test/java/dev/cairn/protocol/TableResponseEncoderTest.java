package dev.cairn.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.cairn.core.api.TableDescription.BillingModeSummary;
import dev.cairn.core.api.TableDescription.GlobalSecondaryIndexDescription;
import dev.cairn.core.api.TableDescription.LocalSecondaryIndexDescription;
import dev.cairn.core.api.TableDescription.ProvisionedThroughputDescription;
import dev.cairn.core.api.TableDescription.SSEDescription;
import dev.cairn.core.api.TableDescription.TableClassSummary;
import dev.cairn.core.api.TableDescription.WarmThroughputDescription;
import dev.cairn.core.api.Tag;
import dev.cairn.core.api.TagResourceResponse;
import dev.cairn.core.api.TimeToLiveDescription;
import dev.cairn.core.api.TimeToLiveSpecification;
import dev.cairn.core.api.UntagResourceResponse;
import dev.cairn.core.api.UpdateTimeToLiveResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire shapes of the table responses, compared as JSON trees. */
class TableResponseEncoderTest {
  private static final Instant CREATED = Instant.ofEpochMilli(1_700_000_000_123L);
  private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";

  private static JsonNode tree(byte[] bytes) throws Exception {
    return ResponseEncoder.MAPPER.readTree(bytes);
  }

  private static JsonNode json(String text) throws Exception {
    return ResponseEncoder.MAPPER.readTree(text.replace('\'', '"'));
  }

  private static TableDescription full() {
    List<KeySchemaElement> tableKey = List.of(new KeySchemaElement("pk", "HASH"), new KeySchemaElement("sk", "RANGE"));
    return new TableDescription("Orders", ARN, "5313d8ea-44e5-4e0e-b247-25a19a96f6a2", "ACTIVE", CREATED,
        List.of(new AttributeDefinition("g1", "S"), new AttributeDefinition("g2", "N"),
            new AttributeDefinition("pk", "S"), new AttributeDefinition("sk", "N")),
        tableKey,
        new ProvisionedThroughputDescription(Instant.ofEpochSecond(1_700_000_100L), null, 0L, 5L, 6L),
        new BillingModeSummary("PROVISIONED", null),
        1024L, 7L,
        List.of(new GlobalSecondaryIndexDescription("byG",
            List.of(new KeySchemaElement("g1", "HASH"), new KeySchemaElement("g2", "HASH"),
                new KeySchemaElement("sk", "RANGE")),
            new Projection("INCLUDE", List.of("a", "b")), "CREATING", true,
            new ProvisionedThroughputDescription(null, null, 0L, 1L, 1L), 0L, 0L, ARN + "/index/byG",
            new OnDemandThroughput(-1L, -1L), new WarmThroughputDescription(1L, 1L, "UPDATING"))),
        List.of(new LocalSecondaryIndexDescription("byLsk", tableKey, new Projection("KEYS_ONLY", null), 10L, 1L,
            ARN + "/index/byLsk")),
        new StreamSpecification(true, "NEW_IMAGE"), "2026-10-08T23:07:31.275", ARN + "/stream/2026-10-08T23:07:31.275",
        new SSEDescription("ENABLED", "KMS", "arn:aws:kms:us-east-1:123456789012:key/k", null),
        new TableClassSummary("STANDARD", Instant.ofEpochMilli(1_700_000_000_500L)),
        false, null, new WarmThroughputDescription(5L, 6L, "ACTIVE"));
  }

  @Test
  void describeTable_fullDescription_apiReferenceShape() throws Exception {
    JsonNode expected = json("{'Table':{"
        + "'AttributeDefinitions':[{'AttributeName':'g1','AttributeType':'S'},{'AttributeName':'g2','AttributeType':'N'},"
        + "{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'}],"
        + "'TableName':'Orders',"
        + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
        + "'TableStatus':'ACTIVE','CreationDateTime':1700000000.123,"
        + "'ProvisionedThroughput':{'LastIncreaseDateTime':1700000100,'NumberOfDecreasesToday':0,"
        + "'ReadCapacityUnits':5,'WriteCapacityUnits':6},"
        + "'TableSizeBytes':1024,'ItemCount':7,'TableArn':'" + ARN + "',"
        + "'TableId':'5313d8ea-44e5-4e0e-b247-25a19a96f6a2',"
        + "'BillingModeSummary':{'BillingMode':'PROVISIONED'},"
        + "'LocalSecondaryIndexes':[{'IndexName':'byLsk','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
        + "{'AttributeName':'sk','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'},"
        + "'IndexSizeBytes':10,'ItemCount':1,'IndexArn':'" + ARN + "/index/byLsk'}],"
        + "'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g1','KeyType':'HASH'},"
        + "{'AttributeName':'g2','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
        + "'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['a','b']},'IndexStatus':'CREATING',"
        + "'Backfilling':true,'ProvisionedThroughput':{'NumberOfDecreasesToday':0,'ReadCapacityUnits':1,"
        + "'WriteCapacityUnits':1},'IndexSizeBytes':0,'ItemCount':0,'IndexArn':'" + ARN + "/index/byG',"
        + "'OnDemandThroughput':{'MaxReadRequestUnits':-1,'MaxWriteRequestUnits':-1},"
        + "'WarmThroughput':{'ReadUnitsPerSecond':1,'WriteUnitsPerSecond':1,'Status':'UPDATING'}}],"
        + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'NEW_IMAGE'},"
        + "'LatestStreamLabel':'2026-10-08T23:07:31.275','LatestStreamArn':'" + ARN + "/stream/2026-10-08T23:07:31.275',"
        + "'SSEDescription':{'Status':'ENABLED','SSEType':'KMS','KMSMasterKeyArn':'arn:aws:kms:us-east-1:123456789012:key/k'},"
        + "'TableClassSummary':{'TableClass':'STANDARD','LastUpdateDateTime':1700000000.5},"
        + "'DeletionProtectionEnabled':false,"
        + "'WarmThroughput':{'ReadUnitsPerSecond':5,'WriteUnitsPerSecond':6,'Status':'ACTIVE'}}}");
    assertEquals(expected, tree(ResponseEncoder.encode(new DescribeTableResponse(full()))));
  }

  @Test
  void createAndDeleteTable_wrapInTableDescription_absentMembersOmitted() throws Exception {
    TableDescription minimal = new TableDescription("Orders", null, null, "DELETING", null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null);
    assertEquals(json("{'TableDescription':{'TableName':'Orders','TableStatus':'DELETING'}}"),
        tree(ResponseEncoder.encode(new DeleteTableResponse(minimal))));
    assertEquals(json("{'TableDescription':{'TableName':'Orders','TableStatus':'DELETING'}}"),
        tree(ResponseEncoder.encode(new CreateTableResponse(minimal))));
  }

  @Test
  void tagActions_emptyObjectAndAlwaysATagsArray() throws Exception {
    assertEquals(json("{}"), tree(ResponseEncoder.encode(TagResourceResponse.INSTANCE)));
    assertEquals(json("{}"), tree(ResponseEncoder.encode(UntagResourceResponse.INSTANCE)));
    assertEquals(json("{'Tags':[]}"), tree(ResponseEncoder.encode(new ListTagsOfResourceResponse(List.of(), null))));
    assertEquals(json("{'Tags':[{'Key':'k','Value':''}],'NextToken':'t'}"),
        tree(ResponseEncoder.encode(new ListTagsOfResourceResponse(List.of(new Tag("k", "")), "t"))));
  }

  @Test
  void timeToLive_describeAndUpdateShapes() throws Exception {
    assertEquals(json("{'TimeToLiveDescription':{'TimeToLiveStatus':'DISABLED'}}"),
        tree(ResponseEncoder.encode(new DescribeTimeToLiveResponse(new TimeToLiveDescription("DISABLED", null)))));
    assertEquals(json("{'TimeToLiveSpecification':{'Enabled':true,'AttributeName':'ttl'}}"),
        tree(ResponseEncoder.encode(new UpdateTimeToLiveResponse(new TimeToLiveSpecification(true, "ttl")))));
  }

  @Test
  void describeLimits_fourIntegers() throws Exception {
    assertEquals(json("{'AccountMaxReadCapacityUnits':80000,'AccountMaxWriteCapacityUnits':80000,"
        + "'TableMaxReadCapacityUnits':40000,'TableMaxWriteCapacityUnits':40000}"),
        tree(ResponseEncoder.encode(DescribeLimitsResponse.DEFAULTS)));
  }

  @Test
  void describeContinuousBackups_nestedDescriptions() throws Exception {
    var r = new DescribeContinuousBackupsResponse(new DescribeContinuousBackupsResponse.ContinuousBackupsDescription(
        "ENABLED", new DescribeContinuousBackupsResponse.PointInTimeRecoveryDescription("DISABLED", null, null, null)));
    assertEquals(json("{'ContinuousBackupsDescription':{'ContinuousBackupsStatus':'ENABLED',"
        + "'PointInTimeRecoveryDescription':{'PointInTimeRecoveryStatus':'DISABLED'}}}"),
        tree(ResponseEncoder.encode(r)));
  }

  @Test
  void epochSeconds_millisecondFractionWithoutExponent() {
    assertEquals("1700000000", TableResponseEncoder.epochSeconds(Instant.ofEpochSecond(1_700_000_000L)));
    assertEquals("1700000000.12", TableResponseEncoder.epochSeconds(Instant.ofEpochMilli(1_700_000_000_120L)));
    assertEquals("0.001", TableResponseEncoder.epochSeconds(Instant.ofEpochMilli(1)));
    assertEquals("0", TableResponseEncoder.epochSeconds(Instant.EPOCH));
  }

  @Test
  void creationDateTime_writtenAsJsonNumber() throws Exception {
    JsonNode t = tree(ResponseEncoder.encode(new DescribeTableResponse(full()))).get("Table");
    assertEquals(true, t.get("CreationDateTime").isNumber());
    assertEquals(1_700_000_000.123, t.get("CreationDateTime").doubleValue(), 1e-6);
  }
}
