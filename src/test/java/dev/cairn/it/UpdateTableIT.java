package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static dev.cairn.it.Tables.hash;
import static dev.cairn.it.Tables.n;
import static dev.cairn.it.Tables.range;
import static dev.cairn.it.Tables.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * UpdateTable through the AWS SDK for Java v2: billing mode, throughput, global secondary index create and
 * delete (described only: index maintenance is separate work), streams, deletion protection, table class,
 * and the service's errors for each (API Reference, "UpdateTable").
 */
class UpdateTableIT {
  static CairnFixture fixture;
  static DynamoDbClient dynamo;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
  }

  private static ProvisionedThroughput pt(long read, long write) {
    return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
  }

  private static TableDescription describe(String name) {
    return dynamo.describeTable(b -> b.tableName(name)).table();
  }

  private static String provisioned(String prefix, long read, long write) {
    String name = Tables.name(prefix);
    Tables.create(dynamo, CreateTableRequest.builder().tableName(name).keySchema(hash("pk"))
        .attributeDefinitions(s("pk")).provisionedThroughput(pt(read, write)).build());
    return name;
  }

  private static String onDemand(String prefix) {
    String name = Tables.name(prefix);
    Tables.createOnDemand(dynamo, name);
    return name;
  }

  private static GlobalSecondaryIndexUpdate createIndex(String indexName, String hashAttribute, ProvisionedThroughput p) {
    return GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction.builder().indexName(indexName)
        .keySchema(hash(hashAttribute)).projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .provisionedThroughput(p).build()).build();
  }

  private static GlobalSecondaryIndexUpdate deleteIndex(String indexName) {
    return GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(indexName)).build();
  }

  // ---- billing mode and throughput

  @Test
  void updateTable_onDemandToProvisioned_keepsLastSwitchTime() {
    String name = onDemand("ut-to-prov");
    Instant switched = describe(name).billingModeSummary().lastUpdateToPayPerRequestDateTime();
    TableDescription u = dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(pt(4, 2))).tableDescription();
    assertEquals(TableStatus.UPDATING, u.tableStatus());
    // The answer names the new mode only; the switch time comes with later descriptions.
    assertEquals(BillingMode.PROVISIONED, u.billingModeSummary().billingMode());
    assertNull(u.billingModeSummary().lastUpdateToPayPerRequestDateTime());
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));

    TableDescription d = describe(name);
    assertEquals(BillingMode.PROVISIONED, d.billingModeSummary().billingMode());
    assertEquals(switched, d.billingModeSummary().lastUpdateToPayPerRequestDateTime());
    assertEquals(4L, d.provisionedThroughput().readCapacityUnits());
    assertEquals(2L, d.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void updateTable_provisionedToOnDemand_reportsZeroThroughput() {
    String name = provisioned("ut-to-ppr", 3, 3);
    Instant before = Instant.now().minusSeconds(5);
    TableDescription u = dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST))
        .tableDescription();
    assertEquals(BillingMode.PAY_PER_REQUEST, u.billingModeSummary().billingMode());
    assertNull(u.billingModeSummary().lastUpdateToPayPerRequestDateTime());
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));

    TableDescription d = describe(name);
    assertEquals(BillingMode.PAY_PER_REQUEST, d.billingModeSummary().billingMode());
    assertTrue(d.billingModeSummary().lastUpdateToPayPerRequestDateTime().isAfter(before));
    assertEquals(0L, d.provisionedThroughput().readCapacityUnits());
    assertEquals(0L, d.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void updateTable_throughput_isDescribedAfterwards() {
    String name = provisioned("ut-pt", 1, 1);
    dynamo.updateTable(b -> b.tableName(name).provisionedThroughput(pt(5, 6)));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    TableDescription d = describe(name);
    assertEquals(5L, d.provisionedThroughput().readCapacityUnits());
    assertEquals(6L, d.provisionedThroughput().writeCapacityUnits());
    assertNull(d.billingModeSummary());
  }

  @Test
  void updateTable_sameThroughput_throwsWillNotChange() {
    String name = provisioned("ut-same-pt", 2, 3);
    String text = "The provisioned throughput for the table will not change. The requested value equals the current"
        + " value. Current ReadCapacityUnits provisioned for the table: 2. Requested ReadCapacityUnits: 2. Current"
        + " WriteCapacityUnits provisioned for the table: 3. Requested WriteCapacityUnits: 3. Refer to the Amazon"
        + " DynamoDB Developer Guide for current limits and how to request higher limits.";
    assertDynamoError("ValidationException", text,
        () -> dynamo.updateTable(b -> b.tableName(name).provisionedThroughput(pt(2, 3))));
    assertDynamoError("ValidationException", text, () -> dynamo.updateTable(b -> b.tableName(name)
        .billingMode(BillingMode.PROVISIONED).provisionedThroughput(pt(2, 3))));
  }

  @Test
  @Disabled("Cairn does not track throughput decreases yet (NumberOfDecreasesToday, LastDecreaseDateTime)")
  void updateTable_decrease_isCountedAndDated() {
    String name = provisioned("ut-decrease", 5, 5);
    dynamo.updateTable(b -> b.tableName(name).provisionedThroughput(pt(1, 1)));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    var p = describe(name).provisionedThroughput();
    assertEquals(1L, p.numberOfDecreasesToday());
    assertNotNull(p.lastDecreaseDateTime());
  }

  @Test
  void updateTable_throughputOnOnDemandTable_throwsValidation() {
    String name = onDemand("ut-ppr-pt");
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Neither ReadCapacityUnits"
        + " nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
        () -> dynamo.updateTable(b -> b.tableName(name).provisionedThroughput(pt(1, 1))));
  }

  @Test
  void updateTable_switchToOnDemandWithThroughput_throwsValidation() {
    String name = provisioned("ut-to-ppr-pt", 1, 1);
    assertDynamoError("ValidationException", "One or more parameter values were invalid: ProvisionedThroughput cannot"
        + " be specified when BillingMode is PAY_PER_REQUEST", () -> dynamo.updateTable(b -> b.tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST).provisionedThroughput(pt(2, 2))));
  }

  @Test
  void updateTable_provisionedWithoutThroughput_throwsValidation() {
    String name = onDemand("ut-prov-no-pt");
    assertDynamoError("ValidationException", "One or more parameter values were invalid: ProvisionedThroughput must"
        + " be specified when BillingMode is PROVISIONED",
        () -> dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PROVISIONED)));
  }

  @Test
  void updateTable_nothingToChange_throwsValidation() {
    String name = onDemand("ut-nothing");
    String text = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates,"
        + " SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency,"
        + " DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required";
    assertDynamoError("ValidationException", text, () -> dynamo.updateTable(b -> b.tableName(name)));
    // AttributeDefinitions alone change nothing either.
    assertDynamoError("ValidationException", text,
        () -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(n("pk"))));
  }

  @Test
  void updateTable_badBillingMode_throwsValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value 'FREE' at 'billingMode' failed to"
        + " satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]",
        () -> dynamo.updateTable(b -> b.tableName("whatever").billingMode("FREE")));
  }

  // ---- global secondary indexes

  @Test
  void updateTable_createAndDeleteGsi_areDescribed() {
    String name = onDemand("ut-gsi");
    TableDescription u = dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(s("pk"), n("score"))
        .globalSecondaryIndexUpdates(createIndex("by-score", "score", null))).tableDescription();
    assertEquals(TableStatus.UPDATING, u.tableStatus());
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));

    TableDescription d = describe(name);
    assertEquals(1, d.globalSecondaryIndexes().size());
    GlobalSecondaryIndexDescription g = d.globalSecondaryIndexes().get(0);
    assertEquals("by-score", g.indexName());
    assertEquals(List.of(hash("score")), g.keySchema());
    assertEquals(ProjectionType.ALL, g.projection().projectionType());
    assertEquals(d.tableArn() + "/index/by-score", g.indexArn());
    assertTrue(g.indexStatus() == IndexStatus.CREATING || g.indexStatus() == IndexStatus.ACTIVE, g.indexStatusAsString());
    assertTrue(d.attributeDefinitions().contains(n("score")), d.attributeDefinitions().toString());

    dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(deleteIndex("by-score")));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    assertFalse(describe(name).hasGlobalSecondaryIndexes());
  }

  @Test
  void updateTable_createGsiOnProvisionedTable_describesItsThroughput() {
    String name = provisioned("ut-gsi-prov", 1, 1);
    dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(s("g"))
        .globalSecondaryIndexUpdates(createIndex("g-index", "g", pt(3, 2))));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    GlobalSecondaryIndexDescription g = describe(name).globalSecondaryIndexes().get(0);
    assertEquals(3L, g.provisionedThroughput().readCapacityUnits());
    assertEquals(2L, g.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void updateTable_createGsiWithoutThroughputOnProvisionedTable_throwsValidation() {
    String name = provisioned("ut-gsi-no-pt", 1, 1);
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Both ReadCapacityUnits and"
        + " WriteCapacityUnits must be specified for index: g-index",
        () -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(s("g"))
            .globalSecondaryIndexUpdates(createIndex("g-index", "g", null))));
  }

  @Test
  void updateTable_createExistingIndex_throwsValidation() {
    String name = Tables.name("ut-gsi-exists");
    Tables.create(dynamo, Tables.onDemand(name).keySchema(hash("pk"), range("sk"))
        .attributeDefinitions(s("pk"), s("sk"), s("g"), s("l"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("g-index").keySchema(hash("g"))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("l-index").keySchema(hash("pk"), range("l"))
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()).build());
    assertDynamoError("ValidationException", "Attempting to create an index which already exists",
        () -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(s("g"))
            .globalSecondaryIndexUpdates(createIndex("g-index", "g", null))));
    assertDynamoError("ValidationException", "Attempting to create an index which already exists",
        () -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(s("g"))
            .globalSecondaryIndexUpdates(createIndex("l-index", "g", null))));
    assertDynamoError("ValidationException", "Cannot delete an index that is not a GlobalSecondaryIndex: l-index",
        () -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(deleteIndex("l-index"))));
  }

  @Test
  void updateTable_createGsiWithoutAttributeDefinitions_throwsValidation() {
    String name = onDemand("ut-gsi-no-defs");
    assertDynamoError("ValidationException", "One or more parameter values were invalid: AttributeDefinitions is not"
        + " specified for index: g-index",
        () -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(createIndex("g-index", "g", null))));
  }

  @Test
  void updateTable_createGsiOnUndefinedAttribute_throwsValidation() {
    String name = onDemand("ut-gsi-undef");
    var e = assertDynamoError("ValidationException", null,
        () -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(s("other"))
            .globalSecondaryIndexUpdates(createIndex("g-index", "g", null))));
    assertTrue(e.awsErrorDetails().errorMessage().startsWith("One or more parameter values were invalid: Some index"
        + " key attributes are not defined in AttributeDefinitions. Keys: [g]"), e.awsErrorDetails().errorMessage());
    assertFalse(describe(name).hasGlobalSecondaryIndexes());
  }

  @Test
  void updateTable_deleteUnknownIndex_throwsResourceNotFound() {
    String name = onDemand("ut-gsi-unknown");
    assertDynamoError("ResourceNotFoundException", "Requested resource not found: Index nope for table " + name,
        () -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(deleteIndex("nope"))));
  }

  @Test
  void updateTable_twoIndexCreatesAtOnce_throwsLimitExceeded() {
    String name = onDemand("ut-gsi-two");
    assertDynamoError("LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be created or"
        + " deleted simultaneously per table",
        () -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(s("a"), s("b"))
            .globalSecondaryIndexUpdates(createIndex("a-index", "a", null), createIndex("b-index", "b", null))));
  }

  @Test
  void updateTable_emptyIndexUpdate_throwsValidation() {
    String name = onDemand("ut-gsi-empty");
    assertDynamoError("ValidationException", "One or more parameter values were invalid: One of"
        + " GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete"
        + " must not be null",
        () -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate
            .builder().build())));
  }

  private static String withGsi(String prefix, BillingMode mode) {
    String name = Tables.name(prefix);
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name).keySchema(hash("pk"))
        .attributeDefinitions(s("pk"), s("g")).billingMode(mode);
    GlobalSecondaryIndex.Builder g = GlobalSecondaryIndex.builder().indexName("g-index").keySchema(hash("g"))
        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY));
    if (mode == BillingMode.PROVISIONED) {
      b.provisionedThroughput(pt(1, 1));
      g.provisionedThroughput(pt(1, 1));
    }
    Tables.create(dynamo, b.globalSecondaryIndexes(g.build()).build());
    return name;
  }

  private static GlobalSecondaryIndexUpdate updateIndex(String indexName, ProvisionedThroughput p) {
    return GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(indexName).provisionedThroughput(p)).build();
  }

  @Test
  void updateTable_gsiThroughput_isDescribedAndSameValueIsRefused() {
    String name = withGsi("ut-gsi-upd", BillingMode.PROVISIONED);
    dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(updateIndex("g-index", pt(4, 5))));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    GlobalSecondaryIndexDescription g = describe(name).globalSecondaryIndexes().get(0);
    assertEquals(4L, g.provisionedThroughput().readCapacityUnits());
    assertEquals(5L, g.provisionedThroughput().writeCapacityUnits());

    var e = assertDynamoError("ValidationException", null, () -> dynamo.updateTable(b -> b.tableName(name)
        .globalSecondaryIndexUpdates(updateIndex("g-index", pt(4, 5)))));
    // The head of the text is the service's; Cairn infers the rest from the table variant.
    assertTrue(e.awsErrorDetails().errorMessage().startsWith("The provisioned throughput for the index g-index will"
        + " not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for index"
        + " g-index: 4. Requested ReadCapacityUnits: 4."), e.awsErrorDetails().errorMessage());
  }

  @Test
  void updateTable_gsiThroughputOnOnDemandTable_throwsValidation() {
    String name = withGsi("ut-gsi-upd-ppr", BillingMode.PAY_PER_REQUEST);
    assertDynamoError("ValidationException", "One or more parameter values were invalid: The only Updates for index:"
        + " g-index when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput",
        () -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(updateIndex("g-index", pt(1, 1)))));
  }

  @Test
  void updateTable_toProvisionedWithGsi_needsIndexThroughput() {
    String name = withGsi("ut-gsi-to-prov", BillingMode.PAY_PER_REQUEST);
    assertDynamoError("ValidationException", "One or more parameter values were invalid: ProvisionedThroughput must be"
        + " specified for index: g-index", () -> dynamo.updateTable(b -> b.tableName(name)
            .billingMode(BillingMode.PROVISIONED).provisionedThroughput(pt(1, 1))));

    dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PROVISIONED).provisionedThroughput(pt(1, 1))
        .globalSecondaryIndexUpdates(updateIndex("g-index", pt(2, 3))));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    GlobalSecondaryIndexDescription g = describe(name).globalSecondaryIndexes().get(0);
    assertEquals(2L, g.provisionedThroughput().readCapacityUnits());
    assertEquals(3L, g.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void updateTable_byArn_updatesTheTable() {
    String name = onDemand("ut-arn");
    String arn = describe(name).tableArn();
    dynamo.updateTable(b -> b.tableName(arn).deletionProtectionEnabled(true));
    assertTrue(describe(name).deletionProtectionEnabled());
    dynamo.updateTable(b -> b.tableName(arn).deletionProtectionEnabled(false));
  }

  // ---- streams

  @Test
  void updateTable_enableAndDisableStream_withTheServiceErrors() {
    String name = onDemand("ut-stream");
    dynamo.updateTable(b -> b.tableName(name).streamSpecification(sp -> sp.streamEnabled(true)
        .streamViewType(StreamViewType.KEYS_ONLY)));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    TableDescription d = describe(name);
    assertTrue(d.streamSpecification().streamEnabled());
    assertEquals(StreamViewType.KEYS_ONLY, d.streamSpecification().streamViewType());

    assertDynamoError("ValidationException", "Table already has an enabled stream: TableName: " + name,
        () -> dynamo.updateTable(b -> b.tableName(name).streamSpecification(sp -> sp.streamEnabled(true)
            .streamViewType(StreamViewType.NEW_IMAGE))));
    assertDynamoError("ValidationException", "One or more parameter values were invalid: If stream is being disabled,"
        + " then UpdateViewType must not be specified", () -> dynamo.updateTable(b -> b.tableName(name)
            .streamSpecification(sp -> sp.streamEnabled(false).streamViewType(StreamViewType.KEYS_ONLY))));

    dynamo.updateTable(b -> b.tableName(name).streamSpecification(sp -> sp.streamEnabled(false)));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    assertNull(describe(name).streamSpecification());
    assertDynamoError("ValidationException", "Table has no stream to disable: TableName: " + name,
        () -> dynamo.updateTable(b -> b.tableName(name).streamSpecification(sp -> sp.streamEnabled(false))));
  }

  @Test
  void updateTable_enableStreamWithoutViewType_throwsValidation() {
    String name = onDemand("ut-stream-noview");
    assertDynamoError("ValidationException", "One or more parameter values were invalid: If stream is being enabled"
        + " then UpdateViewType is required",
        () -> dynamo.updateTable(b -> b.tableName(name).streamSpecification(sp -> sp.streamEnabled(true))));
  }

  // ---- deletion protection and table class

  @Test
  void updateTable_deletionProtection_isDescribedAndStaysActive() {
    String name = onDemand("ut-protect");
    TableDescription u = dynamo.updateTable(b -> b.tableName(name).deletionProtectionEnabled(true)).tableDescription();
    assertTrue(u.deletionProtectionEnabled());
    // The service applies deletion protection without an UPDATING phase.
    assertEquals(TableStatus.ACTIVE, u.tableStatus());
    assertTrue(describe(name).deletionProtectionEnabled());
    dynamo.updateTable(b -> b.tableName(name).deletionProtectionEnabled(false));
    assertFalse(describe(name).deletionProtectionEnabled());
  }

  @Test
  void updateTable_deletionProtectionWithOtherChange_throwsValidation() {
    String name = onDemand("ut-protect-combo");
    assertDynamoError("ValidationException", "One or more parameter values were invalid: DeletionProtection"
        + " modification must be the only operation in the request",
        () -> dynamo.updateTable(b -> b.tableName(name).deletionProtectionEnabled(true)
            .billingMode(BillingMode.PAY_PER_REQUEST)));
  }

  @Test
  void updateTable_tableClass_isDescribed() {
    String name = onDemand("ut-class");
    dynamo.updateTable(b -> b.tableName(name).tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    TableDescription d = describe(name);
    assertNotNull(d.tableClassSummary());
    assertEquals(TableClass.STANDARD_INFREQUENT_ACCESS, d.tableClassSummary().tableClass());
  }

  @Test
  void updateTable_badTableClass_throwsValidation() {
    String name = onDemand("ut-bad-class");
    assertDynamoError("ValidationException", "Invalid table-class parameter provided. Please try again with a valid"
        + " table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].",
        () -> dynamo.updateTable(b -> b.tableName(name).tableClass("COLD")));
  }
}
