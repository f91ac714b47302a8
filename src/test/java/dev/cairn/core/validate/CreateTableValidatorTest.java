package dev.cairn.core.validate;

import static dev.cairn.core.validate.TableFixtures.all;
import static dev.cairn.core.validate.TableFixtures.assertValidation;
import static dev.cairn.core.validate.TableFixtures.create;
import static dev.cairn.core.validate.TableFixtures.def;
import static dev.cairn.core.validate.TableFixtures.gsi;
import static dev.cairn.core.validate.TableFixtures.hash;
import static dev.cairn.core.validate.TableFixtures.include;
import static dev.cairn.core.validate.TableFixtures.keys;
import static dev.cairn.core.validate.TableFixtures.lsi;
import static dev.cairn.core.validate.TableFixtures.pt;
import static dev.cairn.core.validate.TableFixtures.range;
import static dev.cairn.core.validate.TableFixtures.tag;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.cairn.core.api.GlobalSecondaryIndex;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.LocalSecondaryIndex;
import dev.cairn.core.api.OnDemandThroughput;
import dev.cairn.core.api.Projection;
import dev.cairn.core.api.ProvisionedThroughput;
import dev.cairn.core.api.SSESpecification;
import dev.cairn.core.api.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** CreateTable validation: model constraints first (all together), then the first semantic violation. */
class CreateTableValidatorTest {
  private static final String INVALID = "One or more parameter values were invalid: ";

  @Test
  void createTable_fullValidRequest_passes() {
    assertDoesNotThrow(() -> create().provisioned(5, 5)
        .defs("pk", "sk", "gsi1", "lsi1")
        .keys(hash("pk"), range("sk"))
        .lsis(new LocalSecondaryIndex("byL1", keys(hash("pk"), range("lsi1")), include("x", "y")))
        .gsis(gsi("byG1", pt(1, 1), hash("gsi1"), range("sk")))
        .stream(true, "NEW_AND_OLD_IMAGES")
        .sse(new SSESpecification(true, "KMS", "alias/k"))
        .tags(tag("env", "prod"), tag("team", ""))
        .tableClass("STANDARD_INFREQUENT_ACCESS")
        .validate());
  }

  @Nested
  class ModelConstraints {
    @Test
    void createTable_requiredMembersMissing_listsEachInMemberOrder() {
      assertValidation("3 validation errors detected: "
          + "Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null; "
          + "Value null at 'tableName' failed to satisfy constraint: Member must not be null; "
          + "Value null at 'keySchema' failed to satisfy constraint: Member must not be null",
          () -> create().name(null).defs((List) null).keys((List<KeySchemaElement>) null).validate());
    }

    @Test
    void createTable_badTableName_lengthThenPattern() {
      assertValidation("2 validation errors detected: "
          + "Value 'x;' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
          + "Value 'x;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
          () -> create().name("x;").validate());
    }

    @Test
    void createTable_threeKeyElements_quotesTheElementsTheServiceWay() {
      assertValidation("1 validation error detected: Value '[KeySchemaElement(attributeName=a, keyType=HASH), "
          + "KeySchemaElement(attributeName=b, keyType=RANGE), KeySchemaElement(attributeName=c, keyType=RANGE)]' "
          + "at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2",
          () -> create().defs("a", "b", "c").keys(hash("a"), range("b"), range("c")).validate());
    }

    @Test
    void createTable_emptyKeySchema_lengthAtLeastOne() {
      assertValidation("1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: "
          + "Member must have length greater than or equal to 1", () -> create().keys().validate());
    }

    @Test
    void createTable_emptyKeySchemaEntry_nameThenType() {
      assertValidation("2 validation errors detected: "
          + "Value null at 'keySchema.1.member.attributeName' failed to satisfy constraint: Member must not be null; "
          + "Value null at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must not be null",
          () -> create().keys(new KeySchemaElement(null, null)).validate());
    }

    @Test
    void createTable_emptyAttributeDefinitionEntry_typeThenName() {
      assertValidation("2 validation errors detected: "
          + "Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must not be null; "
          + "Value null at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: Member must not be null",
          () -> create().defs(List.of(def(null, null))).validate());
    }

