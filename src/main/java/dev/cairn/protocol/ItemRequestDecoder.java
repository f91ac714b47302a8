package dev.cairn.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.ItemRequests;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.expr.Legacy;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.ValidationWording;
import dev.cairn.core.model.ValueValidation;
import dev.cairn.core.validate.ItemRequestValidator;
import dev.cairn.core.validate.ValidationErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decodes the single-item actions (PutItem, GetItem, DeleteItem, UpdateItem) into their typed requests and
 * validates them ({@link ItemRequestValidator}), parsing expressions once through a shared cache.
 * Member types first (SerializationException), attribute values next, then the constraints and expressions.
 */
public final class ItemRequestDecoder {
  private static final ValidationWording WORDING = ValidationWording.CURRENT;

  private final ExpressionCache cache;

  public ItemRequestDecoder(ExpressionCache cache) {
    this.cache = cache;
  }

  public ItemRequests.PutItem putItem(JsonNode b) {
    ItemRequests.PutItem r = enveloped(() -> new ItemRequests.PutItem(JsonFields.string(b, "TableName"),
        map(b, "Item"), JsonFields.string(b, "ConditionExpression"), expected(b),
        JsonFields.string(b, "ConditionalOperator"), expressions(b), JsonFields.string(b, "ReturnValues"),
        JsonFields.string(b, "ReturnConsumedCapacity"), JsonFields.string(b, "ReturnItemCollectionMetrics"),
        JsonFields.string(b, "ReturnValuesOnConditionCheckFailure"), null));
    return ItemRequestValidator.putItem(r, cache);
  }

  public ItemRequests.GetItem getItem(JsonNode b) {
    ItemRequests.GetItem r = new ItemRequests.GetItem(JsonFields.string(b, "TableName"), map(b, "Key"),
        stringList(b, "AttributesToGet"), JsonFields.string(b, "ProjectionExpression"), names(b),
        JsonFields.bool(b, "ConsistentRead"), JsonFields.string(b, "ReturnConsumedCapacity"), null);
    return ItemRequestValidator.getItem(r, cache);
  }

  public ItemRequests.DeleteItem deleteItem(JsonNode b) {
    ItemRequests.DeleteItem r = enveloped(() -> new ItemRequests.DeleteItem(JsonFields.string(b, "TableName"), map(b, "Key"),
        JsonFields.string(b, "ConditionExpression"), expected(b), JsonFields.string(b, "ConditionalOperator"),
        expressions(b), JsonFields.string(b, "ReturnValues"), JsonFields.string(b, "ReturnConsumedCapacity"),
        JsonFields.string(b, "ReturnItemCollectionMetrics"),
        JsonFields.string(b, "ReturnValuesOnConditionCheckFailure"), null));
    return ItemRequestValidator.deleteItem(r, cache);
  }

  public ItemRequests.UpdateItem updateItem(JsonNode b) {
    ItemRequests.UpdateItem r = enveloped(() -> new ItemRequests.UpdateItem(JsonFields.string(b, "TableName"), map(b, "Key"),
        JsonFields.string(b, "UpdateExpression"), attributeUpdates(b), JsonFields.string(b, "ConditionExpression"),
        expected(b), JsonFields.string(b, "ConditionalOperator"), expressions(b),
        JsonFields.string(b, "ReturnValues"), JsonFields.string(b, "ReturnConsumedCapacity"),
        JsonFields.string(b, "ReturnItemCollectionMetrics"),
        JsonFields.string(b, "ReturnValuesOnConditionCheckFailure"), null, null));
    return ItemRequestValidator.updateItem(r, cache);
  }

  /**
   * Decodes the members of a PutItem, UpdateItem or DeleteItem: a malformed number or a duplicate set member
   * anywhere in them is reported inside the {@code "1 validation error detected: "} envelope
   * ({@link ValueValidation#reportedInEnvelope}); GetItem reports the same errors bare.
   */
  private static <T> T enveloped(Supplier<T> decode) {
    try {
      return decode.get();
    } catch (DynamoException e) {
      if (e.code() == ErrorCode.VALIDATION && ValueValidation.reportedInEnvelope(e.getMessage())) {
        throw DynamoException.validation(ValidationErrors.ONE + e.getMessage());
      }
      throw e;
    }
  }

  /** An attribute-value map member, or {@code null} when absent. */
  static Map<String, AttributeValue> map(JsonNode b, String name) {
    JsonNode n = JsonFields.object(b, name);
    return n == null ? null : AttributeValueJson.decodeMap(n, WORDING);
  }

  static ItemRequests.Expressions expressions(JsonNode b) {
    return new ItemRequests.Expressions(names(b), map(b, "ExpressionAttributeValues"));
  }

  static Map<String, String> names(JsonNode b) {
    JsonNode n = JsonFields.object(b, "ExpressionAttributeNames");
    if (n == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!e.getValue().isNull()) {
        out.put(e.getKey(), JsonFields.string(n, e.getKey()));
      }
    }
    return out;
  }

  static List<String> stringList(JsonNode b, String name) {
    JsonNode n = JsonFields.array(b, name);
    if (n == null) {
      return null;
    }
    List<String> out = new ArrayList<>(n.size());
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw JsonFields.mismatch(e, "String");
      }
      out.add(e.textValue());
    }
    return out;
  }

  static List<AttributeValue> valueList(JsonNode obj, String name) {
    JsonNode n = JsonFields.array(obj, name);
    if (n == null) {
      return null;
    }
    List<AttributeValue> out = new ArrayList<>(n.size());
    for (JsonNode e : n) {
      out.add(AttributeValueJson.decode(e, WORDING));
    }
    return out;
  }

  static Map<String, Legacy.ExpectedAttribute> expected(JsonNode b) {
    JsonNode n = JsonFields.object(b, "Expected");
    if (n == null) {
      return null;
    }
    Map<String, Legacy.ExpectedAttribute> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      JsonNode v = e.getValue();
      if (!v.isObject()) {
        throw JsonFields.mismatch(v, "ExpectedAttributeValue");
      }
      JsonNode value = JsonFields.object(v, "Value");
      out.put(e.getKey(), new Legacy.ExpectedAttribute(JsonFields.bool(v, "Exists"),
          value == null ? null : AttributeValueJson.decode(value, WORDING),
          JsonFields.string(v, "ComparisonOperator"), valueList(v, "AttributeValueList")));
    }
    return out;
  }

  static Map<String, Legacy.AttributeUpdate> attributeUpdates(JsonNode b) {
    JsonNode n = JsonFields.object(b, "AttributeUpdates");
    if (n == null) {
      return null;
    }
    Map<String, Legacy.AttributeUpdate> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      JsonNode v = e.getValue();
      if (!v.isObject()) {
        throw JsonFields.mismatch(v, "AttributeValueUpdate");
      }
      JsonNode value = JsonFields.object(v, "Value");
      out.put(e.getKey(), new Legacy.AttributeUpdate(JsonFields.string(v, "Action"),
          value == null ? null : AttributeValueJson.decode(value, WORDING)));
    }
    return out;
  }
}
