package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The transitional table states CREATING, UPDATING and DELETING, made observable by the runtime setting
 * {@code control_plane_delay_ms} (4 s here, ample on a loaded machine; the real service takes seconds), and the errors the service
 * gives for operations on a table in those states (API Reference: CreateTable, DeleteTable, UpdateTable,
 * Common errors). Against real DynamoDB the setting is not needed: the states last longer there.
 */
class TableLifecycleIT {
  static final long DELAY_MS = 4000;
  static CairnFixture fixture;
  static DynamoDbClient dynamo;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
    setDelay(DELAY_MS);
  }

  @AfterAll
  static void tearDown() throws Exception {
    setDelay(0);
  }

  /** Sets the delay through the management API and gives the catalog notification time to reach the engine. */
  static void setDelay(long millis) throws Exception {
    var reply = fixture.management().call("PUT", "/settings/control_plane_delay_ms", "{\"value\":\"" + millis + "\"}");
    assertTrue(reply.ok(), () -> "setting the delay: " + reply);
    Thread.sleep(500);
  }

  /** Polls every 250 ms (the SDK's default is 20 s), for at most a minute. */
  static void fast(WaiterOverrideConfiguration.Builder b) {
    b.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(250))).maxAttempts(240);
  }

  private static String arn(String table) {
    return "arn:aws:dynamodb:us-east-1:" + fixture.defaultKeys().accountId() + ":table/" + table;
  }

  @Test
  void createTable_withDelay_isCreatingThenActive() {
    String name = Tables.name("lc-create");
    assertEquals(TableStatus.CREATING, dynamo.createTable(Tables.onDemand(name).build()).tableDescription().tableStatus());
    assertEquals(TableStatus.CREATING, dynamo.describeTable(b -> b.tableName(name)).table().tableStatus());
    // ListTables names a table from the moment CreateTable answers.
    assertTrue(dynamo.listTablesPaginator().tableNames().stream().anyMatch(name::equals));

    // Data operations do not see a table that is still being created.
    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("a")))));
    // Control-plane changes are refused while it is created.
    String inUse = "Attempt to change a resource which is still in use: Table is being created: " + name;
    assertDynamoError("ResourceInUseException", inUse,
        () -> dynamo.updateTable(b -> b.tableName(name).deletionProtectionEnabled(true)));
    assertDynamoError("ResourceInUseException", inUse, () -> dynamo.deleteTable(b -> b.tableName(name)));
    assertDynamoError("ResourceInUseException", inUse, () -> dynamo.createTable(Tables.onDemand(name).build()));
    // The tag APIs and DescribeTimeToLive do not see it yet either.
    assertDynamoError("ResourceNotFoundException", "Requested resource not found: ResourceArn: " + arn(name)
        + " not found", () -> dynamo.listTagsOfResource(b -> b.resourceArn(arn(name))));
    assertDynamoError("ResourceNotFoundException", "Requested resource not found: ResourceArn: " + arn(name)
        + " not found", () -> dynamo.tagResource(b -> b.resourceArn(arn(name)).tags(Tag.builder().key("k").value("v")
            .build())));
    assertDynamoError("ValidationException", "Cannot describe time to live while table is in CREATING state:"
        + " Current table state is CREATING", () -> dynamo.describeTimeToLive(b -> b.tableName(name)));

    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name), TableLifecycleIT::fast);
    assertEquals(TableStatus.ACTIVE, dynamo.describeTable(b -> b.tableName(name)).table().tableStatus());
    dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("a"))));
  }

  @Test
  void deleteTable_withDelay_isDeletingThenGone() {
    String name = Tables.name("lc-delete");
    dynamo.createTable(Tables.onDemand(name).build());
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name), TableLifecycleIT::fast);
    assertEquals(TableStatus.DELETING, dynamo.deleteTable(b -> b.tableName(name)).tableDescription().tableStatus());
    assertEquals(TableStatus.DELETING, dynamo.describeTable(b -> b.tableName(name)).table().tableStatus());

    assertDynamoError("ResourceNotFoundException", "Requested resource not found",
        () -> dynamo.getItem(b -> b.tableName(name).key(Map.of("pk", AttributeValue.fromS("a")))));
    String inUse = "Attempt to change a resource which is still in use: Table is being deleted: " + name;
    assertDynamoError("ResourceInUseException", inUse, () -> dynamo.deleteTable(b -> b.tableName(name)));
    assertDynamoError("ResourceInUseException", inUse,
        () -> dynamo.updateTable(b -> b.tableName(name).deletionProtectionEnabled(true)));
    assertDynamoError("ResourceInUseException", "Table already exists: " + name,
        () -> dynamo.createTable(Tables.onDemand(name).build()));
    assertDynamoError("ValidationException", "Cannot describe time to live while table is in DELETING state:"
        + " Current table state is DELETING", () -> dynamo.describeTimeToLive(b -> b.tableName(name)));

    dynamo.waiter().waitUntilTableNotExists(b -> b.tableName(name), TableLifecycleIT::fast);
    assertDynamoError("ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found",
        () -> dynamo.describeTable(b -> b.tableName(name)));
    assertEquals(TableStatus.CREATING, dynamo.createTable(Tables.onDemand(name).build()).tableDescription().tableStatus());
  }

  @Test
  void updateTable_withDelay_isUpdatingThenActive() {
    String name = Tables.name("lc-update");
    dynamo.createTable(Tables.onDemand(name).build());
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name), TableLifecycleIT::fast);
    assertEquals(TableStatus.UPDATING, dynamo.updateTable(b -> b.tableName(name).billingMode("PROVISIONED")
        .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(2L))).tableDescription().tableStatus());
    assertEquals(TableStatus.UPDATING, dynamo.describeTable(b -> b.tableName(name)).table().tableStatus());
    // Items stay available while the table is UPDATING.
    dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("a"))));
    // While UPDATING the service refuses throughput, stream and delete requests, each with its own text ...
    String inUse = "Attempt to change a resource which is still in use: ";
    assertDynamoError("ResourceInUseException", inUse + "Table IOPS are currently being updated. Table: " + name,
        () -> dynamo.updateTable(b -> b.tableName(name).provisionedThroughput(p -> p.readCapacityUnits(3L)
            .writeCapacityUnits(3L))));
    assertDynamoError("ResourceInUseException", inUse + "Can't enable or disable stream while table IOPS are being"
        + " updated. Table: " + name, () -> dynamo.updateTable(b -> b.tableName(name).streamSpecification(sp -> sp
            .streamEnabled(true).streamViewType("KEYS_ONLY"))));
    assertDynamoError("ResourceInUseException", inUse + "Table: " + name + " is in the process of being updated.",
        () -> dynamo.deleteTable(b -> b.tableName(name)));
    // ... but admits deletion protection.
    assertEquals(TableStatus.UPDATING, dynamo.updateTable(b -> b.tableName(name).deletionProtectionEnabled(true))
        .tableDescription().tableStatus());

    TableIT.sleep(Duration.ofMillis(DELAY_MS + 200));
    var d = dynamo.describeTable(b -> b.tableName(name)).table();
    assertEquals(TableStatus.ACTIVE, d.tableStatus());
    assertEquals(2L, d.provisionedThroughput().readCapacityUnits());
    assertTrue(d.deletionProtectionEnabled());
  }
}
