package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * DescribeTimeToLive and UpdateTimeToLive (API Reference: DescribeTimeToLive, UpdateTimeToLive,
 * TimeToLiveSpecification). The service moves through ENABLING and DISABLING and refuses a second change within
 * about an hour ("Time to live has been modified multiple times within a fixed interval"); Cairn has neither,
 * so the enable-then-disable steps below hold only for Cairn and would need fresh tables on the service.
 */
class TimeToLiveIT {
  static CairnFixture fixture;
  static DynamoDbClient dynamo;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
  }

  private static TimeToLiveDescription describe(String table) {
    return dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
  }

  private static TimeToLiveSpecification spec(boolean enabled, String attribute) {
    return TimeToLiveSpecification.builder().enabled(enabled).attributeName(attribute).build();
  }

  private static String table(String prefix) {
    String name = Tables.name(prefix);
    Tables.createOnDemand(dynamo, name);
    return name;
  }

  @Test
  void describeTimeToLive_newTable_isDisabled() {
    TimeToLiveDescription d = describe(table("ttl-new"));
    assertEquals(TimeToLiveStatus.DISABLED, d.timeToLiveStatus());
    assertNull(d.attributeName());
  }

  @Test
  void updateTimeToLive_enable_echoesTheSpecificationAndIsDescribed() {
    String name = table("ttl-enable");
    TimeToLiveSpecification answered = dynamo.updateTimeToLive(b -> b.tableName(name)
        .timeToLiveSpecification(spec(true, "expiresAt"))).timeToLiveSpecification();
    assertEquals(spec(true, "expiresAt"), answered);

    TimeToLiveDescription d = describe(name);
    assertTrue(Set.of(TimeToLiveStatus.ENABLING, TimeToLiveStatus.ENABLED).contains(d.timeToLiveStatus()),
        d.timeToLiveStatusAsString());
    assertEquals("expiresAt", d.attributeName());
  }

  @Test
  void updateTimeToLive_enableTwice_throwsAlreadyEnabled() {
    String name = table("ttl-twice");
    dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(spec(true, "exp")));
    assertDynamoError("ValidationException", "TimeToLive is already enabled",
        () -> dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(spec(true, "exp"))));
    assertDynamoError("ValidationException", "TimeToLive is active on a different AttributeName: current AttributeName"
        + " is exp", () -> dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(spec(true, "other"))));
    assertEquals("exp", describe(name).attributeName());
  }

  @Test
  void updateTimeToLive_disable_isDescribedDisabled() {
    String name = table("ttl-disable");
    dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(spec(true, "exp")));
    assertEquals(spec(false, "exp"), dynamo.updateTimeToLive(b -> b.tableName(name)
        .timeToLiveSpecification(spec(false, "exp"))).timeToLiveSpecification());
    TimeToLiveDescription d = describe(name);
    assertTrue(Set.of(TimeToLiveStatus.DISABLING, TimeToLiveStatus.DISABLED).contains(d.timeToLiveStatus()),
        d.timeToLiveStatusAsString());
  }

  @Test
  void updateTimeToLive_disableWhenDisabled_throwsAlreadyDisabled() {
    String name = table("ttl-off");
    assertDynamoError("ValidationException", "TimeToLive is already disabled",
        () -> dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(spec(false, "exp"))));
  }

  @Test
  void timeToLive_missingTable_throwsResourceNotFound() {
    String text = "Requested resource not found: Table: no-such-table not found";
    assertDynamoError("ResourceNotFoundException", text, () -> dynamo.describeTimeToLive(b -> b.tableName("no-such-table")));
    assertDynamoError("ResourceNotFoundException", text, () -> dynamo.updateTimeToLive(b -> b.tableName("no-such-table")
        .timeToLiveSpecification(spec(true, "exp"))));
  }

  @Test
  void updateTimeToLive_missingSpecification_throwsValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value null at 'timeToLiveSpecification'"
        + " failed to satisfy constraint: Member must not be null",
        () -> dynamo.updateTimeToLive(b -> b.tableName("some-table")));
  }

  @Test
  void updateTimeToLive_emptyAttributeNameAndNoEnabled_reportsBoth() {
    assertDynamoError("ValidationException", "2 validation errors detected: Value '' at"
        + " 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length greater"
        + " than or equal to 1; Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member"
        + " must not be null", () -> dynamo.updateTimeToLive(b -> b.tableName("some-table")
            .timeToLiveSpecification(s -> s.attributeName(""))));
  }

  @Test
  void timeToLive_byTableArn_works() {
    String name = table("ttl-arn");
    String arn = "arn:aws:dynamodb:us-east-1:" + fixture.defaultKeys().accountId() + ":table/" + name;
    dynamo.updateTimeToLive(b -> b.tableName(arn).timeToLiveSpecification(spec(true, "exp")));
    assertEquals("exp", dynamo.describeTimeToLive(b -> b.tableName(arn)).timeToLiveDescription().attributeName());
  }
}
