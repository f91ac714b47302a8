package dev.cairn.engine;

import dev.cairn.core.api.QueryRequest;
import dev.cairn.core.api.ReadPage;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.expr.CompositeKeyCondition;
import dev.cairn.core.expr.ConditionEvaluator;
import dev.cairn.core.expr.KeyAttributes;
import dev.cairn.core.expr.KeyChecks;
import dev.cairn.core.expr.KeyCondition;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.KeyCodec;
import dev.cairn.core.model.Principal;
import dev.cairn.storage.ItemStore;
import dev.cairn.storage.SortRange;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Query: the items of one partition of the table or of a secondary index, in sort-key order (descending when
 * ScanIndexForward is false), optionally within a sort-key range, paginated by {@code Limit} and 1 MB
 * ({@link PageReader}). Every read is strongly consistent in Cairn (a superset of the service's eventual
 * consistency); ConsistentRead changes the capacity reported. Index rows hold the index's projected attributes;
 * Select ALL_ATTRIBUTES on a local index that does not project everything fetches each base item.
 *
 * <p>Checks that need the table, in the order the service makes them (dynalite, actions/query.js, recorded from
 * the service): the index exists and, for a GSI, ConsistentRead is not set; the ExclusiveStartKey has the key
 * schema's attributes and types; the key condition names the key schema ("Query condition missed key schema
 * element: pk", "Query key condition not supported") with the schema's types ("Condition parameter type does not
 * match schema type"); the ExclusiveStartKey is a valid table key and lies within the condition; the filter reads
 * no key attribute; Select ALL_ATTRIBUTES is allowed on the index. Source: API Reference, "Query".
 *
 * <p>On a GSI with a multi-attribute key (several HASH or RANGE attributes) the key condition is a
 * {@link CompositeKeyCondition} (equality on every HASH attribute, equalities on a prefix of the RANGE attributes,
 * one more condition on the next) read as one byte range of the composite sort key ({@link SortRanges}); the
 * ExclusiveStartKey and LastEvaluatedKey hold every index key attribute. Source: Developer Guide, "Multi-attribute
 * keys pattern".
 */
public final class QueryHandler implements OperationHandler<QueryRequest> {
  private final TableCatalog tables;
  private final ItemStore items;

  /**
   * A handler over the catalog and the item store.
   *
   * @param tables the table catalog (cached table records)
   * @param items  the item store the pages are read from
   */
  public QueryHandler(TableCatalog tables, ItemStore items) {
    this.tables = tables;
    this.items = items;
  }

  /**
   * Reads one page.
   *
   * @return the page; a failed future with a {@link DynamoException} (ResourceNotFoundException for a missing
   *     table, ValidationException for the checks above) or a storage failure
   */
  @Override
  public Future<ReadPage> handle(Principal principal, QueryRequest r) {
    return tables.requireActive(principal.accountId(), r.tableName()).compose(t -> {
      ReadTarget target = ReadTarget.resolve(t, r.indexName(), r.consistentRead(), false);
      Map<String, AttributeValue> start = r.exclusiveStartKey();
      target.checkStartKeyShape(start, false);
      KeyAttributes attrs = target.keyAttributes();
      byte[] partition;
      SortRange range;
      if (target.multiAttribute()) {
        CompositeKeyCondition kc = r.keyCondition() != null
            ? CompositeKeyCondition.of(r.keyCondition(), target.hashNames, target.rangeNames)
            : Legacy.keyConditions(r.keyConditions(), target.hashNames, target.rangeNames);
        kc.checkTypes(target::typeOf);
        target.checkStartKeyTable(start);
        checkStartWithinCondition(start, kc);
        List<AttributeValue> hash = new ArrayList<>();
        kc.partition().forEach(e -> hash.add(e.value()));
        partition = IndexEntries.encode(hash);
        range = SortRanges.of(kc, target.rangeNames.size());
      } else {
        KeyCondition kc = r.keyCondition() != null ? KeyCondition.of(r.keyCondition(), attrs)
            : Legacy.keyConditions(r.keyConditions(), attrs);
        kc.checkTypes(target.schema.partitionKeyType(), target.schema.sortKeyType());
        target.checkStartKeyTable(start);
        checkStartWithinCondition(start, kc);
        partition = KeyCodec.encode(kc.partitionKeyValue());
        range = SortRanges.of(kc.sortKey());
      }
      checkFilterAvoidsKeys(r, target);
      boolean fetchBase = checkSelect(r, target);

      boolean forward = r.forward();
      PageReader reader = new PageReader(
          (from, limit) -> items.query(t.ref(), target.indexId(), partition, range, forward, from, limit),
          r.limit(), r.filter(), r.projection(), "COUNT".equals(r.effectiveSelect()), target,
          fetchBase ? items : null);
      return reader.read(target.startRow(start)).map(p -> new ReadPage(p.items(), p.count(), p.scannedCount(),
          p.lastEvaluatedKey(), Capacity.readPage(r.returnConsumedCapacity(), r.tableName(),
              target.global ? r.indexName() : null, p.bytes(), Boolean.TRUE.equals(r.consistentRead()))));
    });
  }

