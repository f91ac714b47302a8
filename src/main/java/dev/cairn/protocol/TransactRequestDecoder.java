package dev.cairn.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.api.TransactRequests;
import dev.cairn.core.api.TransactRequests.WriteAction;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.model.ItemSize;
import dev.cairn.core.validate.ItemRequestValidator;
import dev.cairn.core.validate.ValidationErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes TransactWriteItems and TransactGetItems. The order is the service's (captured in us-east-1 and
 * eu-west-2, 2026-10; conformance suite tests/tier3/validation-ordering/transactions.test.ts): first every
 * member constraint of the request in one ValidationException (ClientRequestToken length, ReturnConsumedCapacity,
 * ReturnItemCollectionMetrics, TransactItems length), then each action in request order with the single-item
 * validators (expressions parsed once, unused values, item depth and size); the first failing action wins and its
 * text is bare, without the {@code "1 validation error detected: "} envelope the single-item actions use. Table
 * lookups, key checks and duplicate targets come later, in the engine.
 */
final class TransactRequestDecoder {
  /** Most actions of one transaction (API Reference, TransactWriteItems and TransactGetItems, TransactItems). */
  static final int MAX_ACTIONS = 100;
  /** Largest ClientRequestToken (API Reference, TransactWriteItems: length 1 to 36). */
  static final int MAX_TOKEN_LENGTH = 36;
  /** Aggregate size of the items of one transaction (API Reference, TransactWriteItems: "cannot exceed 4 MB"). */
  static final long MAX_AGGREGATE_BYTES = 4L * 1024 * 1024;
  /**
   * The text for an entry with none or several of ConditionCheck, Put, Update, Delete. Not found in the API
   * Reference; the wording is DynamoDB Local's.
   */
  static final String ONE_ACTION = "TransactItems can only contain one of Check, Put, Update or Delete";
  /** Not found in the API Reference or any capture; Cairn's wording. */
  static final String AGGREGATE_TOO_LARGE = "Transaction request size has exceeded the maximum allowed size of 4 MB";

  private final ItemRequestDecoder items;
  private final ExpressionCache cache;

  TransactRequestDecoder(ItemRequestDecoder items, ExpressionCache cache) {
    this.items = items;
    this.cache = cache;
  }

  TransactRequests.TransactWriteItems transactWriteItems(JsonNode b) {
    JsonNode list = JsonFields.array(b, "TransactItems");
    String token = JsonFields.string(b, "ClientRequestToken");
    String rcc = JsonFields.string(b, "ReturnConsumedCapacity");
    String ricm = JsonFields.string(b, "ReturnItemCollectionMetrics");
    ValidationErrors errors = new ValidationErrors();
    if (token != null && token.isEmpty()) {
      errors.add(token, "clientRequestToken", "Member must have length greater than or equal to 1");
    } else if (token != null && token.length() > MAX_TOKEN_LENGTH) {
      errors.add(token, "clientRequestToken", "Member must have length less than or equal to " + MAX_TOKEN_LENGTH);
    }
    errors.enumValue(rcc, "returnConsumedCapacity", ItemRequestValidator.RETURN_CONSUMED_CAPACITY)
        .enumValue(ricm, "returnItemCollectionMetrics", ItemRequestValidator.RETURN_ITEM_COLLECTION_METRICS);
    listLength(errors, list);
    errors.throwIfAny();
    List<WriteAction> actions = new ArrayList<>(list.size());
    long aggregate = 0;
    for (JsonNode entry : list) {
      if (!entry.isObject()) {
        throw JsonFields.mismatch(entry, "TransactWriteItem");
      }
      JsonNode check = JsonFields.object(entry, "ConditionCheck");
      JsonNode put = JsonFields.object(entry, "Put");
      JsonNode update = JsonFields.object(entry, "Update");
      JsonNode delete = JsonFields.object(entry, "Delete");
      int present = (check != null ? 1 : 0) + (put != null ? 1 : 0) + (update != null ? 1 : 0)
          + (delete != null ? 1 : 0);
      if (present != 1) {
        throw DynamoException.validation(ONE_ACTION);
      }
      int n = actions.size() + 1;
      String kind = check != null ? "conditionCheck" : put != null ? "put" : update != null ? "update" : "delete";
      WriteAction a = bare("transactItems." + n + ".member." + kind + ".", () -> {
        if (put != null) {
          return new WriteAction(null, items.putItem(put), null, null);
        }
        if (update != null) {
          if (JsonFields.string(update, "UpdateExpression") == null) {
            throw required("updateExpression");
          }
          return new WriteAction(null, null, items.updateItem(update), null);
        }
        if (delete != null) {
          return new WriteAction(null, null, null, items.deleteItem(delete));
        }
        if (JsonFields.string(check, "ConditionExpression") == null) {
          throw required("conditionExpression");
        }
        ItemRequests.DeleteItem d = items.deleteItem(check);
        return new WriteAction(new TransactRequests.ConditionCheck(d.tableName(), d.key(), d.conditionExpression(),
            d.expressions(), d.returnValuesOnConditionCheckFailure(), d.condition()), null, null, null);
      });
      if (a.put() != null) {
        aggregate += ItemSize.itemSize(a.put().item());
      }
      actions.add(a);
    }
    if (aggregate > MAX_AGGREGATE_BYTES) {
      throw DynamoException.validation(AGGREGATE_TOO_LARGE);
    }
    return new TransactRequests.TransactWriteItems(List.copyOf(actions), rcc, ricm, token,
        token == null ? null : hash(list));
  }

