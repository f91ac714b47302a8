package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * TagResource, UntagResource and ListTagsOfResource on table ARNs (API Reference: TagResource,
 * UntagResource, ListTagsOfResource; Developer Guide, "Tagging restrictions"). The service applies tag
 * writes eventually (about 1.5 s); Cairn applies them at once, so these tests read back immediately.
 */
class TagsIT {
  static CairnFixture fixture;
  static DynamoDbClient dynamo;
  static String account;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    dynamo = fixture.dynamo();
    account = fixture.defaultKeys().accountId();
  }

  private static String arn(String table) {
    return "arn:aws:dynamodb:us-east-1:" + account + ":table/" + table;
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static List<Tag> tagsOf(String arn) {
    ListTagsOfResourceResponse r = dynamo.listTagsOfResource(b -> b.resourceArn(arn));
    assertNull(r.nextToken());
    return r.tags().stream().sorted(Comparator.comparing(Tag::key)).toList();
  }

  private static String table(String prefix) {
    String name = Tables.name(prefix);
    Tables.createOnDemand(dynamo, name);
    return arn(name);
  }

  private static List<Tag> numbered(String prefix, int from, int to) {
    List<Tag> tags = new ArrayList<>();
    for (int i = from; i < to; i++) {
      tags.add(tag(String.format("%s%02d", prefix, i), "v" + i));
    }
    return tags;
  }

  @Test
  void listTags_untaggedTable_isEmpty() {
    assertEquals(List.of(), tagsOf(table("tg-empty")));
  }

  @Test
  void tagResource_addsAndReplaces_untagRemoves() {
    String arn = table("tg-basic");
    dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("env", "dev"), tag("owner", "team a")));
    assertEquals(List.of(tag("env", "dev"), tag("owner", "team a")), tagsOf(arn));

    // Setting a key again replaces its value.
    dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("env", "prod"), tag("cost", "")));
    assertEquals(List.of(tag("cost", ""), tag("env", "prod"), tag("owner", "team a")), tagsOf(arn));

    // Untagging a key that is not there is no error.
    dynamo.untagResource(b -> b.resourceArn(arn).tagKeys("owner", "never-set"));
    assertEquals(List.of(tag("cost", ""), tag("env", "prod")), tagsOf(arn));
  }

  @Test
  void tagResource_fiftyTags_isTheLimitAfterMerging() {
    String arn = table("tg-limit");
    dynamo.tagResource(b -> b.resourceArn(arn).tags(numbered("k", 0, 50)));
    assertEquals(50, tagsOf(arn).size());
    String text = "Number of Tags exceed the current limit for the provided ResourceArn";
    assertDynamoError("ValidationException", text, () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("k50", "x"))));
    assertDynamoError("ValidationException", text,
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("k00", "new"), tag("k51", "x"))));
    // Replacing values of existing keys stays within the limit.
    dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("k00", "new")));
    assertEquals(tag("k00", "new"), tagsOf(arn).get(0));
    assertEquals(50, tagsOf(arn).size());
  }

  @Test
  void tagResource_fiftyOneTagsInOneCall_throwsValidation() {
    String arn = table("tg-51");
    assertDynamoError("ValidationException", "Number of Tags exceed the current limit for the provided ResourceArn",
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(numbered("k", 0, 51))));
    assertEquals(List.of(), tagsOf(arn));
  }

  @Test
  void untagResource_fiftyOneKeys_throwsValidation() {
    String arn = table("tg-untag-51");
    List<String> keys = numbered("k", 0, 51).stream().map(Tag::key).toList();
    assertDynamoError("ValidationException", "Number of Tags exceed the current limit for the provided ResourceArn",
        () -> dynamo.untagResource(b -> b.resourceArn(arn).tagKeys(keys)));
  }

  @Test
  void tagResource_invalidTags_throwValidationAndApplyNothing() {
    String arn = table("tg-invalid");
    assertDynamoError("ValidationException", "Tag Key cannot be prefixed with aws:, Key: aws:zzz",
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("good", "1"), tag("aws:zzz", "2"))));
    String longKey = "k".repeat(129);
    assertDynamoError("ValidationException", "The Tag Key provided is invalid, Key: " + longKey,
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("good", "1"), tag(longKey, "2"))));
    assertDynamoError("ValidationException", "The Tag Value provided is invalid, Value: " + "v".repeat(257),
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("long", "v".repeat(257)))));
    assertDynamoError("ValidationException", "Duplicate Tag Keys provided as input: Duplicate Tag Key found dup",
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("dup", "1"), tag("dup", "2"))));
    assertDynamoError("ValidationException", "Atleast one Tag needs to be provided as Input.",
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(List.of())));
    assertDynamoError("ValidationException", "Atleast one Tag Key needs to be provided as Input.",
        () -> dynamo.untagResource(b -> b.resourceArn(arn).tagKeys(List.of())));
    assertEquals(List.of(), tagsOf(arn));
  }

  @Test
  void tagApis_badArn_throwValidation() {
    assertDynamoError("ValidationException", "One or more parameter values were invalid: ARNs must start with 'arn:':"
        + " my-table", () -> dynamo.listTagsOfResource(b -> b.resourceArn("my-table")));
    String index = arn("some-table") + "/index/some-index";
    assertDynamoError("ValidationException", "One or more parameter values were invalid: Invalid resource arn"
        + " provided, only table or stream is accepted. Provided resource arn: " + index,
        () -> dynamo.tagResource(b -> b.resourceArn(index).tags(tag("k", "v"))));
  }

  @Test
  void tagApis_missingTable_throwResourceNotFound() {
    String arn = arn("no-such-table");
    String text = "Requested resource not found: ResourceArn: " + arn + " not found";
    assertDynamoError("ResourceNotFoundException", text, () -> dynamo.listTagsOfResource(b -> b.resourceArn(arn)));
    assertDynamoError("ResourceNotFoundException", text,
        () -> dynamo.tagResource(b -> b.resourceArn(arn).tags(tag("k", "v"))));
    assertDynamoError("ResourceNotFoundException", text, () -> dynamo.untagResource(b -> b.resourceArn(arn).tagKeys("k")));
  }

  @Test
  void tagApis_anotherAccountsArn_isNotFound() {
    CairnFixture.Keys other = fixture.newAccount("tagger");
    DynamoDbClient theirs = fixture.dynamo(other.accessKeyId(), other.secretAccessKey());
    String name = Tables.name("tg-theirs");
    Tables.createOnDemand(theirs, name);
    String theirArn = "arn:aws:dynamodb:us-east-1:" + other.accountId() + ":table/" + name;
    theirs.tagResource(b -> b.resourceArn(theirArn).tags(tag("owner", "them")));

    String text = "Requested resource not found: ResourceArn: " + theirArn + " not found";
    assertDynamoError("ResourceNotFoundException", text, () -> dynamo.listTagsOfResource(b -> b.resourceArn(theirArn)));
    assertDynamoError("ResourceNotFoundException", text,
        () -> dynamo.tagResource(b -> b.resourceArn(theirArn).tags(tag("owner", "me"))));
    assertDynamoError("ResourceNotFoundException", text,
        () -> dynamo.untagResource(b -> b.resourceArn(theirArn).tagKeys("owner")));
    assertEquals(List.of(tag("owner", "them")), theirs.listTagsOfResource(b -> b.resourceArn(theirArn)).tags());
  }

  @Test
  void tags_ofDeletedTable_areGoneWithIt() {
    String name = Tables.name("tg-deleted");
    Tables.create(dynamo, Tables.onDemand(name).tags(tag("a", "1")).build());
    dynamo.deleteTable(b -> b.tableName(name));
    dynamo.waiter().waitUntilTableNotExists(b -> b.tableName(name));
    assertDynamoError("ResourceNotFoundException", "Requested resource not found: ResourceArn: " + arn(name)
        + " not found", () -> dynamo.listTagsOfResource(b -> b.resourceArn(arn(name))));
    Tables.createOnDemand(dynamo, name);
    assertEquals(List.of(), tagsOf(arn(name)));
  }
}