  /**
   * The ExclusiveStartKey must satisfy the key condition: without a sort-key condition its partition key must
   * match; with one its sort key must satisfy it, then its partition key must match.
   */
  private static void checkStartWithinCondition(Map<String, AttributeValue> start, KeyCondition kc) {
    if (start == null) {
      return;
    }
    AttributeValue startPk = start.get(kc.partitionKeyName());
    boolean samePartition = kc.partitionKeyValue().equals(startPk);
    if (kc.sortKey() == null) {
      if (!samePartition) {
        throw DynamoException.validation(
            "The provided starting key is outside query boundaries based on provided conditions");
      }
      return;
    }
    KeyCondition sortOnly = new KeyCondition(kc.partitionKeyName(), startPk, kc.sortKey());
    if (!ConditionEvaluator.evaluate(sortOnly.asCondition(), start)) {
      throw DynamoException.validation("The provided starting key does not match the range key predicate");
    }
    if (!samePartition) {
      throw DynamoException.validation("The query can return at most one row and cannot be restarted");
    }
  }

  /**
   * {@link #checkStartWithinCondition(Map, KeyCondition)} for a multi-attribute key: without a RANGE condition
   * the HASH attributes must match; with one the RANGE clauses must hold, then the HASH attributes must match
   * (texts as for a single-attribute key; their use here is inferred).
   */
  private static void checkStartWithinCondition(Map<String, AttributeValue> start, CompositeKeyCondition kc) {
    if (start == null) {
      return;
    }
    boolean samePartition = ConditionEvaluator.evaluate(kc.partitionCondition(), start);
    if (!kc.hasSortCondition()) {
      if (!samePartition) {
        throw DynamoException.validation(
            "The provided starting key is outside query boundaries based on provided conditions");
      }
      return;
    }
    if (!ConditionEvaluator.evaluate(kc.sortCondition(), start)) {
      throw DynamoException.validation("The provided starting key does not match the range key predicate");
    }
    if (!samePartition) {
      throw DynamoException.validation("The query can return at most one row and cannot be restarted");
    }
  }

  /**
   * A Query's filter may not read the key attributes of what it queries.
   *
   * @throws DynamoException "Filter Expression can only contain non-primary key attributes: Primary key
   *     attribute: sk", or "QueryFilter can only contain ..." for the legacy parameter
   */
  private static void checkFilterAvoidsKeys(QueryRequest r, ReadTarget target) {
    if (r.filter() == null) {
      return;
    }
    if (r.filterExpression() != null) {
      KeyChecks.checkFilterAvoidsKeys(r.filter(), target.keyAttributes());
      // Every attribute of a multi-attribute key is a key attribute too (checked pairwise, in key-schema order).
      for (int i = 1; i < Math.max(target.hashNames.size(), target.rangeNames.size()); i++) {
        KeyChecks.checkFilterAvoidsKeys(r.filter(), new KeyAttributes(
            target.hashNames.get(Math.min(i, target.hashNames.size() - 1)),
            i < target.rangeNames.size() ? target.rangeNames.get(i) : null));
      }
      return;
    }
    List<String> keys = new ArrayList<>(target.hashNames);
    keys.addAll(target.rangeNames);
    for (String key : keys) {
      if (key != null && r.queryFilter().containsKey(key)) {
        throw DynamoException.validation(
            "QueryFilter can only contain non-primary key attributes: Primary key attribute: " + key);
      }
    }
  }

  /**
   * Whether each row's base item must be fetched: ALL_ATTRIBUTES, or a projection or filter naming attributes
   * the index lacks, on a local index that does not project everything.
   *
   * @throws DynamoException "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not
   *     supported for global secondary index x because its projection type is not ALL"
   */
  static boolean checkSelect(String select, String indexName, ReadTarget target,
      dev.cairn.core.expr.ProjectionExpression projection) {
    if (target.projectsAll()) {
      return false;
    }
    if ("ALL_ATTRIBUTES".equals(select)) {
      if (target.global) {
        throw DynamoException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES "
            + "is not supported for global secondary index " + indexName + " because its projection type is not ALL");
      }
      return true;
    }
    return !target.global && projection != null && !target.missing(projection.topLevelNames()).isEmpty();
  }

  private static boolean checkSelect(QueryRequest r, ReadTarget target) {
    return checkSelect(r.effectiveSelect(), r.indexName(), target, r.projection());
  }
}
