package dev.cairn.protocol;


import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.AttributeDefinition;
import dev.cairn.core.api.CreateTableRequest;
import dev.cairn.core.api.DeleteTableRequest;
import dev.cairn.core.api.DescribeContinuousBackupsRequest;
import dev.cairn.core.api.DescribeTableRequest;
import dev.cairn.core.api.DescribeTimeToLiveRequest;
import dev.cairn.core.api.GlobalSecondaryIndex;
import dev.cairn.core.api.GlobalSecondaryIndexUpdate;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.ListTagsOfResourceRequest;
import dev.cairn.core.api.LocalSecondaryIndex;
import dev.cairn.core.api.OnDemandThroughput;
import dev.cairn.core.api.Projection;
import dev.cairn.core.api.ProvisionedThroughput;
import dev.cairn.core.api.SSESpecification;
import dev.cairn.core.api.StreamSpecification;
import dev.cairn.core.api.Tag;
import dev.cairn.core.api.TagResourceRequest;
import dev.cairn.core.api.TimeToLiveSpecification;
import dev.cairn.core.api.UntagResourceRequest;
import dev.cairn.core.api.UpdateTableRequest;
import dev.cairn.core.api.UpdateTimeToLiveRequest;
import dev.cairn.core.api.WarmThroughput;
import dev.cairn.core.validate.CreateTableValidator;
import dev.cairn.core.validate.DeleteTableValidator;
import dev.cairn.core.validate.DescribeContinuousBackupsValidator;
import dev.cairn.core.validate.DescribeTableValidator;
import dev.cairn.core.validate.DescribeTimeToLiveValidator;
import dev.cairn.core.validate.ListTagsOfResourceValidator;
import dev.cairn.core.validate.TagResourceValidator;
import dev.cairn.core.validate.UntagResourceValidator;
import dev.cairn.core.validate.UpdateTableValidator;
import dev.cairn.core.validate.UpdateTimeToLiveValidator;
import java.util.List;

/**
 * Decodes the request bodies of the table control-plane actions into their typed records, then validates
 * them: first every member's JSON type ({@code SerializationException}, see {@link TableJson} for the
 * texts), then the action's validator ({@code ValidationException}). Unknown members are ignored, as the
 * service does. Members are read in the model's order, so when several members have the wrong type the one
 * reported may differ from the service's, which reports the first in document order.
 * Called by {@link RequestDecoder#decode}. Source: DynamoDB API Reference, each action's Request Syntax.
 */
public final class TableRequestDecoder {
  private TableRequestDecoder() {
  }

  /** CreateTable: every member of the API Reference but the global-table ones. */
  public static CreateTableRequest createTable(JsonNode body) {
    CreateTableRequest r = new CreateTableRequest(
        TableJson.string(body, "TableName"),
        TableJson.structList(body, "AttributeDefinitions", "AttributeDefinition", TableRequestDecoder::attributeDefinition),
        keySchema(body),
        TableJson.structList(body, "LocalSecondaryIndexes", "LocalSecondaryIndex", TableRequestDecoder::localIndex),
        TableJson.structList(body, "GlobalSecondaryIndexes", "GlobalSecondaryIndex", TableRequestDecoder::globalIndex),
        TableJson.string(body, "BillingMode"),
        provisionedThroughput(body),
        streamSpecification(body),
        sseSpecification(body),
        TableJson.structList(body, "Tags", "Tag", n -> new Tag(TableJson.string(n, "Key"), TableJson.string(n, "Value"))),
        TableJson.string(body, "TableClass"),
        TableJson.bool(body, "DeletionProtectionEnabled"),
        warmThroughput(body),
        onDemandThroughput(body),
        TableJson.string(body, "ResourcePolicy"));
    CreateTableValidator.validate(r);
    return r;
  }

