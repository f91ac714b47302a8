package dev.cairn.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.api.EmptyRequest;
import dev.cairn.core.api.ListTablesRequest;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.expr.ExpressionCache;
import dev.cairn.core.model.Operation;
import dev.cairn.core.validate.ListTablesValidator;

/**
 * Turns a parsed request body into the typed, validated request of its action (parse, don't validate:
 * nothing after this touches JSON). Member types are checked first ({@code SerializationException}), then
 * the action's constraints in the service's order ({@code ValidationException}).
 */
public final class RequestDecoder {
  private final ItemRequestDecoder items;
  private final QueryScanDecoder reads;
  private final BatchRequestDecoder batches;
  private final TransactRequestDecoder transactions;

  /** @param cache parsed expressions shared by every request of the process */
  public RequestDecoder(ExpressionCache cache) {
    this.items = new ItemRequestDecoder(cache);
    this.reads = new QueryScanDecoder(cache);
    this.batches = new BatchRequestDecoder(cache);
    this.transactions = new TransactRequestDecoder(items, cache);
  }

  /**
   * Decodes and validates.
   *
   * @param body the JSON object of the request body
   * @return the typed request
   * @throws DynamoException {@code UnknownOperationException} for an action Cairn does not implement yet;
   *                         {@code SerializationException} or {@code ValidationException} for bad input
   */
  public Object decode(Operation op, JsonNode body) {
    if (!body.isObject()) {
      throw DynamoException.of(ErrorCode.SERIALIZATION, "Start of list found where not expected");
    }
    return switch (op) {
      case GET_ITEM -> items.getItem(body);
      case PUT_ITEM -> items.putItem(body);
      case UPDATE_ITEM -> items.updateItem(body);
      case DELETE_ITEM -> items.deleteItem(body);
      case QUERY -> reads.query(body);
      case SCAN -> reads.scan(body);
      case BATCH_GET_ITEM -> batches.batchGetItem(body);
      case BATCH_WRITE_ITEM -> batches.batchWriteItem(body);
      case TRANSACT_WRITE_ITEMS -> transactions.transactWriteItems(body);
      case TRANSACT_GET_ITEMS -> transactions.transactGetItems(body);
      case LIST_TABLES -> {
        ListTablesRequest r = new ListTablesRequest(JsonFields.integer(body, "Limit"),
            JsonFields.string(body, "ExclusiveStartTableName"));
        ListTablesValidator.validate(r);
        yield r;
      }
      case DESCRIBE_ENDPOINTS, DESCRIBE_LIMITS -> EmptyRequest.INSTANCE;
      case CREATE_TABLE -> TableRequestDecoder.createTable(body);
      case DESCRIBE_TABLE -> TableRequestDecoder.describeTable(body);
      case UPDATE_TABLE -> TableRequestDecoder.updateTable(body);
      case DELETE_TABLE -> TableRequestDecoder.deleteTable(body);
      case TAG_RESOURCE -> TableRequestDecoder.tagResource(body);
      case UNTAG_RESOURCE -> TableRequestDecoder.untagResource(body);
      case LIST_TAGS_OF_RESOURCE -> TableRequestDecoder.listTagsOfResource(body);
      case DESCRIBE_TIME_TO_LIVE -> TableRequestDecoder.describeTimeToLive(body);
      case UPDATE_TIME_TO_LIVE -> TableRequestDecoder.updateTimeToLive(body);
      case DESCRIBE_CONTINUOUS_BACKUPS -> TableRequestDecoder.describeContinuousBackups(body);
      case LIST_STREAMS, DESCRIBE_STREAM, GET_SHARD_ITERATOR, GET_RECORDS -> StreamCodec.decode(op, body);
      default -> throw unknownOperation();
    };
  }

  /** The error for an action that is not implemented: the same as the service's for an unknown target. */
  public static DynamoException unknownOperation() {
    return DynamoException.of(ErrorCode.UNKNOWN_OPERATION, null);
  }
}
