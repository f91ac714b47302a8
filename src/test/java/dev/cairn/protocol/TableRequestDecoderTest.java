package dev.cairn.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.AttributeDefinition;
import dev.cairn.core.api.CreateTableRequest;
import dev.cairn.core.api.DescribeTableRequest;
import dev.cairn.core.api.EmptyRequest;
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
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.model.Operation;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding of the table actions: JSON types first (SerializationException), then validation, into records. */
class TableRequestDecoderTest {
  private static JsonNode json(String text) {
    try {
      return ResponseEncoder.MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Object decode(Operation op, String body) {
    return new RequestDecoder(new dev.cairn.core.expr.ExpressionCache()).decode(op, json(body));
  }

  private static void assertSerialization(String message, Operation op, String body) {
    DynamoException e = assertThrows(DynamoException.class, () -> decode(op, body));
    assertEquals(ErrorCode.SERIALIZATION, e.code(), e.getMessage());
    assertEquals(message, e.getMessage());
  }

  private static final String VALID_CREATE = "{'TableName':'Orders','BillingMode':'PAY_PER_REQUEST',"
      + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
      + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]";

  @Nested
  class Serialization {
    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "'TableName':5 | x | NUMBER_VALUE cannot be converted to String",
        "'TableName':1.5 | x | DECIMAL_VALUE cannot be converted to String",
        "'TableName':true | x | TRUE_VALUE cannot be converted to String",
        "'TableName':[] | x | Unrecognized collection type class java.lang.String",
        "'TableName':{} | x | Start of structure or map found where not expected",
        "'KeySchema':'k' | x | Unexpected field type",
        "'KeySchema':{} | x | Start of structure or map found where not expected",
        "'AttributeDefinitions':['x'] | x | Unexpected value type in payload",
        "'AttributeDefinitions':[[]] | x | Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeDefinition",
        "'ProvisionedThroughput':5 | x | Unexpected field type",
        "'ProvisionedThroughput':[] | x | Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput",
        "'ProvisionedThroughput':{'ReadCapacityUnits':'5'} | x | STRING_VALUE cannot be converted to Long",
        "'ProvisionedThroughput':{'ReadCapacityUnits':[]} | x | Unrecognized collection type class java.lang.Long",
        "'ProvisionedThroughput':{'ReadCapacityUnits':99999999999999999999} | x | Numeric value (99999999999999999999) out of range of long (-9223372036854775808 - 9223372036854775807)",
        "'DeletionProtectionEnabled':'true' | x | Unexpected token received from parser",
        "'DeletionProtectionEnabled':1 | x | NUMBER_VALUE cannot be converted to Boolean",
        "'StreamSpecification':1 | x | Unexpected value type in payload",
        "'Tags':[{'Key':true}] | x | TRUE_VALUE cannot be converted to String",
        "'GlobalSecondaryIndexes':[{'Projection':{'NonKeyAttributes':[1]}}] | x | NUMBER_VALUE cannot be converted to String",
    })
    void createTable_memberOfWrongType_serializationText(String member, String unused, String message) {
      assertSerialization(message, Operation.CREATE_TABLE, "{" + member + "}");
    }

    @Test
    void createTable_typeErrorAndValidationError_typeErrorFirst() {
      // TableName is missing (a validation error) but KeySchema has the wrong type: serialization wins.
      assertSerialization("Unexpected field type", Operation.CREATE_TABLE, "{'KeySchema':5}");
    }

    @Test
    void updateTable_indexUpdateCreateOfWrongType_namesTheActionShape() {
      assertSerialization("Unrecognized collection type class com.amazonaws.dynamodb.v20120810."
          + "CreateGlobalSecondaryIndexAction", Operation.UPDATE_TABLE,
          "{'TableName':'Orders','GlobalSecondaryIndexUpdates':[{'Create':[]}]}");
    }

    @Test
    void untagResource_keyOfWrongType_serializationText() {
      assertSerialization("NUMBER_VALUE cannot be converted to String", Operation.UNTAG_RESOURCE,
          "{'ResourceArn':'arn:aws:dynamodb:us-east-1:1:table/T','TagKeys':[1]}");
    }

