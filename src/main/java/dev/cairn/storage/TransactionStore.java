package dev.cairn.storage;

import dev.cairn.core.model.AttributeValue;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * All-or-nothing writes over several items of several tables, and consistent reads of several items
 * (TransactWriteItems, TransactGetItems).
 *
 * <p>{@link #write} runs one database transaction: it records the client request token (when given), locks every
 * touched item in one global order (so two transactions never deadlock and two transactions on a common item run
 * one after the other), reads the locked items, asks the caller to decide (conditions, updates) and writes every
 * item with the same compare-and-set statements as the single-item writes, then commits. Either everything is
 * written or nothing is. Failures: {@link TransactionConflictException} when a concurrent write outside any
 * transaction got to an item first or the database gave up waiting for a lock (the caller may retry);
 * {@link StorageException} otherwise ({@link StorageException.Kind#STALE_DEFINITION} when a table's definition
 * changed meanwhile); any exception thrown by the decider rolls the transaction back and fails the future with it.
 */
public interface TransactionStore {

  /**
   * One item a transaction touches.
   *
   * @param table the table (its definition version guards the writes)
   * @param pk    encoded partition key ({@code core.model.KeyCodec})
   * @param sk    encoded sort key, empty for a table without one
   */
  record TxItem(TableRecord table, byte[] pk, byte[] sk) {
  }

  /** What to do with one item, decided from its current state. */
  record TxWrite(Kind kind, Map<String, AttributeValue> item, int sizeBytes, List<IndexEntry> entries) {
    /** Nothing to write. */
    public static final TxWrite NONE = new TxWrite(Kind.NONE, null, 0, List.of());
    /** Delete the item. */
    public static final TxWrite DELETE = new TxWrite(Kind.DELETE, null, 0, List.of());

    /** Write the item with its index entries. */
    public static TxWrite put(Map<String, AttributeValue> item, int sizeBytes, List<IndexEntry> entries) {
      return new TxWrite(Kind.PUT, item, sizeBytes, entries);
    }

    /** The kinds of write. */
    public enum Kind { NONE, PUT, DELETE }
  }

  /**
   * The decision: one write per item in the order of the {@code items} given to {@link #write}, and the
   * caller's result.
   */
  record TxPlan<R>(List<TxWrite> writes, R result) {
  }

  /** The state of a client request token when the transaction starts. */
  enum TokenState {
    /** No token, or a token not seen in its window: the transaction runs. */
    NEW,
    /** The same token with the same request hash completed before: nothing is written again. */
    REPLAY,
    /** The same token with a different request: the caller fails the request. */
    MISMATCH
  }

  /**
   * A client request token, scoped to an account.
   *
   * @param accountId   the owning account
   * @param token       ClientRequestToken as sent
   * @param requestHash the digest of the request (a retry must match it)
   * @param ttlSeconds  how long after the transaction the token is remembered
   */
  record Token(String accountId, String token, String requestHash, int ttlSeconds) {
  }

  /** Called once, holding the transaction open, with the items as they are (null: absent) in request order. */
  @FunctionalInterface
  interface Decider<R> {
    /**
     * @param current the items in the order given, {@code null} for an absent one; {@code null} list for
     *                {@link TokenState#MISMATCH}
     * @param state   the token's state; for {@link TokenState#REPLAY} the writes of the plan are ignored
     */
    TxPlan<R> decide(List<StoredItem> current, TokenState state);
  }

  /**
   * Runs one write transaction.
   *
   * @param token the client request token, or {@code null}
   * @param items the touched items, each at most once, in request order
   */
  <R> Future<R> write(Token token, List<TxItem> items, Decider<R> decider);

  /**
   * Reads several items from one snapshot (one statement): the items in the order given, {@code null} for an
   * absent one.
   */
  Future<List<StoredItem>> readAll(List<TxItem> items);

  /** A write lost against a concurrent one, or a lock could not be had in time. */
  /**
   * Another request with the same client request token was claimed between this one's check and its claim (it is in
   * progress, or has just committed): nothing was written.
   */
  final class TokenInUseException extends RuntimeException {
    public TokenInUseException() {
      super("client request token in use", null, false, false);
    }
  }

  final class TransactionConflictException extends RuntimeException {
    private final int index;

    /** @param index the item (request order) that conflicted, or -1 when unknown */
    public TransactionConflictException(int index, String message, Throwable cause) {
      super(message, cause, false, false);
      this.index = index;
    }

    /** The item (request order) that conflicted, or -1 when the database did not say which. */
    public int index() {
      return index;
    }
  }
}