  /** UpdateTable: every member of the API Reference but the replica, witness and multi-region ones. */
  public static UpdateTableRequest updateTable(JsonNode body) {
    UpdateTableRequest r = new UpdateTableRequest(
        TableJson.string(body, "TableName"),
        TableJson.structList(body, "AttributeDefinitions", "AttributeDefinition", TableRequestDecoder::attributeDefinition),
        TableJson.string(body, "BillingMode"),
        provisionedThroughput(body),
        TableJson.structList(body, "GlobalSecondaryIndexUpdates", "GlobalSecondaryIndexUpdate", TableRequestDecoder::indexUpdate),
        streamSpecification(body),
        sseSpecification(body),
        TableJson.string(body, "TableClass"),
        TableJson.bool(body, "DeletionProtectionEnabled"),
        onDemandThroughput(body),
        warmThroughput(body));
    UpdateTableValidator.validate(r);
    return r;
  }

  /** DescribeTable: {@code TableName}. */
  public static DescribeTableRequest describeTable(JsonNode body) {
    DescribeTableRequest r = new DescribeTableRequest(TableJson.string(body, "TableName"));
    DescribeTableValidator.validate(r);
    return r;
  }

  /** DeleteTable: {@code TableName}. */
  public static DeleteTableRequest deleteTable(JsonNode body) {
    DeleteTableRequest r = new DeleteTableRequest(TableJson.string(body, "TableName"));
    DeleteTableValidator.validate(r);
    return r;
  }

  /** DescribeTimeToLive: {@code TableName}. */
  public static DescribeTimeToLiveRequest describeTimeToLive(JsonNode body) {
    DescribeTimeToLiveRequest r = new DescribeTimeToLiveRequest(TableJson.string(body, "TableName"));
    DescribeTimeToLiveValidator.validate(r);
    return r;
  }

  /** DescribeContinuousBackups: {@code TableName}. */
  public static DescribeContinuousBackupsRequest describeContinuousBackups(JsonNode body) {
    DescribeContinuousBackupsRequest r = new DescribeContinuousBackupsRequest(TableJson.string(body, "TableName"));
    DescribeContinuousBackupsValidator.validate(r);
    return r;
  }

  /** UpdateTimeToLive: {@code TableName}, {@code TimeToLiveSpecification {Enabled, AttributeName}}. */
  public static UpdateTimeToLiveRequest updateTimeToLive(JsonNode body) {
    JsonNode spec = TableJson.fieldStruct(body, "TimeToLiveSpecification", "TimeToLiveSpecification");
    UpdateTimeToLiveRequest r = new UpdateTimeToLiveRequest(TableJson.string(body, "TableName"),
        spec == null ? null : new TimeToLiveSpecification(TableJson.bool(spec, "Enabled"), TableJson.string(spec, "AttributeName")));
    UpdateTimeToLiveValidator.validate(r);
    return r;
  }

  /** TagResource: {@code ResourceArn}, {@code Tags [{Key, Value}]}. */
  public static TagResourceRequest tagResource(JsonNode body) {
    TagResourceRequest r = new TagResourceRequest(TableJson.string(body, "ResourceArn"),
        TableJson.structList(body, "Tags", "Tag", n -> new Tag(TableJson.string(n, "Key"), TableJson.string(n, "Value"))));
    TagResourceValidator.validate(r);
    return r;
  }

  /** UntagResource: {@code ResourceArn}, {@code TagKeys [string]}. */
  public static UntagResourceRequest untagResource(JsonNode body) {
    UntagResourceRequest r = new UntagResourceRequest(TableJson.string(body, "ResourceArn"), TableJson.stringList(body, "TagKeys"));
    UntagResourceValidator.validate(r);
    return r;
  }

  /** ListTagsOfResource: {@code ResourceArn}, {@code NextToken}. */
  public static ListTagsOfResourceRequest listTagsOfResource(JsonNode body) {
    ListTagsOfResourceRequest r = new ListTagsOfResourceRequest(TableJson.string(body, "ResourceArn"),
        TableJson.string(body, "NextToken"));
    ListTagsOfResourceValidator.validate(r);
    return r;
  }

  // ---- shapes

  private static AttributeDefinition attributeDefinition(JsonNode n) {
    return new AttributeDefinition(TableJson.string(n, "AttributeName"), TableJson.string(n, "AttributeType"));
  }

