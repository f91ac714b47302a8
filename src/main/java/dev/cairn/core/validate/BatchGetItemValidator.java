package dev.cairn.core.validate;

import dev.cairn.core.api.BatchRequests.BatchGetItem;
import dev.cairn.core.api.BatchRequests.KeysAndAttributes;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.expr.ExpressionContext;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.expr.ProjectionExpression;
import dev.cairn.core.model.AttributeValue;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validation of a BatchGetItem that needs no table, in the service's order: the member constraints (one
 * ValidationException listing them: ReturnConsumedCapacity, RequestItems, its table names, each table's Keys
 * and AttributesToGet), then table by table the projection parameters, duplicate keys, the total of 100 keys,
 * duplicate AttributesToGet and the ProjectionExpression, parsed here. Key schemas and table existence are
 * checked by the engine. Sources: API Reference, "BatchGetItem" (100 items, "Too many items requested for the
 * BatchGetItem call"); texts and order as recorded from the service by dynalite (validations/batchGetItem.js,
 * test/batchGetItem.js).
 */
public final class BatchGetItemValidator {
  /** The most keys one BatchGetItem may ask for, over all its tables. */
  public static final int MAX_KEYS = 100;
  public static final String TOO_MANY_KEYS = "Too many items requested for the BatchGetItem call";
  /** The same key twice in one table's Keys (also BatchWriteItem's text for one table's writes). */
  public static final String DUPLICATE_KEYS = "Provided list of item keys contains duplicates";

  private BatchGetItemValidator() {
  }

  /**
   * Validates a BatchGetItem and parses each table's projection.
   *
   * @return the request whose tables carry their parsed projections
   * @throws DynamoException ValidationException with the service's text
   */
  public static BatchGetItem validate(BatchGetItem r, ExpressionCache cache) {
    ValidationErrors errors = new ValidationErrors()
        .enumValue(r.returnConsumedCapacity(), "returnConsumedCapacity", ItemRequestValidator.RETURN_CONSUMED_CAPACITY)
        .required(r.requestItems(), "requestItems");
    Map<String, KeysAndAttributes> items = r.requestItems();
    if (items != null) {
      if (items.isEmpty()) {
        errors.add("{}", "requestItems", "Member must have length greater than or equal to 1");
      }
      BatchConstraints.tableNames(errors, items);
      for (Map.Entry<String, KeysAndAttributes> e : items.entrySet()) {
        String at = "requestItems." + e.getKey() + ".member.";
        KeysAndAttributes ka = e.getValue();
        errors.required(ka.keys(), at + "keys");
        if (ka.keys() != null) {
          if (ka.keys().isEmpty()) {
            errors.add("[]", at + "keys", "Member must have length greater than or equal to 1");
          } else if (ka.keys().size() > MAX_KEYS) {
            errors.add(BatchConstraints.render(ka.keys()), at + "keys",
                "Member must have length less than or equal to " + MAX_KEYS);
          }
        }
        if (ka.attributesToGet() != null) {
          if (ka.attributesToGet().isEmpty()) {
            errors.add("[]", at + "attributesToGet", "Member must have length greater than or equal to 1");
          } else if (ka.attributesToGet().size() > 255) {
            errors.add(ka.attributesToGet(), at + "attributesToGet", "Member must have length less than or equal to 255");
          }
        }
      }
    }
    errors.throwIfAny();

    Map<String, KeysAndAttributes> parsed = new LinkedHashMap<>();
    int count = 0;
    for (Map.Entry<String, KeysAndAttributes> e : items.entrySet()) {
      KeysAndAttributes ka = e.getValue();
      List<String> expressions = ReadValidation.present(new Object[] {ka.projectionExpression()},
          new String[] {"ProjectionExpression"});
      Legacy.checkNotMixed(ReadValidation.present(new Object[] {ka.attributesToGet()},
          new String[] {"AttributesToGet"}), expressions);
      Legacy.checkAttributeMaps(ka.expressionAttributeNames() != null, false, expressions, List.of());
      Set<Map<String, AttributeValue>> seen = new HashSet<>();
      for (Map<String, AttributeValue> key : ka.keys()) {
        if (!seen.add(key)) {
          throw DynamoException.validation(DUPLICATE_KEYS);
        }
        if (++count > MAX_KEYS) {
          throw DynamoException.validation(TOO_MANY_KEYS);
        }
      }
      ReadValidation.checkNoDuplicates(ka.attributesToGet());
      ProjectionExpression projection = null;
      if (ka.projectionExpression() != null) {
        ExpressionContext ctx = ExpressionContext.of(ka.expressionAttributeNames(), null, cache);
        projection = ctx.projection(ka.projectionExpression());
        ctx.checkUnused();
      } else if (ka.attributesToGet() != null) {
        projection = Legacy.attributesToGet(ka.attributesToGet());
      }
      parsed.put(e.getKey(), ka.withProjection(projection));
    }
    return r.withRequestItems(parsed);
  }
}
