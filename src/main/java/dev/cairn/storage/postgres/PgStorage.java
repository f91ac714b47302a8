package dev.cairn.storage.postgres;

import dev.cairn.storage.CatalogChange;
import dev.cairn.storage.CatalogStore;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.TableStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import dev.cairn.storage.LeaderLock;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.pgclient.pubsub.PgChannel;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL side of Cairn for one process: the pipelined client (single statements), the transaction
 * pool, the catalog store and the {@code LISTEN cairn_catalog} subscription.
 *
 * <p>{@link #open} creates the database when it does not exist (connecting to the {@code postgres}
 * maintenance database), then applies migrations. Close it to release every connection.
 */
public final class PgStorage {
  private static final Logger LOG = LoggerFactory.getLogger(PgStorage.class);
  /** Statements one pooled connection may have in flight (one transaction's batch). */
  static final int POOL_PIPELINING_LIMIT = 256;

  private final Vertx vertx;
  private final PgConnectOptions connectOptions;
  private final dev.cairn.storage.StreamStore streams;
  private final SqlClient client;
  private final Pool pool;
  private final PgCatalogStore catalog;
  private final PgTableStore tables;
  private final PgItemStore items;
  private final PgTransactionStore transactions;
  private PgSubscriber subscriber;

  private PgStorage(Vertx vertx, PgConnectOptions connectOptions, PgSettings settings) {
    this.vertx = vertx;
    this.connectOptions = connectOptions;
    // Every extended-protocol statement is named and cached: an unnamed one (the client's default for SQL over
    // 2048 chars) can be destroyed by another command pipelined on the same connection before it is bound.
    this.connectOptions.setPipeliningLimit(settings.pipeliningLimit()).setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(2048).setPreparedStatementCacheSqlFilter(sql -> true);
    this.client = PgBuilder.client()
        .with(new PoolOptions().setMaxSize(settings.clientSize()))
        .connectingTo(connectOptions).using(vertx).build();
    // A transaction's connection is its own: the pool's pipelining only lets one transaction send several
    // statements before the first answers (PgTransactionStore sends its locks and reads, then its writes, as two
    // batches); every statement is named and cached, so a pipelined BEGIN cannot destroy one.
    this.pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(settings.poolSize()))
        .connectingTo(new PgConnectOptions(connectOptions).setPipeliningLimit(POOL_PIPELINING_LIMIT)).using(vertx)
        .build();
    this.catalog = new PgCatalogStore(client);
    this.tables = new PgTableStore(client, pool);
    this.items = new PgItemStore(client);
    this.transactions = new PgTransactionStore(pool, client);
    this.streams = new PgStreamStore(client, pool);
  }

  /**
   * Connects (creating the database if needed) and migrates the catalog.
   *
   * @return the storage, ready; a failed future with a {@link dev.cairn.storage.StorageException} otherwise
   */
  public static Future<PgStorage> open(Vertx vertx, PgSettings settings) {
    PgConnectOptions options = PgConnectOptions.fromUri(settings.uri());
    return ensureDatabase(vertx, options)
        .map(v -> new PgStorage(vertx, options, settings))
        .compose(s -> Migrations.migrate(s.pool).map(version -> {
          LOG.debug("catalog schema at version {}", version);
          return s;
        }));
  }

  /** Creates the configured database when PostgreSQL says it does not exist (SQLSTATE 3D000). */
  static Future<Void> ensureDatabase(Vertx vertx, PgConnectOptions options) {
    return PgConnection.connect(vertx, options)
        .compose(conn -> conn.close())
        .recover(e -> {
          if (!(e instanceof PgException pg) || !SqlStates.INVALID_CATALOG_NAME.equals(pg.getSqlState())) {
            return Future.failedFuture(SqlStates.classify(e));
          }
          PgConnectOptions maintenance = new PgConnectOptions(options).setDatabase("postgres");
          String db = options.getDatabase();
          LOG.info("creating database {}", db);
          return PgConnection.connect(vertx, maintenance).compose(conn -> conn
              .preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1").execute(Tuple.of(db))
              .compose(rs -> rs.size() > 0 ? Future.succeededFuture()
                  : conn.query("CREATE DATABASE " + Identifiers.quote(db)).execute().mapEmpty())
              .eventually(conn::close))
              .recover(x -> x instanceof PgException p && SqlStates.UNIQUE_VIOLATION.equals(p.getSqlState())
                  ? Future.succeededFuture() : Future.failedFuture(SqlStates.classify(x)))
              .mapEmpty();
        });
  }

  public CatalogStore catalog() {
    return catalog;
  }

  public TableStore tables() {
    return tables;
  }

  /** DynamoDB Streams: streams, shards and records. */
  public dev.cairn.storage.StreamStore streams() {
    return streams;
  }

  public ItemStore items() {
    return items;
  }

  /** TransactWriteItems and TransactGetItems: transactions on the pool, snapshot reads on the client. */
  public dev.cairn.storage.TransactionStore transactions() {
    return transactions;
  }

  /** The pipelined client, for single statements. */
  public SqlClient client() {
    return client;
  }

  /** The pool, for transactions. */
  public Pool pool() {
    return pool;
  }

  /** The lock that elects the one TTL sweeper per database. */
  public LeaderLock timeToLiveLeaderLock() {
    return new PgLeaderLock(vertx, connectOptions, 1);
  }

  /**
   * Starts listening for catalog changes from every process. {@code listener} runs on this storage's Vert.x
   * context; after every (re)subscription it receives {@link CatalogChange.Kind#ALL}, because notifications sent
   * while the connection was down are lost.
   */
  public Future<Void> listen(Consumer<CatalogChange> listener) {
    subscriber = PgSubscriber.subscriber(vertx, connectOptions).reconnectPolicy(retries -> 1000L);
    PgChannel channel = subscriber.channel(CatalogSql.NOTIFY_CHANNEL);
    channel.handler(payload -> listener.accept(CatalogChange.parse(payload)));
    channel.subscribeHandler(v -> listener.accept(new CatalogChange(CatalogChange.Kind.ALL, "*")));
    return subscriber.connect();
  }

  /** Closes the subscription, the client and the pool. */
  public Future<Void> close() {
    Future<Void> sub = subscriber == null ? Future.succeededFuture() : subscriber.close();
    return Future.join(sub, client.close(), pool.close()).mapEmpty();
  }
}
