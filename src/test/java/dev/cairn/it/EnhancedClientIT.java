package dev.cairn.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A realistic application flow through the DynamoDB Enhanced Client with a mapped bean: the mapper's CreateTable,
 * put, get, partial update, optimistic locking through {@code @DynamoDbVersionAttribute} (conditional writes the
 * mapper builds itself), an explicit conditional put that fails, and delete.
 */
class EnhancedClientIT {
  static DynamoDbEnhancedClient enhanced;
  static DynamoDbTable<Order> orders;

  /** An order line: customer (partition key), order number (sort key), nested and set-valued attributes. */
  @DynamoDbBean
  public static class Order {
    private String customerId;
    private Integer orderNumber;
    private String status;
    private Double total;
    private List<String> items;
    private Map<String, String> shipping;
    private Set<String> tags;
    private Instant createdAt;
    private Long version;

    @DynamoDbPartitionKey
    public String getCustomerId() {
      return customerId;
    }

    public void setCustomerId(String customerId) {
      this.customerId = customerId;
    }

    @DynamoDbSortKey
    public Integer getOrderNumber() {
      return orderNumber;
    }

    public void setOrderNumber(Integer orderNumber) {
      this.orderNumber = orderNumber;
    }

    public String getStatus() {
      return status;
    }

    public void setStatus(String status) {
      this.status = status;
    }

    public Double getTotal() {
      return total;
    }

    public void setTotal(Double total) {
      this.total = total;
    }

    public List<String> getItems() {
      return items;
    }

    public void setItems(List<String> items) {
      this.items = items;
    }

    public Map<String, String> getShipping() {
      return shipping;
    }

    public void setShipping(Map<String, String> shipping) {
      this.shipping = shipping;
    }

    public Set<String> getTags() {
      return tags;
    }

    public void setTags(Set<String> tags) {
      this.tags = tags;
    }

    public Instant getCreatedAt() {
      return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
      this.createdAt = createdAt;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
      return version;
    }

    public void setVersion(Long version) {
      this.version = version;
    }
  }

  @BeforeAll
  static void setUp() {
    enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(CairnFixture.get().dynamo()).build();
    orders = enhanced.table(ItemTables.uniqueName("orders"), TableSchema.fromBean(Order.class));
    orders.createTable();
    CairnFixture.get().dynamo().waiter().waitUntilTableExists(b -> b.tableName(orders.tableName()));
  }

  private static Order order(String customer, int number) {
    Order o = new Order();
    o.setCustomerId(customer);
    o.setOrderNumber(number);
    o.setStatus("NEW");
    o.setTotal(42.5);
    o.setItems(List.of("book", "pen"));
    o.setShipping(Map.of("city", "Lyon", "zip", "69001"));
    o.setTags(Set.of("gift", "priority"));
    o.setCreatedAt(Instant.parse("2026-11-23T10:15:30.123Z"));
    return o;
  }

  @Test
  void orderLifecycle_putGetUpdateDelete() {
    Order placed = order("alice", 1);
    orders.putItem(placed);
    Key key = Key.builder().partitionValue("alice").sortValue(1).build();

    Order read = orders.getItem(r -> r.key(key).consistentRead(true));
    assertEquals("NEW", read.getStatus());
    assertEquals(42.5, read.getTotal());
    assertEquals(List.of("book", "pen"), read.getItems());
    assertEquals(Map.of("city", "Lyon", "zip", "69001"), read.getShipping());
    assertEquals(Set.of("gift", "priority"), read.getTags());
    assertEquals(Instant.parse("2026-11-23T10:15:30.123Z"), read.getCreatedAt());
    assertEquals(1L, read.getVersion());

    // A partial update: null fields are left as they are; the version extension checks and bumps the version.
    Order change = new Order();
    change.setCustomerId("alice");
    change.setOrderNumber(1);
    change.setStatus("SHIPPED");
    change.setVersion(read.getVersion());
    Order updated = orders.updateItem(r -> r.item(change).ignoreNulls(true));
    assertEquals("SHIPPED", updated.getStatus());
    assertEquals(42.5, updated.getTotal());
    assertEquals(2L, updated.getVersion());

    // A writer still holding version 1 loses.
    read.setStatus("CANCELLED");
    assertThrows(ConditionalCheckFailedException.class, () -> orders.putItem(read));
    assertEquals("SHIPPED", orders.getItem(r -> r.key(key).consistentRead(true)).getStatus());

    Order deleted = orders.deleteItem(key);
    assertEquals("SHIPPED", deleted.getStatus());
    assertNull(orders.getItem(r -> r.key(key).consistentRead(true)));
  }

  @Test
  void conditionalPut_onExistingOrder_failsAndKeepsTheOriginal() {
    orders.putItem(order("bob", 7));
    Order duplicate = order("bob", 7);
    duplicate.setStatus("DUPLICATE");
    duplicate.setVersion(null);
    Expression absent = Expression.builder().expression("attribute_not_exists(#c)")
        .expressionNames(Map.of("#c", "customerId")).build();
    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> orders.putItem(PutItemEnhancedRequest.builder(Order.class).item(duplicate).conditionExpression(absent).build()));
    assertNotNull(e.awsErrorDetails());
    assertEquals("NEW", orders.getItem(Key.builder().partitionValue("bob").sortValue(7).build()).getStatus());
  }

  @Test
  void newVersionedItem_putTwice_secondIsRefused() {
    // The version extension writes a new item with attribute_not_exists(version); a second "new" item with the
    // same key therefore fails.
    orders.putItem(order("carol", 3));
    assertThrows(ConditionalCheckFailedException.class, () -> orders.putItem(order("carol", 3)));
    Map<String, AttributeValue> raw = CairnFixture.get().dynamo().getItem(b -> b.tableName(orders.tableName())
        .key(Map.of("customerId", AttributeValue.fromS("carol"), "orderNumber", AttributeValue.fromN("3")))).item();
    assertEquals(AttributeValue.fromN("1"), raw.get("version"));
  }
}
