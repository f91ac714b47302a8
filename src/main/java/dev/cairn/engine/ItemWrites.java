package dev.cairn.engine;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.StoredItem;
import dev.cairn.storage.TableRecord;
import io.vertx.core.Future;
import java.util.Map;
import java.util.function.Function;

/**
 * The read-modify-write template shared by PutItem, DeleteItem and UpdateItem when they need the current
 * item (a condition, an old image, an update): read the row, decide in Java, then write only if the row is
 * still the version that was read (compare-and-set). A lost race re-reads and decides again, so two
 * concurrent conditional writes never both succeed and no update is lost. No connection is held between the
 * two statements.
 */
final class ItemWrites {
  /** Attempts before giving up under extreme contention on one item. */
  static final int MAX_ATTEMPTS = 64;

  private ItemWrites() {
  }

  /**
   * What to do with an item, decided from its current state.
   *
   * @param newItem  the item to write, or {@code null} to delete it
   * @param write    {@code false} to leave the row as it is
   * @param newSize  the new item's size in bytes
   * @param result   the caller's result, carried back
   */
  record Decision<R>(Map<String, AttributeValue> newItem, boolean write, int newSize, R result) {
    static <R> Decision<R> put(Map<String, AttributeValue> item, int size, R result) {
      return new Decision<>(item, true, size, result);
    }

    static <R> Decision<R> delete(R result) {
      return new Decision<>(null, true, 0, result);
    }

    static <R> Decision<R> none(R result) {
      return new Decision<>(null, false, 0, result);
    }
  }

  /**
   * Runs the template. {@code decide} receives the current item ({@code null} when absent) and may throw an
   * API error (e.g. a failed condition), which fails the returned future without writing.
   */
  static <R> Future<R> readModifyWrite(ItemStore store, TableRecord table, ItemKeys keys,
      Function<StoredItem, Decision<R>> decide) {
    return attempt(store, table, keys, decide, 1);
  }

  private static <R> Future<R> attempt(ItemStore store, TableRecord table, ItemKeys keys,
      Function<StoredItem, Decision<R>> decide, int attempt) {
    return store.read(table.ref(), keys.pk(), keys.sk()).compose(old -> {
      Decision<R> d = decide.apply(old);
      if (!d.write()) {
        return Future.succeededFuture(d.result());
      }
      // The *IfCurrent writes carry the old item, so a table's stream record gets its exact old image.
      Future<Boolean> written;
      if (d.newItem() == null) {
        written = old == null ? Future.succeededFuture(true)
            : store.deleteIfCurrent(table, keys.pk(), keys.sk(), old, null);
      } else {
        written = store.putIfCurrent(table, keys.pk(), keys.sk(), old, d.newItem(), d.newSize(),
            IndexEntries.of(table.definition(), table.keySchema(), d.newItem()));
      }
      return written.compose(ok -> {
        if (ok) {
          return Future.succeededFuture(d.result());
        }
        if (attempt >= MAX_ATTEMPTS) {
          return Future.failedFuture(DynamoException.of(ErrorCode.TRANSACTION_CONFLICT,
              "Transaction is ongoing for the item"));
        }
        return attempt(store, table, keys, decide, attempt + 1);
      });
    });
  }
}
