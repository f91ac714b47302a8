package dev.cairn.core.validate;

import static dev.cairn.core.validate.TableFixtures.all;
import static dev.cairn.core.validate.TableFixtures.assertValidation;
import static dev.cairn.core.validate.TableFixtures.defs;
import static dev.cairn.core.validate.TableFixtures.hash;
import static dev.cairn.core.validate.TableFixtures.keys;
import static dev.cairn.core.validate.TableFixtures.pt;
import static dev.cairn.core.validate.TableFixtures.range;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.cairn.core.api.AttributeDefinition;
import dev.cairn.core.api.GlobalSecondaryIndexUpdate;
import dev.cairn.core.api.GlobalSecondaryIndexUpdate.Create;
import dev.cairn.core.api.GlobalSecondaryIndexUpdate.Delete;
import dev.cairn.core.api.GlobalSecondaryIndexUpdate.Update;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.OnDemandThroughput;
import dev.cairn.core.api.ProvisionedThroughput;
import dev.cairn.core.api.SSESpecification;
import dev.cairn.core.api.StreamSpecification;
import dev.cairn.core.api.UpdateTableRequest;
import dev.cairn.core.api.WarmThroughput;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UpdateTable validation: the "nothing to do" rule, index action shapes, combinations, billing, streams. */
class UpdateTableValidatorTest {
  private static final String INVALID = "One or more parameter values were invalid: ";
  private static final String NOTHING = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
      + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
      + "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
      + "WarmThroughput or TableClass is required";

  /** A mutable description of one UpdateTable call. */
  private static final class U {
    String name = "Orders";
    List<AttributeDefinition> defs;
    String billing;
    ProvisionedThroughput pt;
    List<GlobalSecondaryIndexUpdate> updates;
    StreamSpecification stream;
    SSESpecification sse;
    String tableClass;
    Boolean dp;
    OnDemandThroughput onDemand;
    WarmThroughput warm;

    void validate() {
      UpdateTableValidator.validate(new UpdateTableRequest(name, defs, billing, pt, updates, stream, sse, tableClass,
          dp, onDemand, warm));
    }
  }

  private static U u() {
    return new U();
  }

  private static GlobalSecondaryIndexUpdate create(String name, ProvisionedThroughput pt, KeySchemaElement... keys) {
    return new GlobalSecondaryIndexUpdate(new Create(name, keys(keys), all(), pt, null, null), null, null);
  }

  private static GlobalSecondaryIndexUpdate update(String name, ProvisionedThroughput pt) {
    return new GlobalSecondaryIndexUpdate(null, new Update(name, pt, null, null), null);
  }

  private static GlobalSecondaryIndexUpdate delete(String name) {
    return new GlobalSecondaryIndexUpdate(null, null, new Delete(name));
  }

  @Test
  void updateTable_onlyTableName_atLeastOneRequired() {
    assertValidation(NOTHING, () -> u().validate());
  }

  @Test
  void updateTable_onlyAttributeDefinitions_atLeastOneRequired() {
    U u = u();
    u.defs = defs("pk");
    assertValidation(NOTHING, u::validate);
  }

  @Test
  void updateTable_emptyIndexUpdatesAlone_atLeastOneRequired() {
    U u = u();
    u.updates = List.of();
    assertValidation(NOTHING, u::validate);
  }

  @Test
  void updateTable_emptyIndexUpdatesWithRealChange_listIsEmpty() {
    U u = u();
    u.updates = List.of();
    u.dp = true;
    assertValidation(INVALID + "List of GlobalSecondaryIndexUpdates is empty", u::validate);
  }

  @Test
  void updateTable_entryWithoutAction_oneMustNotBeNull() {
    U u = u();
    u.updates = List.of(new GlobalSecondaryIndexUpdate(null, null, null));
    assertValidation(INVALID + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
        + "GlobalSecondaryIndexUpdate.Delete must not be null", u::validate);
  }

  @Test
  void updateTable_entryWithTwoActions_onlyOneAction() {
    U u = u();
    u.updates = List.of(new GlobalSecondaryIndexUpdate(null, new Update("gsi1", pt(1, 1), null, null), new Delete("gsi1")));
    assertValidation(INVALID + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate "
        + "object", u::validate);
  }

