package dev.cairn.core.validate;

import static dev.cairn.core.validate.TableFixtures.assertValidation;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.cairn.core.api.StreamRequests;
import org.junit.jupiter.api.Test;

class StreamRequestValidatorTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/2026-01-01T00:00:00.000";
  private static final String SHARD = "shardId-00000001700000000000-0a1b2c3d";

  @Test
  void getShardIterator_missingMembers_areListedTogether() {
    assertValidation("3 validation errors detected: Value null at 'streamArn' failed to satisfy constraint: Member"
        + " must not be null; Value null at 'shardId' failed to satisfy constraint: Member must not be null; Value"
        + " null at 'shardIteratorType' failed to satisfy constraint: Member must not be null",
        () -> StreamRequestValidator.validate(new StreamRequests.GetShardIterator(null, null, null, null)));
  }

  @Test
  void getShardIterator_shortShardIdAndSequence_failLength() {
    assertValidation("2 validation errors detected: Value 'shardId-1' at 'shardId' failed to satisfy constraint:"
        + " Member must have length greater than or equal to 28; Value '12' at 'sequenceNumber' failed to satisfy"
        + " constraint: Member must have length greater than or equal to 21",
        () -> StreamRequestValidator.validate(new StreamRequests.GetShardIterator(ARN, "shardId-1",
            "AT_SEQUENCE_NUMBER", "12")));
    assertDoesNotThrow(() -> StreamRequestValidator.validate(new StreamRequests.GetShardIterator(ARN, SHARD, "LATEST",
        null)));
  }

  @Test
  void getRecords_limitOutOfRange_andMissingIterator() {
    assertDoesNotThrow(() -> StreamRequestValidator.validate(new StreamRequests.GetRecords("it", 5000)));
    assertValidation("1 validation error detected: Value null at 'shardIterator' failed to satisfy constraint:"
        + " Member must not be null", () -> StreamRequestValidator.validate(new StreamRequests.GetRecords(null, null)));
  }

  @Test
  void listAndDescribe_limitsAndNames() {
    assertValidation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must"
        + " have value greater than or equal to 1",
        () -> StreamRequestValidator.validate(new StreamRequests.ListStreams(null, 0, null)));
    assertValidation("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member"
        + " must have length greater than or equal to 3",
        () -> StreamRequestValidator.validate(new StreamRequests.ListStreams("ab", null, null)));
    assertValidation("1 validation error detected: Value 'arn' at 'streamArn' failed to satisfy constraint: Member"
        + " must have length greater than or equal to 37",
        () -> StreamRequestValidator.validate(new StreamRequests.DescribeStream("arn", null, null)));
  }
}