  private static List<KeySchemaElement> keySchema(JsonNode n) {
    return TableJson.structList(n, "KeySchema", "KeySchemaElement",
        e -> new KeySchemaElement(TableJson.string(e, "AttributeName"), TableJson.string(e, "KeyType")));
  }

  private static Projection projection(JsonNode n) {
    JsonNode p = TableJson.fieldStruct(n, "Projection", "Projection");
    return p == null ? null : new Projection(TableJson.string(p, "ProjectionType"), TableJson.stringList(p, "NonKeyAttributes"));
  }

  private static ProvisionedThroughput provisionedThroughput(JsonNode n) {
    JsonNode p = TableJson.fieldStruct(n, "ProvisionedThroughput", "ProvisionedThroughput");
    return p == null ? null
        : new ProvisionedThroughput(TableJson.longValue(p, "ReadCapacityUnits"), TableJson.longValue(p, "WriteCapacityUnits"));
  }

  private static OnDemandThroughput onDemandThroughput(JsonNode n) {
    JsonNode p = TableJson.fieldStruct(n, "OnDemandThroughput", "OnDemandThroughput");
    return p == null ? null
        : new OnDemandThroughput(TableJson.longValue(p, "MaxReadRequestUnits"), TableJson.longValue(p, "MaxWriteRequestUnits"));
  }

  private static WarmThroughput warmThroughput(JsonNode n) {
    JsonNode p = TableJson.fieldStruct(n, "WarmThroughput", "WarmThroughput");
    return p == null ? null
        : new WarmThroughput(TableJson.longValue(p, "ReadUnitsPerSecond"), TableJson.longValue(p, "WriteUnitsPerSecond"));
  }

  private static StreamSpecification streamSpecification(JsonNode n) {
    // dynalite records StreamSpecification as a value structure ("Unexpected value type in payload").
    JsonNode s = TableJson.valueStruct(n, "StreamSpecification", "StreamSpecification");
    return s == null ? null : new StreamSpecification(TableJson.bool(s, "StreamEnabled"), TableJson.string(s, "StreamViewType"));
  }

  private static SSESpecification sseSpecification(JsonNode n) {
    JsonNode s = TableJson.fieldStruct(n, "SSESpecification", "SSESpecification");
    return s == null ? null
        : new SSESpecification(TableJson.bool(s, "Enabled"), TableJson.string(s, "SSEType"), TableJson.string(s, "KMSMasterKeyId"));
  }

  private static LocalSecondaryIndex localIndex(JsonNode n) {
    return new LocalSecondaryIndex(TableJson.string(n, "IndexName"), keySchema(n), projection(n));
  }

  private static GlobalSecondaryIndex globalIndex(JsonNode n) {
    return new GlobalSecondaryIndex(TableJson.string(n, "IndexName"), keySchema(n), projection(n),
        provisionedThroughput(n), onDemandThroughput(n), warmThroughput(n));
  }

  private static GlobalSecondaryIndexUpdate indexUpdate(JsonNode n) {
    JsonNode c = TableJson.fieldStruct(n, "Create", "CreateGlobalSecondaryIndexAction");
    JsonNode u = TableJson.fieldStruct(n, "Update", "UpdateGlobalSecondaryIndexAction");
    JsonNode d = TableJson.fieldStruct(n, "Delete", "DeleteGlobalSecondaryIndexAction");
    return new GlobalSecondaryIndexUpdate(
        c == null ? null : new GlobalSecondaryIndexUpdate.Create(TableJson.string(c, "IndexName"), keySchema(c),
            projection(c), provisionedThroughput(c), onDemandThroughput(c), warmThroughput(c)),
        u == null ? null : new GlobalSecondaryIndexUpdate.Update(TableJson.string(u, "IndexName"), provisionedThroughput(u),
            onDemandThroughput(u), warmThroughput(u)),
        d == null ? null : new GlobalSecondaryIndexUpdate.Delete(TableJson.string(d, "IndexName")));
  }
}
