package dev.cairn.storage.postgres;

import dev.cairn.core.model.ItemJson;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.StoredItem;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TransactionStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@link TransactionStore} on PostgreSQL. A write transaction is one transaction on the pool, at READ COMMITTED:
 *
 * <ol>
 *   <li>take an advisory lock per item (hash of table id, pk, sk) in ascending key order, with a lock timeout of
 *       {@value #LOCK_TIMEOUT}: transactions on a common item run one after the other and never deadlock, and
 *       absent items are covered as well as present ones;</li>
 *   <li>read the items, one statement per table, without row locks, and the client request token's stored hash
 *       when there is a token;</li>
 *   <li>let the caller decide, then claim the token ({@link TransactionSql#CLAIM_TOKEN}) and write each item in
 *       (table id, pk, sk) order with {@link WriteSql}'s compare-and-set statements (insert-if-absent,
 *       update-if-version, delete-if-version): the texts of the single-item writes, with their index maintenance,
 *       stream records and definition-version guard. A compare-and-set that finds nothing to write means a
 *       concurrent single-item write changed the item since it was read: the transaction rolls back with
 *       {@link TransactionConflictException}, as the service cancels a transaction that meets a concurrent write;
 *       </li>
 *   <li>commit.</li>
 * </ol>
 *
 * <p>Nothing before the writes assigns a transaction id (advisory locks and plain reads do not), so the id, which
 * orders stream records (docs/streams.md), is taken after every read: a write of one of the items by a
 * transaction with a higher id that commits first makes a compare-and-set here fail, so per-key record order is
 * commit order. Items only checked (ConditionCheck) are not locked: single-item writes touch one item, so
 * letting one change a checked item after the read still leaves a serial order (this transaction first).
 *
 * <p>The statements go out in two pipelined batches on the transaction's connection (BEGIN, locks, reads, token;
 * then the token claim and the writes) and a COMMIT: three round trips whatever the number of items and tables.
 * The connection is held only across PostgreSQL calls; the caller's decision is synchronous. A replayed token
 * takes the locks and reads too (the replay reports read units) and commits without writing. Two requests with one
 * new token at once: the second's claim finds the first's row and it fails with {@link TokenInUseException}.
 */
public final class PgTransactionStore implements TransactionStore {
  /** How long a transaction waits for a lock before giving up with a conflict. */
  static final String LOCK_TIMEOUT = "5s";

  private static final Comparator<byte[]> BYTES = Arrays::compareUnsigned;

  private final Pool pool;
  private final SqlClient client;

  /**
   * @param pool   the transaction pool
   * @param client the pipelined client (single-statement snapshot reads)
   */
  public PgTransactionStore(Pool pool, SqlClient client) {
    this.pool = pool;
    this.client = client;
  }

  @Override
  public <R> Future<R> write(Token token, List<TxItem> items, Decider<R> decider) {
    return pool.withConnection(conn -> {
      // First batch, pipelined: BEGIN, the locks, the reads, the token. PostgreSQL runs them in order, so each
      // read's snapshot is taken after every lock is held. None of them assigns a transaction id.
      Future<io.vertx.sqlclient.Transaction> begun = conn.begin();
      Future<Void> locked = lock(conn, items);
      Future<List<StoredItem>> read = readTables(conn, items);
      Future<TokenState> checked = checkToken(conn, token);
      Future<R> work = Future.all(begun, locked, read, checked).compose(v -> {
        TokenState state = checked.result();
        TxPlan<R> plan = decider.decide(state == TokenState.MISMATCH ? null : read.result(), state);
        if (state != TokenState.NEW) {
          return Future.succeededFuture(plan.result());
        }
        // Second batch, pipelined: the token claim and every write; then COMMIT once all of them wrote.
        Future<Void> claimed = claim(conn, token);
        Future<Void> written = writeAll(conn, items, read.result(), plan.writes());
        return Future.all(claimed, written).map(x -> plan.result());
      });
      return work.transform(ar -> {
        if (ar.succeeded()) {
          return begun.result().commit().map(x -> ar.result());
        }
        Future<Void> rollback = begun.succeeded() ? begun.result().rollback().otherwiseEmpty()
            : Future.succeededFuture();
        return rollback.transform(x -> Future.<R>failedFuture(ar.cause()));
      });
    }).recover(PgTransactionStore::classify);
  }

  private static <R> Future<R> classify(Throwable e) {
    if (e instanceof TransactionConflictException || !(isDatabaseFailure(e))) {
      return Future.failedFuture(e);
    }
    StorageException se = SqlStates.classify(e);
    if (se.kind() == StorageException.Kind.CONFLICT) {
      return Future.failedFuture(new TransactionConflictException(-1, se.getMessage(), se));
    }
    return Future.failedFuture(se);
  }

  /** Failures of the PG client, as opposed to the decider's own exceptions (API errors), which pass through. */
  private static boolean isDatabaseFailure(Throwable e) {
    return e instanceof io.vertx.pgclient.PgException || e instanceof StorageException
        || e instanceof io.vertx.core.VertxException || e instanceof java.io.IOException;
  }

  /** The token's state from its stored hash (read only: no transaction id). */
  private static Future<TokenState> checkToken(SqlConnection conn, Token token) {
    if (token == null) {
      return Future.succeededFuture(TokenState.NEW);
    }
    return conn.preparedQuery(TransactionSql.TOKEN_HASH).execute(Tuple.of(token.accountId(), token.token()))
        .map(hash -> {
          if (hash.size() == 0) {
            return TokenState.NEW;
          }
          return token.requestHash().equals(hash.iterator().next().getString(0)) ? TokenState.REPLAY
              : TokenState.MISMATCH;
        });
  }

  /**
   * Records a new token in this transaction; fails with {@link TransactionStore.TokenInUseException} when another
   * request with the same token claimed it since it was checked.
   */
  private static Future<Void> claim(SqlConnection conn, Token token) {
    if (token == null) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(TransactionSql.CLAIM_TOKEN)
        .execute(Tuple.of(token.accountId(), token.token(), token.requestHash(), token.ttlSeconds()))
        .compose(rs -> rs.rowCount() > 0 ? Future.succeededFuture()
            : Future.failedFuture(new TransactionStore.TokenInUseException()));
  }

  private static Future<Void> lock(SqlConnection conn, List<TxItem> items) {
    TreeSet<Long> keys = new TreeSet<>();
    for (TxItem i : items) {
      keys.add(lockKey(i.table().tableId(), i.pk(), i.sk()));
    }
    return conn.preparedQuery(TransactionSql.LOCK_KEYS)
        .execute(Tuple.of(keys.toArray(new Long[0]), LOCK_TIMEOUT)).mapEmpty();
  }

  /** A 64-bit advisory-lock key for an item: the first 8 bytes of SHA-256 over (table id, pk length, pk, sk). */
  static long lockKey(long tableId, byte[] pk, byte[] sk) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(ByteBuffer.allocate(12).putLong(tableId).putInt(pk.length).array());
      md.update(pk);
      md.update(sk);
      return ByteBuffer.wrap(md.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Item identity within a transaction. */
  private record Key(long tableId, Buffer pk, Buffer sk) {
    static Key of(long tableId, byte[] pk, byte[] sk) {
      return new Key(tableId, Buffer.buffer(pk), Buffer.buffer(sk));
    }
  }

  /**
   * Reads and locks the items, one statement per table in table-id order, all sent at once; the result is in
   * request order.
   */
  private static Future<List<StoredItem>> readTables(SqlConnection conn, List<TxItem> items) {
    Map<Long, List<TxItem>> byTable = new java.util.TreeMap<>();
    for (TxItem i : items) {
      byTable.computeIfAbsent(i.table().tableId(), k -> new ArrayList<>()).add(i);
    }
    Map<Key, StoredItem> found = new HashMap<>();
    List<Future<?>> reads = new ArrayList<>();
    for (Map.Entry<Long, List<TxItem>> e : byTable.entrySet()) {
      long tableId = e.getKey();
      reads.add(conn.preparedQuery(TransactionSql.of(tableId).read).execute(keyArrays(Tuple.tuple(),
          e.getValue())).map(rs -> {
            for (Row r : rs) {
              found.put(new Key(tableId, r.getBuffer(0), r.getBuffer(1)), stored(r, 2));
            }
            return null;
          }));
    }
    return Future.all(reads).map(v -> {
      List<StoredItem> out = new ArrayList<>(items.size());
      for (TxItem i : items) {
        out.add(found.get(Key.of(i.table().tableId(), i.pk(), i.sk())));
      }
      return out;
    });
  }

  private static Tuple keyArrays(Tuple args, List<TxItem> items) {
    Buffer[] pks = new Buffer[items.size()];
    Buffer[] sks = new Buffer[items.size()];
    for (int n = 0; n < items.size(); n++) {
      pks[n] = Buffer.buffer(items.get(n).pk());
      sks[n] = Buffer.buffer(items.get(n).sk());
    }
    return args.addArrayOfBuffer(pks).addArrayOfBuffer(sks);
  }

  private static StoredItem stored(Row r, int first) {
    return new StoredItem(ItemJson.read(r.getString(first)), r.getInteger(first + 1), r.getString(first + 2));
  }

  /**
   * Writes in (table id, pk, sk) order with compare-and-set, all sent at once; a lost one fails with a conflict on
   * the first such item (the transaction is then rolled back).
   */
  private static Future<Void> writeAll(SqlConnection conn, List<TxItem> items, List<StoredItem> current,
      List<TxWrite> writes) {
    Integer[] order = new Integer[items.size()];
    for (int n = 0; n < order.length; n++) {
      order[n] = n;
    }
    Arrays.sort(order, Comparator.<Integer>comparingLong(n -> items.get(n).table().tableId())
        .thenComparing(n -> items.get(n).pk(), BYTES).thenComparing(n -> items.get(n).sk(), BYTES));
    List<Integer> sent = new ArrayList<>();
    List<Future<Boolean>> results = new ArrayList<>();
    for (int n : order) {
      TxWrite w = writes.get(n);
      StoredItem old = current.get(n);
      if (w.kind() == TxWrite.Kind.NONE || (w.kind() == TxWrite.Kind.DELETE && old == null)) {
        continue;
      }
      sent.add(n);
      results.add(writeOne(conn, items.get(n), old, w));
    }
    return Future.all(results).compose(v -> {
      for (int k = 0; k < results.size(); k++) {
        if (!results.get(k).result()) {
          return Future.failedFuture(new TransactionConflictException(sent.get(k), "item written concurrently", null));
        }
      }
      return Future.succeededFuture();
    });
  }

  private static Future<Boolean> writeOne(SqlConnection conn, TxItem i, StoredItem old, TxWrite w) {
    TableRecord t = i.table();
    WriteSql sql = WriteSql.of(t);
    if (w.kind() == TxWrite.Kind.DELETE) {
      return conn.preparedQuery(sql.deleteIfVersion)
          .execute(PgItemStore.deleteIfCurrentTuple(t, sql, i.pk(), i.sk(), old, null)).map(PgItemStore::counted);
    }
    Tuple args = PgItemStore.putIfCurrentTuple(t, sql, i.pk(), i.sk(), old, w.item(), w.sizeBytes(), w.entries());
    return conn.preparedQuery(old == null ? sql.insertIfAbsent : sql.updateIfVersion).execute(args)
        .map(PgItemStore::counted);
  }

  @Override
  public Future<List<StoredItem>> readAll(List<TxItem> items) {
    Map<Long, List<TxItem>> byTable = new LinkedHashMap<>();
    items.stream().sorted(Comparator.comparingLong(i -> i.table().tableId()))
        .forEach(i -> byTable.computeIfAbsent(i.table().tableId(), k -> new ArrayList<>()).add(i));
    List<Long> tableIds = new ArrayList<>(byTable.keySet());
    Tuple args = Tuple.tuple();
    for (List<TxItem> group : byTable.values()) {
      keyArrays(args, group);
    }
    return client.preparedQuery(TransactionSql.readAll(tableIds)).execute(args)
        .recover(e -> Future.failedFuture(SqlStates.classify(e)))
        .map((RowSet<Row> rs) -> {
          Map<Key, StoredItem> found = new HashMap<>();
          for (Row r : rs) {
            found.put(new Key(tableIds.get(r.getInteger(0)), r.getBuffer(1), r.getBuffer(2)), stored(r, 3));
          }
          List<StoredItem> out = new ArrayList<>(items.size());
          for (TxItem i : items) {
            out.add(found.get(Key.of(i.table().tableId(), i.pk(), i.sk())));
          }
          return out;
        });
  }
}