    @Test
    void createTable_attributeTypeOutsideSNB_enumError() {
      assertValidation("1 validation error detected: Value 'BOOL' at 'attributeDefinitions.1.member.attributeType' "
          + "failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]",
          () -> create().defs(List.of(def("pk", "BOOL"))).validate());
    }

    @Test
    void createTable_emptyBillingMode_enumError() {
      assertValidation("1 validation error detected: Value '' at 'billingMode' failed to satisfy constraint: "
          + "Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]", () -> create().billing("").validate());
    }

    @Test
    void createTable_emptyStreamViewType_enumErrorInServiceOrder() {
      assertValidation("1 validation error detected: Value '' at 'streamSpecification.streamViewType' failed to "
          + "satisfy constraint: Member must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]",
          () -> create().stream(true, "").validate());
    }

    @Test
    void createTable_emptyKmsKeyId_lengthError() {
      assertValidation("1 validation error detected: Value '' at 'sSESpecification.kMSMasterKeyId' failed to "
          + "satisfy constraint: Member must have length greater than or equal to 1",
          () -> create().sse(new SSESpecification(true, "KMS", "")).validate());
    }

    @Test
    void createTable_zeroCapacity_writeThenRead() {
      assertValidation("2 validation errors detected: "
          + "Value '0' at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; "
          + "Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1",
          () -> create().provisioned(0, 0).validate());
    }

    @Test
    void createTable_badGlobalIndex_reportsNameKeysAndThroughputPaths() {
      GlobalSecondaryIndex bad = new GlobalSecondaryIndex("h;", keys(), all(), pt(0, 0), null, null);
      assertValidation("5 validation errors detected: "
          + "Value 'h;' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
          + "Value 'h;' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
          + "Value '[]' at 'globalSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1; "
          + "Value '0' at 'globalSecondaryIndexes.1.member.provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; "
          + "Value '0' at 'globalSecondaryIndexes.1.member.provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1",
          () -> create().gsis(bad).validate());
    }

    @Test
    void createTable_globalIndexKeyTypeSort_enumErrorWithElementPath() {
      assertValidation("1 validation error detected: Value 'SORT' at "
          + "'globalSecondaryIndexes.1.member.keySchema.2.member.keyType' failed to satisfy constraint: "
          + "Member must satisfy enum value set: [HASH, RANGE]",
          () -> create().defs("pk", "a", "b")
              .gsis(gsi("gsi1", all(), hash("a"), new KeySchemaElement("b", "SORT"))).validate());
    }

    @Test
    void createTable_localIndexWithoutProjectionAndBadProjection_paths() {
      LocalSecondaryIndex noProjection = new LocalSecondaryIndex("lsi1", keys(hash("pk"), range("a")), null);
      LocalSecondaryIndex badProjection = new LocalSecondaryIndex("lsi2", keys(hash("pk"), range("a")),
          new Projection("abc", List.of()));
      assertValidation("3 validation errors detected: "
          + "Value null at 'localSecondaryIndexes.1.member.projection' failed to satisfy constraint: Member must not be null; "
          + "Value 'abc' at 'localSecondaryIndexes.2.member.projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]; "
          + "Value '[]' at 'localSecondaryIndexes.2.member.projection.nonKeyAttributes' failed to satisfy constraint: Member must have length greater than or equal to 1",
          () -> create().lsis(noProjection, badProjection).validate());
    }

    @Test
    void createTable_twentyOneNonKeyAttributes_lengthError() {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 21; i++) {
        names.add("a" + i);
      }
      assertValidation("1 validation error detected: Value '" + names + "' at "
          + "'globalSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy constraint: "
          + "Member must have length less than or equal to 20",
          () -> create().defs("pk", "g").gsis(gsi("gsi1", new Projection("INCLUDE", names), hash("g"))).validate());
    }