  @Test
  void updateTable_sameIndexTwice_onlyOneUpdatePerIndex() {
    U u = u();
    u.updates = Arrays.asList(delete("gsi1"), update("gsi1", pt(2, 2)));
    assertValidation(INVALID + "Only one global secondary index update per index is allowed simultaneously. "
        + "Index: gsi1", u::validate);
  }

  @Test
  void updateTable_sseWithDeletionProtection_sseMustBeAlone() {
    U u = u();
    u.sse = new SSESpecification(true, "KMS", "alias/k");
    u.dp = true;
    assertValidation(INVALID + "Server-Side Encryption modification must be the only operation in the request", u::validate);
  }

  @Test
  void updateTable_tableClassWithDeletionProtection_tableClassNamedFirst() {
    U u = u();
    u.tableClass = "STANDARD";
    u.dp = false;
    assertValidation(INVALID + "TableClass modification must be the only operation in the request", u::validate);
  }

  @Test
  void updateTable_deletionProtectionWithIndexCreate_mustBeAlone() {
    U u = u();
    u.defs = defs("g");
    u.updates = List.of(create("gsi2", null, hash("g")));
    u.dp = true;
    assertValidation(INVALID + "DeletionProtection modification must be the only operation in the request", u::validate);
  }

  @Test
  void updateTable_indexCreateWithThroughput_notWhileUpdatingIops() {
    U u = u();
    u.defs = defs("g");
    u.pt = pt(2, 2);
    u.updates = List.of(create("gsi2", pt(1, 1), hash("g")));
    assertValidation(INVALID + "You cannot create or delete index while updating table IOPS", u::validate);
  }

  @Test
  void updateTable_indexDeleteWithStream_notWhileChangingStream() {
    U u = u();
    u.updates = List.of(delete("gsi1"));
    u.stream = new StreamSpecification(true, "KEYS_ONLY");
    assertValidation(INVALID + "You cannot create or delete index while changing stream status", u::validate);
  }

  @Test
  void updateTable_throughputWithStream_notWhileUpdatingIops() {
    U u = u();
    u.pt = pt(2, 2);
    u.stream = new StreamSpecification(true, "KEYS_ONLY");
    assertValidation(INVALID + "You cannot modify stream status while updating table IOPS", u::validate);
  }

  @Test
  void updateTable_indexCreateWithWarmThroughput_rejected() {
    U u = u();
    u.defs = defs("g");
    u.updates = List.of(create("gsi2", null, hash("g")));
    u.warm = new WarmThroughput(13000L, 5000L);
    assertValidation(INVALID + "Create global secondary index cannot be specified when updating WarmThroughput", u::validate);
  }

  @Test
  void updateTable_indexCreateWithBillingSwitch_accepted() {
    U u = u();
    u.defs = defs("g");
    u.billing = "PAY_PER_REQUEST";
    u.updates = List.of(create("gsi2", null, hash("g")), update("gsi1", null));
    assertDoesNotThrow(u::validate);
  }

  @Test
  void updateTable_onDemandWithThroughput_onlyWithBillingMode() {
    U u = u();
    u.pt = pt(1, 1);
    u.onDemand = new OnDemandThroughput(5L, 5L);
    assertValidation(INVALID + "OnDemandThroughput can only be combined with BillingMode in an UpdateTable request",
        u::validate);
  }

  @Test
  void updateTable_zeroOnDemandLimits_outsideValidRange() {
    U u = u();
    u.onDemand = new OnDemandThroughput(0L, 0L);
    assertValidation(INVALID + "Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid "
        + "range", u::validate);
  }

  @Test
  void updateTable_minusOneOnDemandLimits_clearsTheLimit() {
    U u = u();
    u.billing = "PAY_PER_REQUEST";
    u.onDemand = new OnDemandThroughput(-1L, -1L);
    assertDoesNotThrow(u::validate);
  }