  TransactRequests.TransactGetItems transactGetItems(JsonNode b) {
    JsonNode list = JsonFields.array(b, "TransactItems");
    String rcc = JsonFields.string(b, "ReturnConsumedCapacity");
    ValidationErrors errors = new ValidationErrors()
        .enumValue(rcc, "returnConsumedCapacity", ItemRequestValidator.RETURN_CONSUMED_CAPACITY);
    listLength(errors, list);
    errors.throwIfAny();
    List<ItemRequests.GetItem> gets = new ArrayList<>(list.size());
    for (JsonNode entry : list) {
      if (!entry.isObject()) {
        throw JsonFields.mismatch(entry, "TransactGetItem");
      }
      JsonNode get = JsonFields.object(entry, "Get");
      if (get == null) {
        throw required("transactItems." + (gets.size() + 1) + ".member.get");
      }
      gets.add(bare("transactItems." + (gets.size() + 1) + ".member.get.", () -> {
        // A Get has no AttributesToGet, ConsistentRead or ReturnConsumedCapacity of its own.
        ItemRequests.GetItem r = new ItemRequests.GetItem(JsonFields.string(get, "TableName"),
            ItemRequestDecoder.map(get, "Key"), null, JsonFields.string(get, "ProjectionExpression"),
            ItemRequestDecoder.names(get), Boolean.TRUE, null, null);
        return ItemRequestValidator.getItem(r, cache);
      }));
    }
    return new TransactRequests.TransactGetItems(List.copyOf(gets), rcc);
  }

  /** TransactItems: required, 1 to 100 entries (the list is echoed as the service's old cohort does). */
  private static void listLength(ValidationErrors errors, JsonNode list) {
    if (list == null) {
      errors.required(null, "transactItems");
    } else if (list.isEmpty()) {
      errors.add("[]", "transactItems", "Member must have length greater than or equal to 1");
    } else if (list.size() > MAX_ACTIONS) {
      errors.add(list.toString(), "transactItems", "Member must have length less than or equal to " + MAX_ACTIONS);
    }
  }

  private static DynamoException required(String member) {
    return DynamoException.validation(ValidationErrors.ONE + "Value null at '" + member
        + "' failed to satisfy constraint: Member must not be null");
  }

  /**
   * Runs a single-item decoder and drops the single-violation envelope from an expression, value or item error:
   * inside a transaction the service words them bare ("Invalid ConditionExpression: Syntax error; ...",
   * "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}"). Member-constraint lists
   * keep their envelope, with each member named from the request's root ({@code memberPrefix}, e.g.
   * {@code transactItems.1.member.put.}).
   */
  private static <T> T bare(String memberPrefix, java.util.function.Supplier<T> decode) {
    try {
      return decode.get();
    } catch (DynamoException e) {
      String m = e.getMessage();
      if (e.code() != ErrorCode.VALIDATION || e.getClass() != DynamoException.class || m == null) {
        throw e;
      }
      if (m.contains("failed to satisfy constraint")) {
        // The action's members are named from the request's root, as the service's model validation does.
        throw DynamoException.validation(MEMBER.matcher(m).replaceAll("at '" + memberPrefix + "$1'"));
      }
      if (m.startsWith(ValidationErrors.ONE)) {
        throw DynamoException.validation(m.substring(ValidationErrors.ONE.length()));
      }
      throw e;
    }
  }

  private static final java.util.regex.Pattern MEMBER = java.util.regex.Pattern.compile("at '([A-Za-z][A-Za-z0-9.]*)'");

  /**
   * The digest a retry with the same ClientRequestToken must match: SHA-256 of TransactItems written with object
   * members in name order (so member order on the wire does not matter), as hex.
   */
  static String hash(JsonNode transactItems) {
    StringBuilder canonical = new StringBuilder();
    canonical(transactItems, canonical);
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void canonical(JsonNode n, StringBuilder out) {
    if (n.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        sorted.put(e.getKey(), e.getValue());
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()).toString()).append(':');
        canonical(e.getValue(), out);
      }
      out.append('}');
    } else if (n.isArray()) {
      out.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        canonical(n.get(i), out);
      }
      out.append(']');
    } else {
      out.append(n.toString());
    }
  }
}
