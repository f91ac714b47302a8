package dev.cairn.app;

import dev.cairn.server.AdminService;
import io.vertx.core.Future;
import java.io.PrintStream;
import java.security.SecureRandom;

/**
 * First-run catalog content: the administrator (random password), a default account and one access key for
 * it. Runs at {@code init} and at every {@code serve}; does nothing once an administrator exists, so running
 * it again never destroys or replaces anything.
 */
public final class Bootstrap {
  static final String DEFAULT_ACCOUNT = "default";
  static final String DEFAULT_USER = "default";
  private static final char[] PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

  private Bootstrap() {
  }

  /**
   * What a first run created; all members {@code null} when the catalog was already initialized.
   *
   * @param adminPassword the administrator's password, shown once
   * @param accessKey     the default account's first key, shown once
   */
  public record Result(String adminPassword, AdminService.NewAccessKey accessKey) {
    public boolean created() {
      return adminPassword != null;
    }

    /** Prints what {@code init} prints: the secrets once, with the exact {@code export} lines. */
    void print(PrintStream out, String endpoint, CairnConfig config) {
      if (!created()) {
        out.println("Cairn is already initialized (data directory " + config.dataDir() + "); nothing was changed.");
        out.println("Create more access keys with: cairn manage create-access-key --account <id>");
        return;
      }
      out.println("Cairn initialized (data directory " + config.dataDir() + ").");
      out.println();
      out.println("  Administrator:  " + AdminService.ADMIN_NAME + " / " + adminPassword
          + "   (shown once; used by 'cairn manage' and 'cairn settings')");
      out.println("  Account:        " + DEFAULT_ACCOUNT + " (" + accessKey.accountId() + ")");
      out.println();
      out.println("Point the AWS CLI and SDKs at Cairn (the secret is shown once):");
      out.println();
      out.println("export AWS_ENDPOINT_URL_DYNAMODB=" + endpoint);
      out.println("export AWS_ENDPOINT_URL_DYNAMODB_STREAMS=" + endpoint);
      if (config.server().tls()) {
        out.println("export AWS_CA_BUNDLE=" + config.certFile());
      }
      out.println("export AWS_ACCESS_KEY_ID=" + accessKey.accessKeyId());
      out.println("export AWS_SECRET_ACCESS_KEY=" + accessKey.secretAccessKey());
      out.println("export AWS_REGION=" + config.server().region());
      out.println();
    }
  }

  /** Creates the administrator, the default account and its key unless an administrator already exists. */
  public static Future<Result> ensureCatalog(AdminService admin) {
    return admin.hasAdmin().compose(exists -> {
      if (exists) {
        return Future.succeededFuture(new Result(null, null));
      }
      String password = randomPassword();
      return admin.setAdminPassword(AdminService.ADMIN_NAME, password)
          .compose(v -> admin.createAccount(DEFAULT_ACCOUNT))
          .compose(account -> admin.createAccessKey(account.accountId(), DEFAULT_USER))
          .map(key -> new Result(password, key));
    });
  }

  static String randomPassword() {
    SecureRandom r = new SecureRandom();
    char[] p = new char[24];
    for (int i = 0; i < p.length; i++) {
      p[i] = PASSWORD_ALPHABET[r.nextInt(PASSWORD_ALPHABET.length)];
    }
    return new String(p);
  }
}
