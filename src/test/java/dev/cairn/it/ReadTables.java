package dev.cairn.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Table set-up shared by the Query and Scan tests: unique names, on-demand tables, attribute-value shorthands. */
final class ReadTables {
  private ReadTables() {
  }

  /**
   * Creates an on-demand table with a string partition key {@code pk} and, when {@code sortType} is not null, a
   * sort key {@code sk} of that type; returns its (unique) name.
   */
  static String create(DynamoDbClient c, String prefix, ScalarAttributeType sortType) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    List<AttributeDefinition> defs = new ArrayList<>();
    List<KeySchemaElement> keys = new ArrayList<>();
    defs.add(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build());
    keys.add(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
    if (sortType != null) {
      defs.add(AttributeDefinition.builder().attributeName("sk").attributeType(sortType).build());
      keys.add(KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
    }
    c.createTable(b -> b.tableName(name).attributeDefinitions(defs).keySchema(keys)
        .billingMode(BillingMode.PAY_PER_REQUEST));
    for (int i = 0; i < 100; i++) {
      if ("ACTIVE".equals(c.describeTable(b -> b.tableName(name)).table().tableStatusAsString())) {
        return name;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("table " + name + " did not become ACTIVE");
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  static AttributeValue b(int... bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = (byte) bytes[i];
    }
    return AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(out));
  }

  /** The values of one attribute of the items, in order. */
  static List<AttributeValue> values(List<Map<String, AttributeValue>> items, String attribute) {
    List<AttributeValue> out = new ArrayList<>();
    for (Map<String, AttributeValue> i : items) {
      out.add(i.get(attribute));
    }
    return out;
  }
}