    @Test
    void createTable_nineEmptyGlobalIndexes_onlyTenViolationsReported() {
      List<GlobalSecondaryIndex> empty = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        empty.add(new GlobalSecondaryIndex(null, null, null, null, null, null));
      }
      String nulls = "";
      for (int i = 1; i <= 4; i++) {
        for (String member : List.of("indexName", "keySchema", "projection")) {
          nulls += "Value null at 'globalSecondaryIndexes." + i + ".member." + member
              + "' failed to satisfy constraint: Member must not be null; ";
        }
      }
      String expected = "10 validation errors detected: " + nulls.substring(0, nulls.length() - 2);
      expected = expected.substring(0, expected.lastIndexOf("; Value null at 'globalSecondaryIndexes.4.member.keySchema"));
      assertValidation(expected, () -> create().gsis(empty).validate());
    }

    @Test
    void createTable_constraintAndSemanticErrors_constraintsWin() {
      // PAY_PER_REQUEST with throughput is a semantic error; the bad name is a model error and comes first.
      assertValidation("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
          + "Member must have length greater than or equal to 3", () -> create().name("ab").pt(pt(1, 1)).validate());
    }
  }

  @Nested
  class Billing {
    @Test
    void createTable_billingModeAbsentWithoutThroughput_bothUnitsRequired() {
      assertValidation(INVALID + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode "
          + "is PROVISIONED", () -> create().billing(null).validate());
    }

    @Test
    void createTable_payPerRequestWithThroughput_neitherAllowed() {
      assertValidation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode "
          + "is PAY_PER_REQUEST", () -> create().pt(pt(1, 1)).validate());
    }

    @Test
    void createTable_billingBeforeKeyChecks() {
      assertValidation(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode "
          + "is PAY_PER_REQUEST", () -> create().pt(pt(1, 1)).defs("x").validate());
    }

    @Test
    void createTable_provisionedWithOnDemandLimits_cannotBeSpecified() {
      TableFixtures.Create c = create().provisioned(1, 1);
      c.onDemand = new OnDemandThroughput(10L, 10L);
      assertValidation(INVALID + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table "
          + "BillingMode is PROVISIONED", c::validate);
    }

    @Test
    void createTable_zeroOnDemandLimit_outsideValidRange() {
      TableFixtures.Create c = create();
      c.onDemand = new OnDemandThroughput(null, 0L);
      assertValidation(INVALID + "Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid "
          + "range", c::validate);
    }

    @Test
    void createTable_globalIndexOnDemandMinusOne_outsideValidRangeForIndex() {
      GlobalSecondaryIndex g = new GlobalSecondaryIndex("g-a", keys(hash("g")), all(), null,
          new OnDemandThroughput(-1L, -1L), null);
      assertValidation(INVALID + "Requested MaxReadRequestUnits for OnDemandThroughput for index : g-a is outside of "
          + "valid range", () -> create().defs("pk", "g").gsis(g).validate());
    }

    @Test
    void createTable_provisionedGlobalIndexWithoutThroughput_notSpecifiedForIndex() {
      assertValidation(INVALID + "ProvisionedThroughput is not specified for index: gsi1",
          () -> create().provisioned(1, 1).defs("pk", "g").gsis(gsi("gsi1", all(), hash("g"))).validate());
    }

    @Test
    void createTable_onDemandGlobalIndexWithThroughput_shouldNotBeSpecified() {
      assertValidation(INVALID + "ProvisionedThroughput should not be specified for index: gsi1 when BillingMode is "
          + "PAY_PER_REQUEST", () -> create().defs("pk", "g").gsis(gsi("gsi1", pt(1, 1), hash("g"))).validate());
    }
  }

  @Nested
  class Keys {
    @Test
    void createTable_duplicateAttributeName_duplicated() {
      assertValidation("Attribute Name is duplicated: pk",
          () -> create().defs(List.of(def("pk", "S"), def("pk", "N"))).validate());
    }

    @Test
    void createTable_hashKeyNotDefined_listsKeysAndDefinitions() {
      assertValidation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [pk], "
          + "AttributeDefinitions: [x]", () -> create().defs("x").validate());
    }

    @Test
    void createTable_compositeKeyNotDefined_shortInvalidKeySchema() {
      assertValidation("Invalid KeySchema: Some index key attribute have no definition",
          () -> create().defs("pk").keys(hash("pk"), range("sk")).validate());
    }

    @Test
    void createTable_sameNameTwiceOneDefinition_noDefinition() {
      assertValidation("Invalid KeySchema: Some index key attribute have no definition",
          () -> create().defs("a").keys(hash("a"), range("a")).validate());
    }

    @Test
    void createTable_sameNameTwiceTwoDefinitions_sameName() {
      assertValidation("Both the Hash Key and the Range Key element in the KeySchema have the same name",
          () -> create().defs("a", "b").keys(hash("a"), range("a")).validate());
    }

    @Test
    void createTable_rangeFirst_firstNotHash() {
      assertValidation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
          () -> create().defs("pk", "sk").keys(range("sk"), hash("pk")).validate());
    }

    @Test
    void createTable_twoHashKeys_secondNotRange() {
      assertValidation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type",
          () -> create().defs("pk", "sk").keys(hash("pk"), hash("sk")).validate());
    }

    @Test
    void createTable_extraDefinitionWithoutIndexes_countMismatch() {
      assertValidation(INVALID + "Number of attributes in KeySchema does not exactly match number of attributes "
          + "defined in AttributeDefinitions", () -> create().defs("pk", "extra").validate());
    }

    @Test
    void createTable_extraDefinitionWithIndexes_notUsedMasksIndexErrors() {
      // The index also lacks a projection type: the unused definition is reported first (lab DDB-TABLE-127).
      assertValidation(INVALID + "Some AttributeDefinitions are not used. AttributeDefinitions: [pk, g, extra], "
          + "keys used: [pk, g]", () -> create().defs("pk", "g", "extra")
          .gsis(gsi("gsi1", new Projection(null, null), hash("g"))).validate());
    }
  }

  @Nested
  class LocalIndexes {
    @Test
    void createTable_emptyList_isEmpty() {
      assertValidation(INVALID + "List of LocalSecondaryIndexes is empty",
          () -> create().defs("pk", "sk").keys(hash("pk"), range("sk")).lsis(List.of()).validate());
    }

    @Test
    void createTable_hashOnlyTable_rangeKeyRequired() {
      assertValidation(INVALID + "Table KeySchema does not have a range key, which is required when specifying a "
          + "LocalSecondaryIndex", () -> create().defs("pk", "l").lsis(lsi("lsi1", hash("pk"), range("l"))).validate());
    }

    @Test
    void createTable_indexKeyNotDefined_listsIndexKeys() {
      assertValidation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [pk, c], "
          + "AttributeDefinitions: [pk, sk]", () -> create().defs("pk", "sk").keys(hash("pk"), range("sk"))
          .lsis(lsi("lsi1", hash("pk"), range("c"))).validate());
    }

    @Test
    void createTable_indexWithoutRange_needsRangeKey() {
      assertValidation(INVALID + "Index KeySchema does not have a range key for index: lsi1",
          () -> create().defs("pk", "sk").keys(hash("pk"), range("sk")).lsis(lsi("lsi1", hash("pk"))).validate());
    }

    @Test
    void createTable_otherHashKey_sameLeadingHashKeyRequired() {
      assertValidation(INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for "
          + "index: lsi1. index hash key: sk, table hash key: pk", () -> create().defs("pk", "sk", "l")
          .keys(hash("pk"), range("sk")).lsis(lsi("lsi1", hash("sk"), range("l"))).validate());
    }

    @Test
    void createTable_sixIndexes_exceedsLimitOfFive() {
      List<LocalSecondaryIndex> six = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        six.add(lsi("l" + i + "x", hash("pk"), range("l")));
      }
      assertValidation(INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5",
          () -> create().defs("pk", "sk", "l").keys(hash("pk"), range("sk")).lsis(six).validate());
    }

    @Test
    void createTable_localAndGlobalSameName_duplicateIndexName() {
      assertValidation(INVALID + "Duplicate index name: idx", () -> create().defs("pk", "sk", "l")
          .keys(hash("pk"), range("sk")).lsis(lsi("idx", hash("pk"), range("l")))
          .gsis(gsi("idx", all(), hash("l"))).validate());
    }
  }

  @Nested
  class GlobalIndexes {
    @Test
    void createTable_emptyList_isEmpty() {
      assertValidation(INVALID + "List of GlobalSecondaryIndexes is empty", () -> create().gsis(List.of()).validate());
    }

    @Test
    void createTable_twentyOneIndexes_exceedsLimitOfTwenty() {
      List<GlobalSecondaryIndex> many = new ArrayList<>();
      for (int i = 0; i < 21; i++) {
        many.add(gsi("g" + i + "x", all(), hash("g")));
      }
      assertValidation(INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20",
          () -> create().defs("pk", "g").gsis(many).validate());
    }

    @Test
    void createTable_multiAttributeKeyFourAndFour_accepted() {
      assertDoesNotThrow(() -> create().defs("pk", "h1", "h2", "h3", "h4", "r1", "r2", "r3", "r4")
          .gsis(gsi("multi", all(), hash("h1"), hash("h2"), hash("h3"), hash("h4"),
              range("r1"), range("r2"), range("r3"), range("r4"))).validate());
    }

    @Test
    void createTable_fiveHashAttributes_exceedsMaximum() {
      assertValidation(INVALID + "The KeySchema exceeds the maximum allowed number of HASH key attributes",
          () -> create().defs("pk", "a", "b", "c", "d", "e")
              .gsis(gsi("gsi1", all(), hash("a"), hash("b"), hash("c"), hash("d"), hash("e"))).validate());
    }

    @Test
    void createTable_fiveRangeAttributes_exceedsMaximum() {
      assertValidation(INVALID + "The KeySchema exceeds the maximum allowed number of RANGE key attributes",
          () -> create().defs("pk", "a", "b", "c", "d", "e")
              .gsis(gsi("gsi1", all(), hash("pk"), range("a"), range("b"), range("c"), range("d"), range("e")))
              .validate());
    }

    @Test
    void createTable_hashAfterRange_hashMustPrecede() {
      assertValidation(INVALID + "All HASH key attributes must precede RANGE key attributes in the KeySchema",
          () -> create().defs("pk", "a", "b").gsis(gsi("gsi1", all(), hash("a"), range("b"), hash("pk"))).validate());
    }

    @Test
    void createTable_repeatedAttribute_multipleKeyAttributesSameName() {
      assertValidation("The KeySchema contains multiple key attributes with the same name",
          () -> create().defs("pk", "a").gsis(gsi("gsi1", all(), hash("a"), hash("pk"), range("a"))).validate());
    }

    @Test
    void createTable_rangeOnlyKey_firstNotHash() {
      assertValidation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
          () -> create().defs("pk", "a").gsis(gsi("gsi1", all(), range("a"))).validate());
    }

    @Test
    void createTable_indexKeyNotDefined_listsIndexKeys() {
      assertValidation(INVALID + "Some index key attributes are not defined in AttributeDefinitions. Keys: [q], "
          + "AttributeDefinitions: [pk]", () -> create().gsis(gsi("gsi1", all(), hash("q"))).validate());
    }

    @Test
    void createTable_projectedAttributesOverAllIndexesAbove100_rejected() {
      List<GlobalSecondaryIndex> indexes = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < (i < 5 ? 20 : 1); j++) {
          names.add("n" + i + "_" + j);
        }
        indexes.add(gsi("g" + i + "x", new Projection("INCLUDE", names), hash("g")));
      }
      assertValidation(INVALID + "The number of projected attributes in all indexes exceeds the limit of 100",
          () -> create().defs("pk", "g").gsis(indexes).validate());
    }
  }

  @Nested
  class Projections {
    private void withProjection(Projection p) {
      create().defs("pk", "g").gsis(gsi("gsi1", p, hash("g"))).validate();
    }

    @Test
    void createTable_noProjectionType_unknownNull() {
      assertValidation(INVALID + "Unknown ProjectionType: null", () -> withProjection(new Projection(null, List.of("a"))));
    }

    @Test
    void createTable_allWithNonKeyAttributes_specified() {
      assertValidation(INVALID + "ProjectionType is ALL, but NonKeyAttributes is specified",
          () -> withProjection(new Projection("ALL", List.of("a"))));
    }

    @Test
    void createTable_keysOnlyWithNonKeyAttributes_specified() {
      assertValidation(INVALID + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified",
          () -> withProjection(new Projection("KEYS_ONLY", List.of("a"))));
    }

    @Test
    void createTable_includeWithoutNonKeyAttributes_notSpecified() {
      assertValidation(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified",
          () -> withProjection(new Projection("INCLUDE", null)));
    }

    @Test
    void createTable_repeatedNonKeyAttribute_duplicateElement() {
      assertValidation(INVALID + "Duplicate element in NonKeyAttributes: a", () -> withProjection(include("a", "b", "a")));
    }
  }

  @Nested
  class StreamsSseClassTags {
    @Test
    void createTable_streamEnabledWithoutViewType_viewTypeRequired() {
      assertValidation(INVALID + "If stream is being enabled then UpdateViewType is required",
          () -> create().stream(true, null).validate());
    }

    @Test
    void createTable_streamSpecificationWithoutEnabled_modelRequiresIt() {
      assertValidation("1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to "
          + "satisfy constraint: Member must not be null", () -> create().stream(null, null).validate());
    }

    @Test
    void createTable_sseDisabledWithType_typeNotAllowed() {
      assertValidation(INVALID + "SSEType can not be specified if Enabled is false",
          () -> create().sse(new SSESpecification(false, "KMS", null)).validate());
    }

    @Test
    void createTable_unknownTableClass_invalidTableClass() {
      assertValidation("Invalid table-class parameter provided. Please try again with a valid table-class value: "
          + "[STANDARD, STANDARD_INFREQUENT_ACCESS].", () -> create().tableClass("GLACIER").validate());
    }

    @Test
    void createTable_fiftyOneTags_exceedLimit() {
      List<Tag> tags = new ArrayList<>();
      for (int i = 0; i < 51; i++) {
        tags.add(tag("k" + i, "v"));
      }
      assertValidation("Number of Tags exceed the current limit for the provided ResourceArn",
          () -> create().tags(tags).validate());
    }

    @Test
    void createTable_emptyTagList_accepted() {
      assertDoesNotThrow(() -> create().tags(List.of()).validate());
    }

    @Test
    void createTable_awsPrefixedTag_rejected() {
      assertValidation("Tag Key cannot be prefixed with aws:, Key: aws:foo",
          () -> create().tags(tag("aws:foo", "x")).validate());
    }

    @Test
    void createTable_tagKey129Characters_invalidKey() {
      String key = "k".repeat(129);
      assertValidation("The Tag Key provided is invalid, Key: " + key, () -> create().tags(tag(key, "x")).validate());
    }

    @Test
    void createTable_tagKeyWithHash_invalidKey() {
      assertValidation("The Tag Key provided is invalid, Key: a#b", () -> create().tags(tag("a#b", "x")).validate());
    }

    @Test
    void createTable_emptyTagEntry_keyNull() {
      assertValidation("The Tag Key provided is invalid, Key: null", () -> create().tags(tag(null, null)).validate());
    }

    @Test
    void createTable_tagWithoutValue_valueNull() {
      assertValidation("The Tag Value provided is invalid, Value: null", () -> create().tags(tag("k", null)).validate());
    }

    @Test
    void createTable_duplicateTagKeys_duplicateFound() {
      assertValidation("Duplicate Tag Keys provided as input: Duplicate Tag Key found k",
          () -> create().tags(tag("k", "1"), tag("k", "2")).validate());
    }
  }
}
