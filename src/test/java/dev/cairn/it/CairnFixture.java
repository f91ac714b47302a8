package dev.cairn.it;

import dev.cairn.app.CairnConfig;
import dev.cairn.app.CairnServer;
import dev.cairn.cli.ManagementClient;
import dev.cairn.server.AdminService;
import dev.cairn.storage.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One Cairn per test JVM, started in-process on free ports against a fresh database, with a provisioned
 * access key. PostgreSQL comes from {@code CAIRN_TEST_PG_URL}, else 127.0.0.1:5432 when it answers, else
 * Testcontainers when Docker runs, else Cairn's embedded PostgreSQL; the log says which (design.md §6).
 *
 * <p>Tests take the endpoint and clients from here, so the same assertions could run against real DynamoDB.
 */
public final class CairnFixture {
  private static final Logger LOG = LoggerFactory.getLogger(CairnFixture.class);
  private static CairnFixture instance;

  private final CairnServer server;
  private final Path dataDir;
  private final Keys defaultKeys;
  private final String adminPassword;
  private final SdkHttpClient httpClient;

  /** An access key in clear with its account. */
  public record Keys(String accountId, String accessKeyId, String secretAccessKey) {
  }

  private CairnFixture(CairnServer server, Path dataDir) throws Exception {
    this.server = server;
    this.dataDir = dataDir;
    var boot = server.bootstrap();
    this.adminPassword = boot.adminPassword();
    this.defaultKeys = new Keys(boot.accessKey().accountId(), boot.accessKey().accessKeyId(),
        boot.accessKey().secretAccessKey());
    TrustManagerFactory tmf = trustManagers(caBundle());
    this.httpClient = UrlConnectionHttpClient.builder().tlsTrustManagersProvider(tmf::getTrustManagers)
        .socketTimeout(Duration.ofSeconds(60)).build();
  }

  /** The fixture, started on first use. */
  public static synchronized CairnFixture get() {
    if (instance == null) {
      try {
        instance = start();
      } catch (Exception e) {
        throw new IllegalStateException("cannot start Cairn for the tests", e);
      }
    }
    return instance;
  }

  private static CairnFixture start() throws Exception {
    String pgUrl = postgresUrl();
    Path dataDir = Files.createTempDirectory("cairn-it-");
    int port = freePort();
    int httpPort = freePort();
    CairnConfig base = CairnConfig.load(dataDir, Map.of());
    CairnConfig.Server s = base.server();
    CairnConfig config = base
        .withServer(new CairnConfig.Server("127.0.0.1", port, httpPort, true, "", "", s.region(),
            s.maxBodyBytes(), s.requestTimeoutMillis(), 4))
        .withPostgres(new CairnConfig.Postgres(pgUrl, 8, 2, 256, 0));
    CairnServer server = CairnServer.start(config, null, true);
    CairnFixture f = new CairnFixture(server, dataDir);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    LOG.info("Cairn for tests at {} ({})", server.endpoint(), server.postgresDescription());
    return f;
  }

  /**
   * Starts another Cairn, on its own fresh database and data directory, for tests that stop a server and start a
   * new one on the same database (PostgreSQL keeps running). Close it when done.
   */
  public static Separate startSeparate() throws Exception {
    return new Separate(postgresUrl(), Files.createTempDirectory("cairn-it-"));
  }

  /** A Cairn that a test may stop and start again on the same database and data directory. */
  public static final class Separate implements AutoCloseable {
    private final String pgUrl;
    private final Path dataDir;
    private final SdkHttpClient http;
    private final Keys keys;
    private CairnServer server;

    private Separate(String pgUrl, Path dataDir) throws Exception {
      this.pgUrl = pgUrl;
      this.dataDir = dataDir;
      this.server = startOn(pgUrl, dataDir);
      var boot = server.bootstrap();
      this.keys = new Keys(boot.accessKey().accountId(), boot.accessKey().accessKeyId(),
          boot.accessKey().secretAccessKey());
      this.http = UrlConnectionHttpClient.builder()
          .tlsTrustManagersProvider(trustManagers(server.config().certFile())::getTrustManagers)
          .socketTimeout(Duration.ofSeconds(60)).build();
    }

    /** The running server. */
    public CairnServer server() {
      return server;
    }

