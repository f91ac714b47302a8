package dev.cairn.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.storage.CatalogChange;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TableStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Table records by (account, name), cached per process so a data operation costs no catalog round trip. A
 * change on any process drops the entry (catalog notification); entries also expire after a minute, a bound
 * on staleness should a notification ever be missed.
 */
public final class TableCatalog {
  /** The service's text for a data operation on a table that does not exist (API Reference, Common errors). */
  public static final String NOT_FOUND = "Requested resource not found";

  private final TableStore store;
  private final Cache<String, TableRecord> cache = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterWrite(Duration.ofMinutes(1)).build();

  public TableCatalog(TableStore store) {
    this.store = store;
  }

  private static String key(String accountId, String tableName) {
    return accountId + "/" + tableName;
  }

  /** The table, or {@code null} when the account has none of that name. */
  public Future<TableRecord> find(String accountId, String tableName) {
    String k = key(accountId, tableName);
    TableRecord cached = cache.getIfPresent(k);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return store.findTable(accountId, tableName).map(t -> {
      if (t != null) {
        cache.put(k, t);
      }
      return t;
    });
  }

  /**
   * The table for a data operation.
   *
   * @throws DynamoException (failed future) ResourceNotFoundException "Requested resource not found" when the
   *     table does not exist, is still CREATING or is being deleted
   */
  public Future<TableRecord> requireActive(String accountId, String tableName) {
    return find(accountId, tableName).compose(t -> {
      if (t == null || !t.isActive(Instant.now())) {
        return Future.failedFuture(DynamoException.of(ErrorCode.RESOURCE_NOT_FOUND, NOT_FOUND));
      }
      return Future.succeededFuture(t);
    });
  }

  /** Attempts of an item operation whose table definition changed under it. */
  static final int STALE_ATTEMPTS = 5;

  /**
   * Runs a data operation on the active table, planning it again with a fresh definition when the write finds
   * that the definition changed under it (an index was added or removed meanwhile).
   */
  public <T> Future<T> withActive(String accountId, String tableName, Function<TableRecord, Future<T>> op) {
    return withActive(accountId, tableName, op, 1);
  }

  private <T> Future<T> withActive(String accountId, String tableName, Function<TableRecord, Future<T>> op,
      int attempt) {
    return requireActive(accountId, tableName).compose(t -> {
      try {
        return op.apply(t);
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }).recover(e -> {
      if (e instanceof StorageException se && se.kind() == StorageException.Kind.STALE_DEFINITION
          && attempt < STALE_ATTEMPTS) {
        invalidate(accountId, tableName);
        return withActive(accountId, tableName, op, attempt + 1);
      }
      return Future.failedFuture(e);
    });
  }

  /** Drops what a catalog change names. */
  public void onCatalogChange(CatalogChange change) {
    if (change.kind() == CatalogChange.Kind.TABLE) {
      cache.invalidate(change.key());
    } else if (change.kind() == CatalogChange.Kind.ALL) {
      cache.invalidateAll();
    }
  }

  /** Drops one table (after a local change, before the notification comes back). */
  public void invalidate(String accountId, String tableName) {
    cache.invalidate(key(accountId, tableName));
  }
}
