package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/** ListTables through the AWS SDK for Java v2, over TLS, signed with provisioned keys. */
class ListTablesIT {
  static CairnFixture fixture;
  static CairnFixture.Keys alice;
  static CairnFixture.Keys bob;

  @BeforeAll
  static void setUp() {
    fixture = CairnFixture.get();
    alice = fixture.newAccount("alice");
    bob = fixture.newAccount("bob");
    for (String name : List.of("orders", "Customers", "audit-log", "zeta.1", "_private")) {
      fixture.registerTableName(alice.accountId(), name);
    }
    fixture.registerTableName(bob.accountId(), "orders");
    fixture.registerTableName(bob.accountId(), "bob_only");
  }

  private static DynamoDbClient client(CairnFixture.Keys k) {
    return fixture.dynamo(k.accessKeyId(), k.secretAccessKey());
  }

  @Test
  void listTables_freshAccount_returnsEmptyList() {
    CairnFixture.Keys carol = fixture.newAccount("carol");
    ListTablesResponse r = client(carol).listTables();
    assertEquals(List.of(), r.tableNames());
    assertNull(r.lastEvaluatedTableName());
  }

  @Test
  void listTables_defaultKey_works() {
    client(new CairnFixture.Keys(null, fixture.defaultKeys().accessKeyId(), fixture.defaultKeys().secretAccessKey()))
        .listTables();
  }

  @Test
  void listTables_twoAccounts_eachSeesOnlyItsOwnTables() {
    // Ascending order by UTF-8 bytes: upper case before '_' before lower case.
    assertEquals(List.of("Customers", "_private", "audit-log", "orders", "zeta.1"), client(alice).listTables().tableNames());
    assertEquals(List.of("bob_only", "orders"), client(bob).listTables().tableNames());
  }

  @Test
  void listTables_limit_pagesWithLastEvaluatedTableName() {
    DynamoDbClient c = client(alice);
    List<String> all = new ArrayList<>();
    String start = null;
    int pages = 0;
    do {
      String from = start;
      ListTablesResponse r = c.listTables(b -> b.limit(2).exclusiveStartTableName(from));
      all.addAll(r.tableNames());
      start = r.lastEvaluatedTableName();
      pages++;
    } while (start != null);
    assertEquals(List.of("Customers", "_private", "audit-log", "orders", "zeta.1"), all);
    assertEquals(3, pages);
  }

  @Test
  void listTables_exactFullPage_hasNoLastEvaluatedTableName() {
    ListTablesResponse r = client(bob).listTables(b -> b.limit(2));
    assertEquals(List.of("bob_only", "orders"), r.tableNames());
    assertNull(r.lastEvaluatedTableName());
  }

  @Test
  void listTables_exclusiveStartTableName_startsAfterIt() {
    assertEquals(List.of("orders", "zeta.1"),
        client(alice).listTables(b -> b.exclusiveStartTableName("audit-log")).tableNames());
  }

  @Test
  void listTables_limitZero_throwsValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value '0' at 'limit' failed to satisfy"
        + " constraint: Member must have value greater than or equal to 1", () -> client(alice).listTables(b -> b.limit(0)));
  }

  @Test
  void listTables_limitTooLarge_throwsValidation() {
    assertDynamoError("ValidationException", "1 validation error detected: Value '101' at 'limit' failed to satisfy"
        + " constraint: Member must have value less than or equal to 100", () -> client(alice).listTables(b -> b.limit(101)));
  }

  @Test
  void listTables_badExclusiveStartTableName_throwsValidationWithEveryViolation() {
    assertDynamoError("ValidationException", "2 validation errors detected: Value 'a;' at 'exclusiveStartTableName'"
        + " failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;'"
        + " at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater than or equal"
        + " to 3", () -> client(alice).listTables(b -> b.exclusiveStartTableName("a;")));
  }
}
