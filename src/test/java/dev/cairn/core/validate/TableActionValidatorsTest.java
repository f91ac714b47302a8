package dev.cairn.core.validate;

import static dev.cairn.core.validate.TableFixtures.assertValidation;
import static dev.cairn.core.validate.TableFixtures.tag;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.core.api.DeleteTableRequest;
import dev.cairn.core.api.DescribeContinuousBackupsRequest;
import dev.cairn.core.api.DescribeTableRequest;
import dev.cairn.core.api.DescribeTimeToLiveRequest;
import dev.cairn.core.api.ListTagsOfResourceRequest;
import dev.cairn.core.api.TagResourceRequest;
import dev.cairn.core.api.TimeToLiveSpecification;
import dev.cairn.core.api.UntagResourceRequest;
import dev.cairn.core.api.UpdateTimeToLiveRequest;
import dev.cairn.core.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small table actions: name-only requests, TTL and tags; plus the state texts of TableMessages. */
class TableActionValidatorsTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";

  @Test
  void describeTable_emptyName_lengthThenPattern() {
    assertValidation("2 validation errors detected: Value '' at 'tableName' failed to satisfy constraint: Member "
        + "must have length greater than or equal to 3; Value '' at 'tableName' failed to satisfy constraint: Member "
        + "must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        () -> DescribeTableValidator.validate(new DescribeTableRequest("")));
  }

  @Test
  void nameOnlyActions_missingName_mustNotBeNull() {
    String expected = "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member "
        + "must not be null";
    assertValidation(expected, () -> DeleteTableValidator.validate(new DeleteTableRequest(null)));
    assertValidation(expected, () -> DescribeTimeToLiveValidator.validate(new DescribeTimeToLiveRequest(null)));
    assertValidation(expected,
        () -> DescribeContinuousBackupsValidator.validate(new DescribeContinuousBackupsRequest(null)));
  }

  @Test
  void describeTable_tableArn_accepted() {
    assertDoesNotThrow(() -> DescribeTableValidator.validate(new DescribeTableRequest(ARN)));
  }

  @Test
  void updateTimeToLive_emptySpecification_nameThenEnabled() {
    assertValidation("2 validation errors detected: Value null at 'timeToLiveSpecification.attributeName' failed to "
        + "satisfy constraint: Member must not be null; Value null at 'timeToLiveSpecification.enabled' failed to "
        + "satisfy constraint: Member must not be null", () -> UpdateTimeToLiveValidator.validate(
            new UpdateTimeToLiveRequest("Orders", new TimeToLiveSpecification(null, null))));
  }

  @Test
  void updateTimeToLive_emptyAttributeName_lengthAtLeastOne() {
    assertValidation("1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to "
        + "satisfy constraint: Member must have length greater than or equal to 1", () -> UpdateTimeToLiveValidator
            .validate(new UpdateTimeToLiveRequest("Orders", new TimeToLiveSpecification(true, ""))));
  }

  @Test
  void updateTimeToLive_noSpecification_mustNotBeNull() {
    assertValidation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy "
        + "constraint: Member must not be null",
        () -> UpdateTimeToLiveValidator.validate(new UpdateTimeToLiveRequest("Orders", null)));
  }

  @Test
  void tagResource_bareName_arnMustStartWithArn() {
    assertValidation("One or more parameter values were invalid: ARNs must start with 'arn:': Orders",
        () -> TagResourceValidator.validate(new TagResourceRequest("Orders", List.of(tag("k", "v")))));
  }

  @Test
  void tagResource_indexArn_onlyTableOrStream() {
    String index = ARN + "/index/byG";
    assertValidation("One or more parameter values were invalid: Invalid resource arn provided, only table or stream "
        + "is accepted. Provided resource arn: " + index,
        () -> TagResourceValidator.validate(new TagResourceRequest(index, List.of(tag("k", "v")))));
  }

  @Test
  void tagResource_noTags_atleastOne() {
    assertValidation("Atleast one Tag needs to be provided as Input.",
        () -> TagResourceValidator.validate(new TagResourceRequest(ARN, List.of())));
  }

  @Test
  void tagResource_missingMembers_modelErrors() {
    assertValidation("2 validation errors detected: Value null at 'resourceArn' failed to satisfy constraint: Member "
        + "must not be null; Value null at 'tags' failed to satisfy constraint: Member must not be null",
        () -> TagResourceValidator.validate(new TagResourceRequest(null, null)));
  }

  @Test
  void tagResource_keyOnly_valueNull() {
    assertValidation("The Tag Value provided is invalid, Value: null",
        () -> TagResourceValidator.validate(new TagResourceRequest(ARN, List.of(tag("k", null)))));
  }

  @Test
  void untagResource_noKeys_atleastOneKey() {
    assertValidation("Atleast one Tag Key needs to be provided as Input.",
        () -> UntagResourceValidator.validate(new UntagResourceRequest(ARN, List.of())));
  }

  @Test
  void untagResource_emptyKey_invalidKeyWithNothingAfterColon() {
    assertValidation("The Tag Key provided is invalid, Key: ",
        () -> UntagResourceValidator.validate(new UntagResourceRequest(ARN, List.of(""))));
  }

  @Test
  void listTagsOfResource_bareName_arnMustStartWithArn() {
    assertValidation("One or more parameter values were invalid: ARNs must start with 'arn:': Orders",
        () -> ListTagsOfResourceValidator.validate(new ListTagsOfResourceRequest("Orders", "anything")));
  }

  @Test
  void tableMessages_notFoundTextsPerFamily() {
    var table = TableMessages.tableNotFound("Orders");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, table.code());
    assertEquals("Requested resource not found: Table: Orders not found", table.getMessage());
    assertEquals("Requested resource not found: ResourceArn: " + ARN + " not found",
        TableMessages.resourceArnNotFound(ARN).getMessage());
    var backups = TableMessages.continuousBackupsTableNotFound("Orders");
    assertEquals(ErrorCode.TABLE_NOT_FOUND, backups.code());
    assertEquals("com.amazonaws.dynamodb.v20120810#TableNotFoundException", backups.code().wireType());
    assertEquals("Table not found: Orders", backups.getMessage());
    assertEquals("Requested resource not found: Index ghost for table Orders",
        TableMessages.indexNotFound("ghost", "Orders").getMessage());
  }

  @Test
  void tableMessages_inUseAndLimitTexts() {
    assertEquals(ErrorCode.RESOURCE_IN_USE, TableMessages.tableAlreadyExists("Orders").code());
    assertEquals("Table already exists: Orders", TableMessages.tableAlreadyExists("Orders").getMessage());
    assertEquals("Attempt to change a resource which is still in use: Table is being created: Orders",
        TableMessages.tableBeingCreated("Orders").getMessage());
    assertEquals("Attempt to change a resource which is still in use: Can't change table IOPS when an index is "
        + "being deleted. Table: Orders Indexes: [g1, g2]",
        TableMessages.tableIopsWhileIndexDeleting("Orders", List.of("g1", "g2")).getMessage());
    assertEquals(ErrorCode.LIMIT_EXCEEDED, TableMessages.onlyOneOnlineIndex().code());
    assertEquals("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table",
        TableMessages.onlyOneOnlineIndex().getMessage());
    assertEquals(ErrorCode.VALIDATION, TableMessages.deletionProtected().code());
    assertEquals("TimeToLive is active on a different AttributeName: current AttributeName is ttl",
        TableMessages.ttlActiveOnDifferentAttribute("ttl").getMessage());
    assertEquals("Cannot describe time to live while table is in CREATING state: Current table state is CREATING",
        TableMessages.cannotDescribeTtl("CREATING").getMessage());
    assertEquals("The provisioned throughput for the table will not change. The requested value equals the current "
        + "value. Current ReadCapacityUnits provisioned for the table: 2. Requested ReadCapacityUnits: 2. Current "
        + "WriteCapacityUnits provisioned for the table: 3. Requested WriteCapacityUnits: 3. Refer to the Amazon "
        + "DynamoDB Developer Guide for current limits and how to request higher limits.",
        TableMessages.tableThroughputWillNotChange(2, 2, 3, 3).getMessage());
  }
}
