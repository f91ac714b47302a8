package dev.cairn.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.core.model.RuntimeSetting;
import dev.cairn.storage.AccessKeyRecord;
import dev.cairn.storage.AccountRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management API under {@code /manage/v1}, JSON over HTTPS, authenticated with HTTP Basic as an
 * administrator (password checked with Argon2id; a successful check is remembered for a minute per process,
 * keyed by a SHA-256 of the credentials, so a script does not pay the hash on every call).
 *
 * <p>Routes: {@code GET|POST /accounts}; {@code GET|POST /accounts/{id}/access-keys};
 * {@code POST /accounts/{id}/access-keys/import}; {@code DELETE /access-keys/{id}}; {@code GET /settings};
 * {@code GET|PUT /settings/{name}}. Errors are {@code {"error": "..."}} with 400, 401, 403 or 404.
 */
public final class ManagementApi {
  private static final Logger LOG = LoggerFactory.getLogger(ManagementApi.class);
  public static final String BASE = "/manage/v1";

  private final AdminService admin;
  private final Cache<String, Boolean> verified = Caffeine.newBuilder()
      .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(1000).build();

  public ManagementApi(AdminService admin) {
    this.admin = admin;
  }

  /** Adds the management routes to a gateway instance's router. */
  void mount(Vertx vertx, Router router) {
    router.route(BASE + "/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
    router.route(BASE + "/*").handler(this::authenticate);
    router.get(BASE + "/accounts").handler(rc -> reply(rc, 200, admin.catalog().listAccounts().map(list -> {
      JsonArray a = new JsonArray();
      list.forEach(acc -> a.add(account(acc)));
      return new JsonObject().put("accounts", a);
    })));
    router.post(BASE + "/accounts").handler(rc -> reply(rc, 201,
        admin.createAccount(body(rc).getString("name")).map(ManagementApi::account)));
    router.get(BASE + "/accounts/:id/access-keys").handler(rc -> reply(rc, 200,
        admin.listAccessKeys(rc.pathParam("id")).map(list -> {
          JsonArray a = new JsonArray();
          list.forEach(k -> a.add(key(k)));
          return new JsonObject().put("accessKeys", a);
        })));
    router.post(BASE + "/accounts/:id/access-keys").handler(rc -> reply(rc, 201,
        admin.createAccessKey(rc.pathParam("id"), body(rc).getString("userName")).map(ManagementApi::newKey)));
    router.post(BASE + "/accounts/:id/access-keys/import").handler(rc -> {
      JsonObject b = body(rc);
      reply(rc, 201, admin.importAccessKey(rc.pathParam("id"), b.getString("userName"),
          b.getString("accessKeyId"), b.getString("secretAccessKey")).map(ManagementApi::newKey));
    });
    router.delete(BASE + "/access-keys/:id").handler(rc -> reply(rc, 200,
        admin.deleteAccessKey(rc.pathParam("id")).map(v -> new JsonObject().put("deleted", rc.pathParam("id")))));
    router.get(BASE + "/settings").handler(rc -> reply(rc, 200, admin.catalog().loadSettings().map(stored -> {
      JsonArray a = new JsonArray();
      for (RuntimeSetting s : RuntimeSetting.values()) {
        a.add(setting(s, stored));
      }
      return new JsonObject().put("settings", a);
    })));
    router.get(BASE + "/settings/:name").handler(rc -> {
      RuntimeSetting s = RuntimeSetting.fromKey(rc.pathParam("name"));
      reply(rc, 200, s == null
          ? Future.failedFuture(new AdminService.AdminException(404, "unknown setting " + rc.pathParam("name")))
          : admin.catalog().loadSettings().map(stored -> setting(s, stored)));
    });
    router.put(BASE + "/settings/:name").handler(rc -> reply(rc, 200,
        admin.putSetting(rc.pathParam("name"), body(rc).getString("value"))
            .map(v -> new JsonObject().put("name", rc.pathParam("name")).put("value", v))));
  }

  private void authenticate(RoutingContext rc) {
    String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      unauthorized(rc);
      return;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      unauthorized(rc);
      return;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      unauthorized(rc);
      return;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String fingerprint = sha256(decoded);
    if (verified.getIfPresent(fingerprint) != null) {
      rc.next();
      return;
    }
    admin.verifyAdmin(user, password).onComplete(ar -> {
      if (ar.succeeded() && ar.result()) {
        verified.put(fingerprint, Boolean.TRUE);
        rc.next();
      } else {
        unauthorized(rc);
      }
    });
  }

  private static void unauthorized(RoutingContext rc) {
    rc.response().setStatusCode(401).putHeader("WWW-Authenticate", "Basic realm=\"cairn\"")
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("error", "administrator credentials required").encode());
  }

  private static JsonObject body(RoutingContext rc) {
    try {
      JsonObject b = rc.body().asJsonObject();
      return b == null ? new JsonObject() : b;
    } catch (RuntimeException e) {
      throw new AdminService.AdminException(400, "request body must be a JSON object");
    }
  }

  private static void reply(RoutingContext rc, int status, Future<JsonObject> result) {
    result.onComplete(ar -> {
      if (rc.response().ended()) {
        return;
      }
      if (ar.succeeded()) {
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(ar.result().encode());
        return;
      }
      int code = 500;
      String message = "internal error";
      if (ar.cause() instanceof AdminService.AdminException ae) {
        code = ae.status();
        message = ae.getMessage();
      } else {
        LOG.error("management request {} {} failed", rc.request().method(), rc.request().path(), ar.cause());
      }
      rc.response().setStatusCode(code).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(new JsonObject().put("error", message).encode());
    });
  }

  private static JsonObject account(AccountRecord a) {
    return new JsonObject().put("accountId", a.accountId()).put("name", a.name())
        .put("createdAt", String.valueOf(a.createdAt()));
  }

  private static JsonObject key(AccessKeyRecord k) {
    return new JsonObject().put("accessKeyId", k.accessKeyId()).put("accountId", k.accountId())
        .put("userName", k.userName()).put("imported", k.imported()).put("createdAt", String.valueOf(k.createdAt()));
  }

  private static JsonObject newKey(AdminService.NewAccessKey k) {
    return new JsonObject().put("accountId", k.accountId()).put("userName", k.userName())
        .put("accessKeyId", k.accessKeyId()).put("secretAccessKey", k.secretAccessKey());
  }

  private static JsonObject setting(RuntimeSetting s, Map<String, String> stored) {
    String v = stored.get(s.key());
    return new JsonObject().put("name", s.key()).put("value", v == null ? s.defaultValue() : v)
        .put("default", s.defaultValue()).put("description", s.description());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
