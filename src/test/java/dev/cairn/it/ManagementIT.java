package dev.cairn.it;

import static dev.cairn.it.DynamoAssertions.assertDynamoError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cli.ManagementClient;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The management API: accounts, access keys (a deleted key stops working at once), settings, imports. */
class ManagementIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static CairnFixture fixture;
  static ManagementClient admin;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = CairnFixture.get();
    admin = fixture.management();
  }

  private static JsonNode ok(ManagementClient.Reply r) throws Exception {
    assertTrue(r.ok(), r.status() + " " + r.body());
    return JSON.readTree(r.body());
  }

  @Test
  void createAccountAndKey_keyWorksWithSdk() throws Exception {
    String name = "mgmt-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode account = ok(admin.call("POST", "/accounts", "{\"name\":\"" + name + "\"}"));
    String id = account.get("accountId").asText();
    assertTrue(id.matches("\\d{12}"), id);
    JsonNode key = ok(admin.call("POST", "/accounts/" + id + "/access-keys", "{\"userName\":\"app\"}"));
    String akid = key.get("accessKeyId").asText();
    String secret = key.get("secretAccessKey").asText();
    assertTrue(akid.matches("AKIACAIRN[A-Z2-7]{11}"), akid);
    assertEquals(40, secret.length());
    assertEquals(0, fixture.dynamo(akid, secret).listTables().tableNames().size());

    JsonNode keys = ok(admin.call("GET", "/accounts/" + id + "/access-keys", null));
    assertEquals(akid, keys.get("accessKeys").get(0).get("accessKeyId").asText());
    assertFalse(keys.toString().contains(secret), "secrets are never listed");
    JsonNode accounts = ok(admin.call("GET", "/accounts", null));
    assertTrue(accounts.toString().contains(name));
  }

  @Test
  void deletedKey_isRefusedAtOnce() throws Exception {
    CairnFixture.Keys k = fixture.newAccount("del");
    var client = fixture.dynamo(k.accessKeyId(), k.secretAccessKey());
    client.listTables(); // now cached by the server
    ok(admin.call("DELETE", "/access-keys/" + k.accessKeyId(), null));
    // The NOTIFY travels through PostgreSQL; allow it a moment, but no more than that.
    long until = System.currentTimeMillis() + 5_000;
    while (System.currentTimeMillis() < until) {
      try {
        client.listTables();
        Thread.sleep(20);
      } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
        break;
      }
    }
    assertDynamoError("UnrecognizedClientException", "The security token included in the request is invalid.",
        client::listTables);
    assertEquals(404, admin.call("DELETE", "/access-keys/" + k.accessKeyId(), null).status());
  }

  @Test
  void wrongAdminPassword_isUnauthorized() throws Exception {
    ManagementClient wrong = new ManagementClient(fixture.endpoint().toString(), fixture.caBundle(), "admin", "nope");
    assertEquals(401, wrong.call("GET", "/accounts", null).status());
  }

  @Test
  void settings_listGetSet_andValidation() throws Exception {
    JsonNode all = ok(admin.call("GET", "/settings", null));
    assertTrue(all.toString().contains("control_plane_delay_ms"));
    ok(admin.call("PUT", "/settings/control_plane_delay_ms", "{\"value\":\"250\"}"));
    assertEquals("250", ok(admin.call("GET", "/settings/control_plane_delay_ms", null)).get("value").asText());
    assertEquals(400, admin.call("PUT", "/settings/control_plane_delay_ms", "{\"value\":\"-1\"}").status());
    assertEquals(404, admin.call("GET", "/settings/no_such_setting", null).status());
    ok(admin.call("PUT", "/settings/control_plane_delay_ms", "{\"value\":\"0\"}"));
  }

  @Test
  void importKey_onlyWhileAllowed() throws Exception {
    CairnFixture.Keys k = fixture.newAccount("imp");
    String body = "{\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"secretAccessKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}";
    assertEquals(403, admin.call("POST", "/accounts/" + k.accountId() + "/access-keys/import", body).status());
    ok(admin.call("PUT", "/settings/allow_imported_keys", "{\"value\":\"true\"}"));
    try {
      ok(admin.call("POST", "/accounts/" + k.accountId() + "/access-keys/import", body));
      var client = fixture.dynamo("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
      assertEquals(0, client.listTables().tableNames().size());
      ok(admin.call("DELETE", "/access-keys/AKIAIOSFODNN7EXAMPLE", null));
    } finally {
      ok(admin.call("PUT", "/settings/allow_imported_keys", "{\"value\":\"false\"}"));
    }
  }
}
