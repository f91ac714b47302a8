package dev.cairn.app;

import dev.cairn.auth.crypto.MasterKey;
import dev.cairn.auth.crypto.SecretCipher;
import dev.cairn.auth.tls.SelfSignedCertificate;
import dev.cairn.core.model.Operation;
import dev.cairn.core.model.RuntimeSetting;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.engine.Arns;
import dev.cairn.engine.BatchGetItemHandler;
import dev.cairn.engine.BatchWriteItemHandler;
import dev.cairn.engine.CreateTableHandler;
import dev.cairn.engine.DeleteItemHandler;
import dev.cairn.engine.DeleteTableHandler;
import dev.cairn.engine.DescribeEndpointsHandler;
import dev.cairn.engine.DescribeTableHandler;
import dev.cairn.engine.GetItemHandler;
import dev.cairn.engine.IndexBackfill;
import dev.cairn.engine.StreamHousekeeping;
import dev.cairn.engine.TimeToLiveSweeper;
import dev.cairn.engine.ListTablesHandler;
import dev.cairn.engine.OperationHandler;
import dev.cairn.engine.PutItemHandler;
import dev.cairn.engine.QueryHandler;
import dev.cairn.engine.ScanHandler;
import dev.cairn.engine.SmallTableHandlers;
import dev.cairn.engine.TableAdmin;
import dev.cairn.engine.TableCatalog;
import dev.cairn.engine.TagHandlers;
import dev.cairn.engine.TimeToLiveHandlers;
import dev.cairn.engine.UpdateItemHandler;
import dev.cairn.engine.UpdateTableHandler;
import dev.cairn.protocol.RequestDecoder;
import dev.cairn.storage.ItemStore;
import dev.cairn.server.AdminService;
import dev.cairn.server.ApiCall;
import dev.cairn.server.ApiReply;
import dev.cairn.server.AuthVerticle;
import dev.cairn.server.PeriodicWorkerVerticle;
import dev.cairn.server.Credential;
import dev.cairn.server.CredentialLookup;
import dev.cairn.server.GatewayOptions;
import dev.cairn.server.GatewayVerticle;
import dev.cairn.server.HealthCheck;
import dev.cairn.server.LiveSettings;
import dev.cairn.server.LocalCodec;
import dev.cairn.server.ManagementApi;
import dev.cairn.server.OperationVerticle;
import dev.cairn.server.RedirectVerticle;
import dev.cairn.server.RequestAuthenticator;
import dev.cairn.storage.CatalogChange;
import dev.cairn.storage.postgres.PgStorage;
import dev.cairn.storage.postgres.embedded.EmbeddedPostgres;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBus;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: data directory, PostgreSQL (external or embedded), catalog bootstrap, verticles.
 *
 * <p>{@link #start} blocks the calling thread until the server answers (or fails); {@link #stop} drains
 * in-flight requests, closes the pools and stops the embedded PostgreSQL. Used by {@code cairn serve},
 * {@code cairn init} (without listeners) and the test fixture.
 */
public final class CairnServer {
  private static final Logger LOG = LoggerFactory.getLogger(CairnServer.class);
  static final String MASTER_KEY_FILE = "master.key";

  private final CairnConfig config;
  private final Vertx vertx;
  private final PgStorage storage;
  private final EmbeddedPostgres embedded;
  private final AdminService admin;
  private final Bootstrap.Result bootstrap;
  private final String postgresDescription;
  private final TableCatalog tableCatalog;

  private CairnServer(CairnConfig config, Vertx vertx, PgStorage storage, EmbeddedPostgres embedded,
      AdminService admin, Bootstrap.Result bootstrap, String postgresDescription) {
    this.config = config;
    this.vertx = vertx;
    this.storage = storage;
    this.embedded = embedded;
    this.admin = admin;
    this.bootstrap = bootstrap;
    this.postgresDescription = postgresDescription;
    this.tableCatalog = new TableCatalog(storage.tables());
  }

  /**
   * Starts Cairn.
   *
   * @param config the configuration
   * @param out    where first-run secrets (admin password, access key) are printed; {@code null} for nowhere
   * @param listen whether to deploy the verticles and open the ports ({@code false} for {@code init})
   */
  public static CairnServer start(CairnConfig config, PrintStream out, boolean listen) throws Exception {
    prepareDataDirectory(config);
    EmbeddedPostgres embedded = null;
    String uri = config.postgres().url();
    String description;
    if (config.postgres().embedded()) {
      embedded = EmbeddedPostgres.start(EmbeddedHome.resolve(config), config.postgres().embeddedPort());
      uri = "postgresql://" + embedded.user() + ":" + URLEncoder.encode(embedded.password(), StandardCharsets.UTF_8)
          + "@" + embedded.host() + ":" + embedded.port() + "/cairn";
      description = "embedded PostgreSQL " + EmbeddedPostgres.POSTGRES_VERSION + " on " + embedded.host() + ":"
          + embedded.port();
    } else {
      description = "external " + redact(uri);
    }
    int loops = config.server().eventLoops() > 0 ? config.server().eventLoops()
        : 2 * Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
    try {
      PgStorage storage = await(PgStorage.open(vertx, config.postgres().settings(uri)));
      LiveSettings settings = new LiveSettings(storage.catalog());
      await(settings.reload());
      SecretCipher cipher = new SecretCipher(MasterKey.loadOrGenerate(config.dataDir().resolve(MASTER_KEY_FILE)));
      AdminService admin = new AdminService(vertx, storage.catalog(), cipher);
      Bootstrap.Result boot = await(Bootstrap.ensureCatalog(admin));
      CairnServer server = new CairnServer(config, vertx, storage, embedded, admin, boot, description);
      if (out != null) {
        boot.print(out, server.endpoint(), config);
      }
      if (listen) {
        server.deploy(settings, cipher, loops);
      }
      return server;
    } catch (Exception | Error e) {
      vertx.close().await(10, TimeUnit.SECONDS);
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private void deploy(LiveSettings settings, SecretCipher cipher, int loops) throws Exception {
    EventBus bus = vertx.eventBus();
    bus.registerDefaultCodec(ApiCall.class, new LocalCodec<>(ApiCall.class));
    bus.registerDefaultCodec(ApiReply.class, new LocalCodec<>(ApiReply.class));
    bus.registerDefaultCodec(CredentialLookup.class, new LocalCodec<>(CredentialLookup.class));
    bus.registerDefaultCodec(Credential.class, new LocalCodec<>(Credential.class));

    RequestAuthenticator authenticator = new RequestAuthenticator(vertx);
    await(storage.listen(change -> {
      authenticator.onCatalogChange(change);
      tableCatalog.onCatalogChange(change);
      if (change.kind() == CatalogChange.Kind.SETTING || change.kind() == CatalogChange.Kind.ALL) {
        settings.reload().onFailure(e -> LOG.warn("settings reload failed: {}", e.toString()));
      }
    }));
    await(vertx.deployVerticle(new AuthVerticle(storage.catalog(), cipher)));

    Map<Operation, OperationHandler<?>> handlers = handlers(settings);
    Map<Operation.Family, Map<Operation, OperationHandler<?>>> families = new EnumMap<>(Operation.Family.class);
    for (Operation.Family f : Operation.Family.values()) {
      families.put(f, new EnumMap<>(Operation.class));
    }
    handlers.forEach((op, h) -> families.get(op.family()).put(op, h));
    DeploymentOptions perLoop = new DeploymentOptions().setInstances(loops);
    for (var e : families.entrySet()) {
      await(vertx.deployVerticle(() -> new OperationVerticle(e.getKey(), e.getValue()), perLoop));
    }

    CairnConfig.Server s = config.server();
    GatewayOptions gateway = new GatewayOptions(s.host(), s.port(), s.tls(), config.certFile().toString(),
        config.keyFile().toString(), s.region(), s.maxBodyBytes(), s.requestTimeoutMillis());
    ManagementApi management = new ManagementApi(admin);
    HealthCheck health = new HealthCheck(() -> storage.catalog().ping());
    RequestDecoder decoder = new RequestDecoder(new ExpressionCache(ExpressionCache.DEFAULT_MAX_ENTRIES));
    await(vertx.deployVerticle(() -> new GatewayVerticle(gateway, authenticator, decoder, management, health),
        perLoop));
    IndexBackfill backfill = new IndexBackfill(storage.tables(), tableCatalog,
        () -> Integer.parseInt(settings.get(RuntimeSetting.BACKFILL_BATCH_ITEMS)));
    await(vertx.deployVerticle(new PeriodicWorkerVerticle("index back-fill", 500, backfill::runOnce, null)));
    StreamHousekeeping housekeeping = new StreamHousekeeping(storage.streams());
    await(vertx.deployVerticle(new PeriodicWorkerVerticle("stream housekeeping", 1000,
        () -> housekeeping.runOnce(settings.getLong(RuntimeSetting.STREAM_SHARD_ROLLOVER_MS)), null)));
    TimeToLiveSweeper sweeper = new TimeToLiveSweeper(storage.tables(), storage.items(),
        storage.timeToLiveLeaderLock());
    await(vertx.deployVerticle(new PeriodicWorkerVerticle("TTL sweep", 1000, () -> sweeper.sweepIfDue(
        System.currentTimeMillis(), settings.getLong(RuntimeSetting.TTL_SWEEP_INTERVAL_MS)), sweeper::release)));
    if (s.tls() && s.httpPort() >= 0) {
      await(vertx.deployVerticle(new RedirectVerticle(s.host(), s.httpPort(), endpoint())));
    }
    LOG.debug("control-plane delay {} ms", settings.get(RuntimeSetting.CONTROL_PLANE_DELAY_MS));
  }

  /** Every implemented action and its engine handler; the rest answer UnknownOperationException. */
  private Map<Operation, OperationHandler<?>> handlers(LiveSettings settings) {
    ItemStore items = storage.items();
    TableAdmin tableAdmin = new TableAdmin(storage.tables(), items, tableCatalog, new Arns(config.server().region()),
        settings);
    TagHandlers tags = new TagHandlers(tableAdmin);
    TimeToLiveHandlers ttl = new TimeToLiveHandlers(tableAdmin);
    SmallTableHandlers small = new SmallTableHandlers(tableAdmin);
    Map<Operation, OperationHandler<?>> h = new EnumMap<>(Operation.class);
    h.put(Operation.LIST_TABLES, new ListTablesHandler(storage.catalog()));
    h.put(Operation.DESCRIBE_ENDPOINTS, new DescribeEndpointsHandler(endpoint().replaceFirst("^https?://", "")));
    h.put(Operation.CREATE_TABLE, new CreateTableHandler(tableAdmin));
    h.put(Operation.DESCRIBE_TABLE, new DescribeTableHandler(tableAdmin));
    h.put(Operation.UPDATE_TABLE, new UpdateTableHandler(tableAdmin));
    h.put(Operation.DELETE_TABLE, new DeleteTableHandler(tableAdmin));
    h.put(Operation.TAG_RESOURCE, tags.tag());
    h.put(Operation.UNTAG_RESOURCE, tags.untag());
    h.put(Operation.LIST_TAGS_OF_RESOURCE, tags.list());
    h.put(Operation.DESCRIBE_TIME_TO_LIVE, ttl.describe());
    h.put(Operation.UPDATE_TIME_TO_LIVE, ttl.update());
    h.put(Operation.DESCRIBE_LIMITS, small.describeLimits());
    h.put(Operation.DESCRIBE_CONTINUOUS_BACKUPS, small.describeContinuousBackups());
    h.put(Operation.PUT_ITEM, new PutItemHandler(tableCatalog, items));
    h.put(Operation.GET_ITEM, new GetItemHandler(tableCatalog, items));
    h.put(Operation.DELETE_ITEM, new DeleteItemHandler(tableCatalog, items));
    h.put(Operation.UPDATE_ITEM, new UpdateItemHandler(tableCatalog, items));
    h.put(Operation.QUERY, new QueryHandler(tableCatalog, items));
    h.put(Operation.SCAN, new ScanHandler(tableCatalog, items));
    h.put(Operation.BATCH_GET_ITEM, new BatchGetItemHandler(tableCatalog, items));
    h.put(Operation.BATCH_WRITE_ITEM, new BatchWriteItemHandler(tableCatalog, items));
    h.put(Operation.TRANSACT_WRITE_ITEMS,
        new dev.cairn.engine.TransactWriteItemsHandler(tableCatalog, storage.transactions()));
    h.put(Operation.TRANSACT_GET_ITEMS,
        new dev.cairn.engine.TransactGetItemsHandler(tableCatalog, storage.transactions()));
    dev.cairn.engine.StreamHandlers streams = new dev.cairn.engine.StreamHandlers(storage.streams(),
        new Arns(config.server().region()));
    h.put(Operation.LIST_STREAMS, streams.listStreams());
    h.put(Operation.DESCRIBE_STREAM, streams.describeStream());
    h.put(Operation.GET_SHARD_ITERATOR, streams.getShardIterator());
    h.put(Operation.GET_RECORDS, streams.getRecords());
    return h;
  }

  /** Creates the data directory (0700), its config file, master key and TLS material when absent. */
  static void prepareDataDirectory(CairnConfig config) throws IOException {
    Path dir = config.dataDir();
    if (!Files.isDirectory(dir)) {
      // 0711: the embedded PostgreSQL's user (as root: 'cairn') must traverse it to reach pg/; the secrets
      // inside (master.key, tls/key.pem, cairn.yaml) are 0600 files, so nothing else can read them.
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    }
    Path yaml = dir.resolve(CairnConfig.FILE_NAME);
    if (!Files.exists(yaml)) {
      try (var in = CairnServer.class.getResourceAsStream("/cairn-default.yaml")) {
        Files.write(yaml, in.readAllBytes());
      }
      Files.setPosixFilePermissions(yaml, PosixFilePermissions.fromString("rw-------"));
    }
    MasterKey.loadOrGenerate(dir.resolve(MASTER_KEY_FILE));
    Path cert = config.certFile();
    Path key = config.keyFile();
    if (config.server().tls() && (!Files.exists(cert) || !Files.exists(key))) {
      if (!config.server().certFile().isBlank() || !config.server().keyFile().isBlank()) {
        throw new IOException("configured TLS files are missing: " + cert + ", " + key);
      }
      Files.createDirectories(cert.getParent());
      List<String> names = new ArrayList<>();
      String host = config.server().host();
      if (!host.equals("0.0.0.0") && !host.equals("::") && !host.equals("127.0.0.1") && !host.equals("localhost")) {
        names.add(host);
      }
      SelfSignedCertificate.generate(cert, key, names);
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.await(120, TimeUnit.SECONDS);
  }

  private static String redact(String uri) {
    return uri.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
  }

  /** The HTTPS endpoint clients use, e.g. {@code https://127.0.0.1:8000}. */
  public String endpoint() {
    return config.endpointUrl(config.server().port());
  }

  /** The plain-HTTP redirect URL, or {@code null} when disabled. */
  public String redirectUrl() {
    CairnConfig.Server s = config.server();
    if (!s.tls() || s.httpPort() < 0) {
      return null;
    }
    return config.endpointUrl(s.httpPort()).replaceFirst("^https", "http");
  }

  public CairnConfig config() {
    return config;
  }

  public Vertx vertx() {
    return vertx;
  }

  public PgStorage storage() {
    return storage;
  }

  public AdminService admin() {
    return admin;
  }

  /** What the first start created (secrets shown once), or an empty result on later starts. */
  public Bootstrap.Result bootstrap() {
    return bootstrap;
  }

  /** "embedded PostgreSQL ... on host:port" or "external postgresql://user:***@host/db". */
  public String postgresDescription() {
    return postgresDescription;
  }

  /** Drains in-flight requests, closes every connection and stops the embedded PostgreSQL. Idempotent. */
  public synchronized void stop() {
    try {
      vertx.close().await(config.server().requestTimeoutMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.toString());
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
