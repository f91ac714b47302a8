package dev.cairn.engine;

import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.api.ItemRequests.ConsumedCapacity;
import dev.cairn.core.api.TransactRequests.TransactWriteItems;
import dev.cairn.core.api.TransactRequests.TransactWriteResult;
import dev.cairn.core.api.TransactRequests.WriteAction;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.error.TransactionCanceledException;
import dev.cairn.core.error.TransactionCanceledException.Reason;
import dev.cairn.core.expr.Condition;
import dev.cairn.core.expr.ConditionEvaluator;
import dev.cairn.core.expr.KeyAttributes;
import dev.cairn.core.expr.KeyChecks;
import dev.cairn.core.expr.UpdateApplier;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.model.KeySchema;
import dev.cairn.core.model.Principal;
import dev.cairn.core.model.ValueValidation;
import dev.cairn.core.validate.KeyValidator;
import dev.cairn.storage.StorageException;
import dev.cairn.storage.StoredItem;
import dev.cairn.storage.TableRecord;
import dev.cairn.storage.TransactionStore;
import dev.cairn.storage.TransactionStore.TokenState;
import dev.cairn.storage.TransactionStore.TxItem;
import dev.cairn.storage.TransactionStore.TxPlan;
import dev.cairn.storage.TransactionStore.TxWrite;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems: up to 100 ConditionChecks, Puts, Updates and Deletes over several tables of the account,
 * all or nothing ({@link TransactionStore#write}).
 *
 * <p>Order of checks after the request's own validation: every table must exist and be active
 * (ResourceNotFoundException "Requested resource not found"); then each action's key against its table's schema —
 * an empty key string or binary is a top-level ValidationException, a wrong type or a missing key attribute
 * cancels the transaction with a {@code ValidationError} reason for that action (captured from the service,
 * conformance suite tests/tier3/error-messages/transactWriteItems.test.ts); then no two actions may target one
 * item (ValidationException "Transaction request cannot include multiple operations on one item"). Inside the
 * transaction every condition is evaluated on the locked item; a failed one gives {@code ConditionalCheckFailed}
 * (with the item when that action's ReturnValuesOnConditionCheckFailure is ALL_OLD), an update making an item too
 * large gives {@code ValidationError}; the reasons of every action are reported in request order
 * (TransactionCanceledException). A write that loses against a concurrent one, or a lock not had within the
 * timeout, cancels with {@code TransactionConflict}.
 *
 * <p>ClientRequestToken: the same token and request within 10 minutes succeeds again without writing, reporting
 * read units for the items read; the same token with another request is IdempotentParameterMismatchException
 * (API Reference, TransactWriteItems, ClientRequestToken). Consumed capacity: per table in order of first
 * appearance, 2 write units per 1 KB of each item (the larger of before and after; a ConditionCheck counts its
 * item's size), Developer Guide "Capacity management for transactions".
 */
public final class TransactWriteItemsHandler implements OperationHandler<TransactWriteItems> {
  static final String DUPLICATE_ITEM = "Transaction request cannot include multiple operations on one item";
  /** Not found in the API Reference; the text is Cairn's. */
  static final String TOKEN_MISMATCH =
      "Transaction request was made with a ClientRequestToken that was used for a different request";
  /** How long a client request token is remembered (API Reference, TransactWriteItems: 10 minutes). */
  static final int TOKEN_TTL_SECONDS = 600;

  private final TableCatalog tables;
  private final TransactionStore store;

  public TransactWriteItemsHandler(TableCatalog tables, TransactionStore store) {
    this.tables = tables;
    this.store = store;
  }

  @Override
  public Future<TransactWriteResult> handle(Principal principal, TransactWriteItems r) {
    return attempt(principal.accountId(), r, 1);
  }

  private Future<TransactWriteResult> attempt(String accountId, TransactWriteItems r, int attempt) {
    return resolve(tables, accountId, r.actions().stream().map(WriteAction::tableName).toList())
        .compose(byName -> run(accountId, r, byName))
        .recover(e -> {
          if (e instanceof StorageException se && se.kind() == StorageException.Kind.STALE_DEFINITION
              && attempt < TableCatalog.STALE_ATTEMPTS) {
            for (WriteAction a : r.actions()) {
              tables.invalidate(accountId, a.tableName());
            }
            return attempt(accountId, r, attempt + 1);
          }
          return Future.failedFuture(e);
        });
  }

  /** Every distinct table, active, by name (ResourceNotFoundException otherwise). */
  static Future<Map<String, TableRecord>> resolve(TableCatalog tables, String accountId, List<String> names) {
    List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(names));
    List<Future<TableRecord>> lookups = new ArrayList<>();
    for (String name : distinct) {
      lookups.add(tables.requireActive(accountId, name));
    }
    return Future.all(lookups).map(all -> {
      Map<String, TableRecord> out = new LinkedHashMap<>();
      for (int i = 0; i < distinct.size(); i++) {
        out.put(distinct.get(i), all.resultAt(i));
      }
      return out;
    });
  }

  private Future<TransactWriteResult> run(String accountId, TransactWriteItems r, Map<String, TableRecord> byName) {
    List<WriteAction> actions = r.actions();
    int n = actions.size();
    List<TxItem> items = new ArrayList<>(n);
    Reason[] reasons = new Reason[n];
    boolean invalid = false;
    for (int i = 0; i < n; i++) {
      WriteAction a = actions.get(i);
      TableRecord t = byName.get(a.tableName());
      KeySchema schema = t.keySchema();
      ItemKeys keys;
      try {
        keys = ItemKeys.of(a.put() != null ? KeyValidator.keyOfItem(a.put().item(), schema)
            : KeyValidator.key(keyMember(a), schema), schema);
        if (a.update() != null && a.update().update() != null) {
          KeyChecks.checkUpdateLeavesKeys(a.update().update(),
              new KeyAttributes(schema.partitionKey(), schema.sortKey()));
        }
      } catch (DynamoException e) {
        if (e.code() != ErrorCode.VALIDATION || e.getMessage().contains("cannot contain an empty")) {
          throw e;
        }
        reasons[i] = new Reason(TransactionCanceledException.VALIDATION_ERROR, e.getMessage(), null);
        invalid = true;
        items.add(null);
        continue;
      }
      items.add(new TxItem(t, keys.pk(), keys.sk()));
    }
    if (invalid) {
      throw cancelled(reasons);
    }
    Set<String> seen = new HashSet<>();
    HexFormat hex = HexFormat.of();
    for (TxItem i : items) {
      if (!seen.add(i.table().tableId() + "/" + hex.formatHex(i.pk()) + "/" + hex.formatHex(i.sk()))) {
        throw DynamoException.validation(DUPLICATE_ITEM);
      }
    }
    TransactionStore.Token token = r.clientRequestToken() == null ? null
        : new TransactionStore.Token(accountId, r.clientRequestToken(), r.requestHash(), TOKEN_TTL_SECONDS);
    return store.write(token, items, (current, state) -> decide(r, items, current, state))
        .recover(e -> {
          if (e instanceof TransactionStore.TransactionConflictException c) {
            Reason[] conflict = new Reason[n];
            for (int i = 0; i < n; i++) {
              conflict[i] = c.index() < 0 || c.index() == i ? new Reason(
                  TransactionCanceledException.TRANSACTION_CONFLICT, TransactionCanceledException.CONFLICT_MESSAGE,
                  null) : null;
            }
            return Future.failedFuture(cancelled(conflict));
          }
          if (e instanceof TransactionStore.TokenInUseException) {
            // API Reference, TransactWriteItems: a request with the token of one still in progress.
            return Future.failedFuture(DynamoException.of(ErrorCode.TRANSACTION_IN_PROGRESS,
                "Transaction is in progress"));
          }
          return Future.failedFuture(e);
        });
  }

  /** The {@code Key} member of an Update, Delete or ConditionCheck. */
  private static Map<String, AttributeValue> keyMember(WriteAction a) {
    return a.update() != null ? a.update().key() : a.delete() != null ? a.delete().key() : a.conditionCheck().key();
  }

  private static TransactionCanceledException cancelled(Reason[] reasons) {
    List<Reason> list = new ArrayList<>(reasons.length);
    for (Reason r : reasons) {
      list.add(r == null ? Reason.NONE_REASON : r);
    }
    return new TransactionCanceledException(list);
  }

  /** The decision inside the transaction, from the locked items. */
  private static TxPlan<TransactWriteResult> decide(TransactWriteItems r, List<TxItem> items,
      List<StoredItem> current, TokenState state) {
    if (state == TokenState.MISMATCH) {
      throw DynamoException.of(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH, TOKEN_MISMATCH);
    }
    List<WriteAction> actions = r.actions();
    int n = actions.size();
    Map<String, double[]> units = new LinkedHashMap<>();
    if (state == TokenState.REPLAY) {
      // A retry reports the read units of reading the items (API Reference, ClientRequestToken).
      for (int i = 0; i < n; i++) {
        StoredItem old = current.get(i);
        units.computeIfAbsent(actions.get(i).tableName(), k -> new double[2])[0] +=
            ItemSize.readUnits(old == null ? 0 : old.sizeBytes(), ItemSize.ReadConsistency.STRONG);
      }
      return new TxPlan<>(Collections.nCopies(n, TxWrite.NONE), result(r, units, true));
    }
    Reason[] reasons = new Reason[n];
    boolean failed = false;
    List<TxWrite> writes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      WriteAction a = actions.get(i);
      StoredItem old = current.get(i);
      Map<String, AttributeValue> oldItem = old == null ? null : old.item();
      long oldSize = old == null ? 0 : old.sizeBytes();
      TxWrite write = TxWrite.NONE;
      long newSize = 0;
      try {
        if (!holds(condition(a), oldItem)) {
          boolean allOld = "ALL_OLD".equals(a.returnValuesOnConditionCheckFailure());
          reasons[i] = new Reason(TransactionCanceledException.CONDITIONAL_CHECK_FAILED,
              dev.cairn.core.error.ConditionalCheckFailedException.MESSAGE, allOld ? oldItem : null);
          failed = true;
        } else if (a.put() != null) {
          newSize = ItemSize.itemSize(a.put().item());
          write = TxWrite.put(a.put().item(), (int) newSize, entries(items.get(i).table(), a.put().item()));
        } else if (a.delete() != null) {
          write = old == null ? TxWrite.NONE : TxWrite.DELETE;
        } else if (a.update() != null) {
          Map<String, AttributeValue> newItem = updated(a.update(), oldItem, items.get(i));
          if (newItem != null) {
            newSize = ItemSize.itemSize(newItem);
            if (newSize > ItemSize.MAX_ITEM_SIZE) {
              throw DynamoException.validation(UpdateItemHandler.ITEM_TOO_LARGE);
            }
            ValueValidation.checkNesting(newItem);
            if (!newItem.equals(oldItem)) {
              write = TxWrite.put(newItem, (int) newSize, entries(items.get(i).table(), newItem));
            }
          }
        }
      } catch (DynamoException e) {
        if (e.code() != ErrorCode.VALIDATION) {
          throw e;
        }
        reasons[i] = new Reason(TransactionCanceledException.VALIDATION_ERROR, e.getMessage(), null);
        failed = true;
      }
      writes.add(write);
      units.computeIfAbsent(a.tableName(), k -> new double[2])[1] +=
          ItemSize.writeUnits(Math.max(oldSize, newSize), true);
    }
    if (failed) {
      throw cancelled(reasons);
    }
    TransactWriteResult result = result(r, units, false);
    if ("SIZE".equals(r.returnItemCollectionMetrics())) {
      result = new TransactWriteResult(result.consumedCapacity(), collectionMetrics(actions, items));
    }
    return new TxPlan<>(writes, result);
  }

  /**
   * ItemCollectionMetrics for the item collections written in tables with local secondary indexes (the only
   * tables that have item collections): by table name, one entry per partition key written, the size as the
   * range of whole gigabytes it falls in. Collections here stay far below 1 GB: [0, 1] (the service's answer for a
   * small collection, eu-west-2 and us-east-1, 2026-10; conformance suite
   * tests/tier1/putItem/itemCollectionMetrics.test.ts). Null when there are none.
   */
  private static Map<String, List<ItemRequests.ItemCollectionMetrics>> collectionMetrics(List<WriteAction> actions,
      List<TxItem> items) {
    Map<String, List<ItemRequests.ItemCollectionMetrics>> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < actions.size(); i++) {
      WriteAction a = actions.get(i);
      TableRecord t = items.get(i).table();
      List<?> lsis = t.definition().localSecondaryIndexes();
      if (a.conditionCheck() != null || lsis == null || lsis.isEmpty()
          || !seen.add(t.tableId() + "/" + HexFormat.of().formatHex(items.get(i).pk()))) {
        continue;
      }
      String pkName = t.keySchema().partitionKey();
      AttributeValue pk = a.put() != null ? a.put().item().get(pkName)
          : a.update() != null ? a.update().key().get(pkName) : a.delete().key().get(pkName);
      out.computeIfAbsent(a.tableName(), k -> new ArrayList<>())
          .add(new ItemRequests.ItemCollectionMetrics(Map.of(pkName, pk), List.of(0.0, 1.0)));
    }
    return out.isEmpty() ? null : out;
  }

  private static Condition condition(WriteAction a) {
    return a.conditionCheck() != null ? a.conditionCheck().condition() : a.put() != null ? a.put().condition()
        : a.update() != null ? a.update().condition() : a.delete().condition();
  }

  private static boolean holds(Condition c, Map<String, AttributeValue> item) {
    return c == null || ConditionEvaluator.evaluate(c, item);
  }

  /** The item after an Update, or {@code null} when an update that only removes leaves an absent item absent. */
  private static Map<String, AttributeValue> updated(ItemRequests.UpdateItem u, Map<String, AttributeValue> oldItem,
      TxItem item) {
    KeySchema schema = item.table().keySchema();
    Map<String, AttributeValue> key = KeyValidator.key(u.key(), schema);
    if (u.update() == null) {
      return oldItem != null ? oldItem : new LinkedHashMap<>(key);
    }
    if (oldItem == null && u.update().onlyRemoves()) {
      return null;
    }
    return UpdateApplier.apply(u.update(), oldItem, key).newItem();
  }

  private static List<dev.cairn.storage.IndexEntry> entries(TableRecord t, Map<String, AttributeValue> item) {
    return IndexEntries.of(t.definition(), t.keySchema(), item);
  }

  /** The response: consumed capacity per table when asked for ({@code units[0]} read, {@code units[1]} write). */
  private static TransactWriteResult result(TransactWriteItems r, Map<String, double[]> units, boolean replay) {
    String mode = r.returnConsumedCapacity();
    if (mode == null || mode.equals("NONE")) {
      return new TransactWriteResult(null, null);
    }
    boolean indexes = mode.equals("INDEXES");
    List<ConsumedCapacity> out = new ArrayList<>(units.size());
    for (Map.Entry<String, double[]> e : units.entrySet()) {
      double read = e.getValue()[0];
      double write = e.getValue()[1];
      double total = read + write;
      out.add(new ConsumedCapacity(e.getKey(), total, replay ? read : null, replay ? null : write,
          indexes ? total : null, indexes ? Map.of() : null));
    }
    return new TransactWriteResult(out, null);
  }
}
