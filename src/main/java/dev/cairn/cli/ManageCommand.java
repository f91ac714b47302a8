package dev.cairn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn manage}: accounts and access keys through the management API of a running server. */
@Command(name = "manage", description = "Manage accounts and access keys of a running Cairn.",
    subcommands = {ManageCommand.CreateAccount.class, ManageCommand.ListAccounts.class,
        ManageCommand.CreateAccessKey.class, ManageCommand.ListAccessKeys.class,
        ManageCommand.DeleteAccessKey.class, ManageCommand.ImportAccessKey.class})
public final class ManageCommand {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Runs a call and prints its JSON answer; exit code 0 on 2xx, 1 otherwise. */
  static int run(ConnectionOptions conn, String method, String path, ObjectNode body) throws Exception {
    ManagementClient.Reply r = conn.client().call(method, path, body == null ? null : JSON.writeValueAsString(body));
    String pretty = r.body() == null || r.body().isBlank() ? ""
        : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(r.body()));
    (r.ok() ? System.out : System.err).println(pretty);
    return r.ok() ? 0 : 1;
  }

  @Command(name = "create-account", description = "Create an account (prints its 12-digit id).")
  static final class CreateAccount implements Callable<Integer> {
    @Mixin ConnectionOptions conn;
    @Option(names = "--name", required = true) String name;

    @Override
    public Integer call() throws Exception {
      return run(conn, "POST", "/accounts", JSON.createObjectNode().put("name", name));
    }
  }

  @Command(name = "list-accounts", description = "List accounts.")
  static final class ListAccounts implements Callable<Integer> {
    @Mixin ConnectionOptions conn;

    @Override
    public Integer call() throws Exception {
      return run(conn, "GET", "/accounts", null);
    }
  }

  @Command(name = "create-access-key", description = "Create an access key (the secret is shown once).")
  static final class CreateAccessKey implements Callable<Integer> {
    @Mixin ConnectionOptions conn;
    @Option(names = "--account", required = true, description = "12-digit account id") String account;
    @Option(names = "--user", defaultValue = "default") String user;

    @Override
    public Integer call() throws Exception {
      return run(conn, "POST", "/accounts/" + account + "/access-keys", JSON.createObjectNode().put("userName", user));
    }
  }

  @Command(name = "list-access-keys", description = "List an account's access keys (no secrets).")
  static final class ListAccessKeys implements Callable<Integer> {
    @Mixin ConnectionOptions conn;
    @Option(names = "--account", required = true) String account;

    @Override
    public Integer call() throws Exception {
      return run(conn, "GET", "/accounts/" + account + "/access-keys", null);
    }
  }

  @Command(name = "delete-access-key", description = "Delete an access key; it stops working at once.")
  static final class DeleteAccessKey implements Callable<Integer> {
    @Mixin ConnectionOptions conn;
    @Option(names = "--access-key-id", required = true) String accessKeyId;

    @Override
    public Integer call() throws Exception {
      return run(conn, "DELETE", "/access-keys/" + accessKeyId, null);
    }
  }

  @Command(name = "import-access-key",
      description = "Import an existing AWS access key (only while setting allow_imported_keys is true).")
  static final class ImportAccessKey implements Callable<Integer> {
    @Mixin ConnectionOptions conn;
    @Option(names = "--account", required = true) String account;
    @Option(names = "--user", defaultValue = "default") String user;
    @Option(names = "--access-key-id", required = true) String accessKeyId;
    @Option(names = "--secret-access-key", required = true) String secret;

    @Override
    public Integer call() throws Exception {
      return run(conn, "POST", "/accounts/" + account + "/access-keys/import", JSON.createObjectNode()
          .put("userName", user).put("accessKeyId", accessKeyId).put("secretAccessKey", secret));
    }
  }
}