    /** A client of the bootstrap account on the running server (make a new one after {@link #restart()}). */
    public DynamoDbClient dynamo() {
      return DynamoDbClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
          .httpClient(http)
          .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1))
              .apiCallTimeout(Duration.ofSeconds(60)).build())
          .build();
    }

    /** Stops the server (in-flight work is cut off) and starts a new one on the same database and data dir. */
    public void restart() throws Exception {
      server.stop();
      server = startOn(pgUrl, dataDir);
    }

    @Override
    public void close() {
      server.stop();
      http.close();
    }
  }

  private static CairnServer startOn(String pgUrl, Path dataDir) throws Exception {
    CairnConfig base = CairnConfig.load(dataDir, Map.of());
    CairnConfig.Server s = base.server();
    CairnConfig config = base
        .withServer(new CairnConfig.Server("127.0.0.1", freePort(), freePort(), true, "", "", s.region(),
            s.maxBodyBytes(), s.requestTimeoutMillis(), 2))
        .withPostgres(new CairnConfig.Postgres(pgUrl, 4, 2, 256, 0));
    return CairnServer.start(config, null, true);
  }

  /** Picks the PostgreSQL for this run and returns the URI of a fresh database on it. */
  private static String postgresUrl() throws Exception {
    String db = "cairn_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String env = System.getenv("CAIRN_TEST_PG_URL");
    if (env != null && !env.isBlank()) {
      LOG.info("PostgreSQL for tests: CAIRN_TEST_PG_URL");
      return withDatabase(env, db);
    }
    if (answers("127.0.0.1", 5432)) {
      LOG.info("PostgreSQL for tests: the server on 127.0.0.1:5432");
      return "postgresql://postgres@127.0.0.1:5432/" + db;
    }
    if (dockerAvailable()) {
      LOG.info("PostgreSQL for tests: Testcontainers");
      var pg = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine");
      pg.start();
      return "postgresql://" + pg.getUsername() + ":" + pg.getPassword() + "@" + pg.getHost() + ":"
          + pg.getMappedPort(5432) + "/" + db;
    }
    LOG.info("PostgreSQL for tests: Cairn's embedded PostgreSQL");
    Path home = Path.of("/tmp", "cairn-test-pg-" + UUID.randomUUID());
    Files.createDirectories(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    EmbeddedPostgres pg = EmbeddedPostgres.start(home, 0);
    Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
    return "postgresql://" + pg.user() + ":" + java.net.URLEncoder.encode(pg.password(), "UTF-8") + "@"
        + pg.host() + ":" + pg.port() + "/" + db;
  }

  private static String withDatabase(String uri, String db) {
    URI u = URI.create(uri);
    return u.getScheme() + "://" + (u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@") + u.getHost()
        + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/" + db + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  private static boolean dockerAvailable() {
    try {
      return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable t) {
      return false;
    }
  }

  static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static TrustManagerFactory trustManagers(Path pem) throws Exception {
    var ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
    ks.load(null, null);
    try (var in = Files.newInputStream(pem)) {
      int i = 0;
      for (var c : java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca" + i++, c);
      }
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    return tmf;
  }

  public CairnServer server() {
    return server;
  }

  /** The HTTPS endpoint, e.g. {@code https://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create(server.endpoint());
  }

  /** The plain-HTTP redirect URL. */
  public URI redirectUrl() {
    return URI.create(server.redirectUrl());
  }

  public Path caBundle() {
    return server.config().certFile();
  }

  public Path dataDir() {
    return dataDir;
  }

  public String adminPassword() {
    return adminPassword;
  }

  /** The key provisioned at bootstrap (default account). */
  public Keys defaultKeys() {
    return defaultKeys;
  }

  /** A client of the default account. */
  public DynamoDbClient dynamo() {
    return dynamo(defaultKeys.accessKeyId(), defaultKeys.secretAccessKey());
  }

  /** A client signing with the given key (which need not exist); no retries, so errors show as they are. */
  public DynamoDbClient dynamo(String accessKeyId, String secretAccessKey) {
    return DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
        .httpClient(httpClient)
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
            .retryStrategy(b -> b.maxAttempts(1)).apiCallTimeout(Duration.ofSeconds(60)).build())
        .build();
  }

  /** A DynamoDB Streams client of the default account. */
  public DynamoDbStreamsClient streams() {
    return streams(defaultKeys.accessKeyId(), defaultKeys.secretAccessKey());
  }

  /** A DynamoDB Streams client signing with the given key; no retries, so errors show as they are. */
  public DynamoDbStreamsClient streams(String accessKeyId, String secretAccessKey) {
    return DynamoDbStreamsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
        .httpClient(httpClient)
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
            .retryStrategy(b -> b.maxAttempts(1)).apiCallTimeout(Duration.ofSeconds(60)).build())
        .build();
  }

  /** A new account with one access key, made through the admin service. */
  public Keys newAccount(String namePrefix) {
    try {
      AdminService admin = server.admin();
      var account = admin.createAccount(namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8))
          .await(30, TimeUnit.SECONDS);
      var key = admin.createAccessKey(account.accountId(), "tester").await(30, TimeUnit.SECONDS);
      return new Keys(account.accountId(), key.accessKeyId(), key.secretAccessKey());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A management-API client logged in as the administrator. */
  public ManagementClient management() throws Exception {
    return new ManagementClient(server.endpoint(), caBundle(), AdminService.ADMIN_NAME, adminPassword);
  }

  /**
   * Registers a table name in the catalog directly, for ListTables tests until CreateTable exists.
   * (Once CreateTable lands, tests create tables through the API instead.)
   */
  public void registerTableName(String accountId, String tableName) {
    try {
      server.storage().client()
          .preparedQuery("INSERT INTO cairn.tables (account_id, table_name, table_status) VALUES ($1, $2, 'ACTIVE')")
          .execute(io.vertx.sqlclient.Tuple.of(accountId, tableName)).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