  @Test
  void updateTable_payPerRequestWithThroughput_neitherAllowed() {
    U u = u();
    u.billing = "PAY_PER_REQUEST";
    u.pt = pt(1, 1);
    // The service's observed text for this combination (docs/control-plane.md).
    assertValidation(INVALID + "ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST",
        u::validate);
  }

  @Test
  void updateTable_provisionedWithoutThroughput_mustBeSpecified() {
    U u = u();
    u.billing = "PROVISIONED";
    assertValidation(INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED", u::validate);
  }

  @Test
  void updateTable_payPerRequestWithIndexThroughput_neitherForIndex() {
    U u = u();
    u.billing = "PAY_PER_REQUEST";
    u.updates = List.of(update("gsi1", pt(1, 1)));
    assertValidation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: gsi1 "
        + "when BillingMode is PAY_PER_REQUEST", u::validate);
  }

  @Test
  void updateTable_switchToProvisionedWithIndexCreate_combinationReportedBeforeBilling() {
    U u = u();
    u.defs = defs("g");
    u.billing = "PROVISIONED";
    u.pt = pt(5, 5);
    u.updates = List.of(create("gsi-nopt", null, hash("g")));
    assertValidation(INVALID + "You cannot create or delete index while updating table IOPS", u::validate);
  }

  @Test
  void updateTable_enableStreamWithoutViewType_viewTypeRequired() {
    U u = u();
    u.stream = new StreamSpecification(true, null);
    assertValidation(INVALID + "If stream is being enabled then UpdateViewType is required", u::validate);
  }

  @Test
  void updateTable_disableStreamWithViewType_mustNotBeSpecified() {
    U u = u();
    u.stream = new StreamSpecification(false, "KEYS_ONLY");
    assertValidation(INVALID + "If stream is being disabled, then UpdateViewType must not be specified", u::validate);
  }

  @Test
  void updateTable_indexCreateWithoutDefinitions_notSpecifiedForIndex() {
    U u = u();
    u.updates = List.of(create("gsi3", null, hash("g")));
    assertValidation(INVALID + "AttributeDefinitions is not specified for index: gsi3", u::validate);
  }

  @Test
  void updateTable_indexCreateRangeFirst_firstNotHash() {
    U u = u();
    u.defs = defs("g", "h");
    u.updates = List.of(create("gsi2", null, range("g"), hash("h")));
    assertValidation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type", u::validate);
  }

  @Test
  void updateTable_indexUpdateWithEmptyThroughput_bothUnitsNullWriteFirst() {
    U u = u();
    u.updates = List.of(update("gsi1", new ProvisionedThroughput(null, null)));
    assertValidation("2 validation errors detected: Value null at "
        + "'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.writeCapacityUnits' failed to satisfy "
        + "constraint: Member must not be null; Value null at "
        + "'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.readCapacityUnits' failed to satisfy "
        + "constraint: Member must not be null", u::validate);
  }

  @Test
  void updateTable_emptyCreateIndexName_lengthThenPattern() {
    U u = u();
    u.defs = defs("g");
    u.updates = List.of(create("", null, hash("g")));
    assertValidation("2 validation errors detected: Value '' at 'globalSecondaryIndexUpdates.1.member.create.indexName' "
        + "failed to satisfy constraint: Member must have length greater than or equal to 3; Value '' at "
        + "'globalSecondaryIndexUpdates.1.member.create.indexName' failed to satisfy constraint: Member must satisfy "
        + "regular expression pattern: [a-zA-Z0-9_.-]+", u::validate);
  }

  @Test
  void updateTable_badAttributeTypeWithDeletionProtection_modelErrorFirst() {
    U u = u();
    u.defs = List.of(new AttributeDefinition("pk", ""));
    u.dp = true;
    assertValidation("1 validation error detected: Value '' at 'attributeDefinitions.1.member.attributeType' failed "
        + "to satisfy constraint: Member must satisfy enum value set: [B, N, S]", u::validate);
  }

  @Test
  void updateTable_tableArnAsName_accepted() {
    U u = u();
    u.name = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";
    u.dp = true;
    assertDoesNotThrow(u::validate);
  }
}
