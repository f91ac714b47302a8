package dev.cairn.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Document;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * An application flow through the Enhanced Client's transactWriteItems and transactGetItems: an order placed
 * together with its stock reservation, a ConditionCheck guarding both, optimistic locking through
 * {@code @DynamoDbVersionAttribute} (the conditions the mapper builds itself), and a consistent read of both.
 */
class TransactEnhancedClientIT {
  static DynamoDbEnhancedClient enhanced;
  static DynamoDbTable<Stock> stock;
  static DynamoDbTable<Stock> orders;

  /** A stock line or an order: id, quantity, a version for optimistic locking. */
  @DynamoDbBean
  public static class Stock {
    private String id;
    private Integer quantity;
    private Long version;

    @DynamoDbPartitionKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public Integer getQuantity() {
      return quantity;
    }

    public void setQuantity(Integer quantity) {
      this.quantity = quantity;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
      return version;
    }

    public void setVersion(Long version) {
      this.version = version;
    }

    static Stock of(String id, int quantity) {
      Stock s = new Stock();
      s.setId(id);
      s.setQuantity(quantity);
      return s;
    }
  }

  @BeforeAll
  static void setUp() {
    enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(CairnFixture.get().dynamo()).build();
    stock = enhanced.table(ItemTables.uniqueName("stock"), TableSchema.fromBean(Stock.class));
    orders = enhanced.table(ItemTables.uniqueName("orders-tx"), TableSchema.fromBean(Stock.class));
    stock.createTable();
    orders.createTable();
    CairnFixture.get().dynamo().waiter().waitUntilTableExists(b -> b.tableName(stock.tableName()));
    CairnFixture.get().dynamo().waiter().waitUntilTableExists(b -> b.tableName(orders.tableName()));
  }

  private static Key key(String id) {
    return Key.builder().partitionValue(id).build();
  }

  @Test
  void placeOrder_reservesStockAndWritesOrderTogether_thenStaleVersionCancelsBoth() {
    stock.putItem(Stock.of("widget", 10));
    orders.putItem(Stock.of("shop-open", 0));
    Stock current = stock.getItem(key("widget"));
    assertEquals(1L, current.getVersion());

    Expression exists = Expression.builder().expression("attribute_exists(id)").build();
    current.setQuantity(7);
    enhanced.transactWriteItems(b -> b.addUpdateItem(stock, current).addPutItem(orders, Stock.of("order-1", 3))
        .addConditionCheck(orders, ConditionCheck.builder().key(key("shop-open")).conditionExpression(exists).build()));

    List<Document> read = enhanced.transactGetItems(b -> b.addGetItem(stock, key("widget"))
        .addGetItem(orders, key("order-1")).addGetItem(orders, key("order-404")));
    Stock reserved = read.get(0).getItem(stock);
    assertEquals(7, reserved.getQuantity());
    assertEquals(2L, reserved.getVersion());
    assertEquals(3, read.get(1).getItem(orders).getQuantity());
    assertEquals(1L, read.get(1).getItem(orders).getVersion());
    assertNull(read.get(2).getItem(orders));

    // A writer still holding version 1 loses, and its order is not written either.
    current.setVersion(1L);
    current.setQuantity(4);
    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> enhanced.transactWriteItems(b -> b.addUpdateItem(stock, current)
            .addPutItem(orders, Stock.of("order-2", 3))));
    assertEquals(List.of("ConditionalCheckFailed", "None"),
        e.cancellationReasons().stream().map(r -> r.code()).toList());
    assertEquals(7, stock.getItem(key("widget")).getQuantity());
    assertNull(orders.getItem(key("order-2")));
  }

  @Test
  void newVersionedItems_putTwiceInTransactions_secondIsCancelled() {
    enhanced.transactWriteItems(b -> b.addPutItem(stock, Stock.of("gadget", 1)).addPutItem(orders, Stock.of("o-g", 1)));
    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> enhanced.transactWriteItems(b -> b.addPutItem(stock, Stock.of("gadget", 5))
            .addDeleteItem(orders, key("o-g"))));
    assertEquals("Transaction cancelled, please refer cancellation reasons for specific reasons"
        + " [ConditionalCheckFailed, None]", e.awsErrorDetails().errorMessage());
    Map<String, AttributeValue> raw = CairnFixture.get().dynamo().getItem(b -> b.tableName(orders.tableName())
        .key(Map.of("id", AttributeValue.fromS("o-g")))).item();
    assertEquals(AttributeValue.fromN("1"), raw.get("quantity"));
  }
}