    @Test
    void updateTimeToLive_specificationOfWrongType_unexpectedFieldType() {
      assertSerialization("Unexpected field type", Operation.UPDATE_TIME_TO_LIVE,
          "{'TableName':'Orders','TimeToLiveSpecification':true}");
    }
  }

  @Nested
  class Validation {
    @Test
    void createTable_wellTypedButInvalid_validationAfterDecoding() {
      DynamoException e = assertThrows(DynamoException.class,
          () -> decode(Operation.CREATE_TABLE, VALID_CREATE + ",'ProvisionedThroughput':{'ReadCapacityUnits':1,"
              + "'WriteCapacityUnits':1}}"));
      assertEquals(ErrorCode.VALIDATION, e.code());
      assertEquals("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can "
          + "be specified when BillingMode is PAY_PER_REQUEST", e.getMessage());
    }

    @Test
    void describeTable_emptyBody_tableNameRequired() {
      DynamoException e = assertThrows(DynamoException.class, () -> decode(Operation.DESCRIBE_TABLE, "{}"));
      assertEquals("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must "
          + "not be null", e.getMessage());
    }

    @Test
    void updateTable_nullMemberReadsAsAbsent_nothingToDo() {
      DynamoException e = assertThrows(DynamoException.class,
          () -> decode(Operation.UPDATE_TABLE, "{'TableName':'Orders','BillingMode':null}"));
      assertEquals(ErrorCode.VALIDATION, e.code());
      assertEquals(true, e.getMessage().startsWith("At least one of ProvisionedThroughput"));
    }
  }

  @Nested
  class Records {
    @Test
    void createTable_fullRequest_decodedIntoRecords() {
      String body = "{'TableName':'Orders','BillingMode':'PROVISIONED',"
          + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'},"
          + "{'AttributeName':'lsk','AttributeType':'S'},{'AttributeName':'g1','AttributeType':'S'},"
          + "{'AttributeName':'g2','AttributeType':'B'}],"
          + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
          + "'LocalSecondaryIndexes':[{'IndexName':'byLsk','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
          + "{'AttributeName':'lsk','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}],"
          + "'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g1','KeyType':'HASH'},"
          + "{'AttributeName':'g2','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
          + "'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['a','b']},"
          + "'ProvisionedThroughput':{'ReadCapacityUnits':3,'WriteCapacityUnits':4},"
          + "'WarmThroughput':{'ReadUnitsPerSecond':12000}}],"
          + "'ProvisionedThroughput':{'ReadCapacityUnits':5,'WriteCapacityUnits':6},"
          + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'NEW_AND_OLD_IMAGES'},"
          + "'SSESpecification':{'Enabled':true,'SSEType':'KMS','KMSMasterKeyId':'alias/k'},"
          + "'Tags':[{'Key':'env','Value':'prod'}],'TableClass':'STANDARD','DeletionProtectionEnabled':true,"
          + "'WarmThroughput':{'ReadUnitsPerSecond':13000,'WriteUnitsPerSecond':5000},"
          + "'ResourcePolicy':'{}','UnknownMember':42}";
      CreateTableRequest expected = new CreateTableRequest("Orders",
          List.of(new AttributeDefinition("pk", "S"), new AttributeDefinition("sk", "N"),
              new AttributeDefinition("lsk", "S"), new AttributeDefinition("g1", "S"), new AttributeDefinition("g2", "B")),
          List.of(new KeySchemaElement("pk", "HASH"), new KeySchemaElement("sk", "RANGE")),
          List.of(new LocalSecondaryIndex("byLsk",
              List.of(new KeySchemaElement("pk", "HASH"), new KeySchemaElement("lsk", "RANGE")),
              new Projection("KEYS_ONLY", null))),
          List.of(new GlobalSecondaryIndex("byG",
              List.of(new KeySchemaElement("g1", "HASH"), new KeySchemaElement("g2", "HASH"),
                  new KeySchemaElement("sk", "RANGE")),
              new Projection("INCLUDE", List.of("a", "b")), new ProvisionedThroughput(3L, 4L),
              null, new WarmThroughput(12000L, null))),
          "PROVISIONED", new ProvisionedThroughput(5L, 6L), new StreamSpecification(true, "NEW_AND_OLD_IMAGES"),
          new SSESpecification(true, "KMS", "alias/k"), List.of(new Tag("env", "prod")), "STANDARD", true,
          new WarmThroughput(13000L, 5000L), null, "{}");
      assertEquals(expected, decode(Operation.CREATE_TABLE, body));
    }

    @Test
    void createTable_onDemandLimits_decodedForTableAndIndex() {
      CreateTableRequest r = (CreateTableRequest) decode(Operation.CREATE_TABLE, VALID_CREATE.replace("'pk','AttributeType':'S'}]",
          "'pk','AttributeType':'S'},{'AttributeName':'g','AttributeType':'S'}]")
          + ",'OnDemandThroughput':{'MaxReadRequestUnits':100,'MaxWriteRequestUnits':200}"
          + ",'GlobalSecondaryIndexes':[{'IndexName':'byG','KeySchema':[{'AttributeName':'g','KeyType':'HASH'}],"
          + "'Projection':{'ProjectionType':'ALL'},'OnDemandThroughput':{'MaxWriteRequestUnits':7}}]}");
      assertEquals(new OnDemandThroughput(100L, 200L), r.onDemandThroughput());
      assertEquals(new OnDemandThroughput(null, 7L), r.globalSecondaryIndexes().get(0).onDemandThroughput());
    }

    @Test
    void updateTable_indexActions_decodedIntoRecords() {
      String body = "{'TableName':'Orders','AttributeDefinitions':[{'AttributeName':'g3','AttributeType':'S'}],"
          + "'BillingMode':'PAY_PER_REQUEST','GlobalSecondaryIndexUpdates':["
          + "{'Create':{'IndexName':'byG3','KeySchema':[{'AttributeName':'g3','KeyType':'HASH'}],"
          + "'Projection':{'ProjectionType':'ALL'}}},"
          + "{'Update':{'IndexName':'byG1','OnDemandThroughput':{'MaxReadRequestUnits':5,'MaxWriteRequestUnits':6}}}]}";
      UpdateTableRequest expected = new UpdateTableRequest("Orders", List.of(new AttributeDefinition("g3", "S")),
          "PAY_PER_REQUEST", null, List.of(
              new GlobalSecondaryIndexUpdate(new GlobalSecondaryIndexUpdate.Create("byG3",
                  List.of(new KeySchemaElement("g3", "HASH")), new Projection("ALL", null), null, null, null), null, null),
              new GlobalSecondaryIndexUpdate(null, new GlobalSecondaryIndexUpdate.Update("byG1", null,
                  new OnDemandThroughput(5L, 6L), null), null)),
          null, null, null, null, null, null);
      assertEquals(expected, decode(Operation.UPDATE_TABLE, body));
    }

    @Test
    void smallActions_decodedIntoRecords() {
      String arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";
      assertEquals(new DescribeTableRequest("Orders"), decode(Operation.DESCRIBE_TABLE, "{'TableName':'Orders'}"));
      assertEquals(new UpdateTimeToLiveRequest("Orders", new TimeToLiveSpecification(true, "ttl")),
          decode(Operation.UPDATE_TIME_TO_LIVE,
              "{'TableName':'Orders','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'ttl'}}"));
      assertEquals(new TagResourceRequest(arn, List.of(new Tag("a", "1"), new Tag("b", ""))),
          decode(Operation.TAG_RESOURCE, "{'ResourceArn':'" + arn + "','Tags':[{'Key':'a','Value':'1'},{'Key':'b','Value':''}]}"));
      assertEquals(new UntagResourceRequest(arn, List.of("a", "b")),
          decode(Operation.UNTAG_RESOURCE, "{'ResourceArn':'" + arn + "','TagKeys':['a','b']}"));
      assertEquals(new ListTagsOfResourceRequest(arn, null),
          decode(Operation.LIST_TAGS_OF_RESOURCE, "{'ResourceArn':'" + arn + "'}"));
      assertSame(EmptyRequest.INSTANCE, decode(Operation.DESCRIBE_LIMITS, "{}"));
    }
  }
}
