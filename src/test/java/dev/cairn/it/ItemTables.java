package dev.cairn.it;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Table and value helpers for the item tests: tables are created through CreateTable and waited for. */
final class ItemTables {
  private ItemTables() {
  }

  /** A table name unique to this run. */
  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates an on-demand table with a partition key (and a sort key when {@code skName} is not null). */
  static String create(DynamoDbClient dynamo, String name, String pkName, ScalarAttributeType pkType, String skName,
      ScalarAttributeType skType) {
    dynamo.createTable(b -> {
      b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
      if (skName == null) {
        b.keySchema(KeySchemaElement.builder().attributeName(pkName).keyType(KeyType.HASH).build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName(pkName).attributeType(pkType).build());
      } else {
        b.keySchema(KeySchemaElement.builder().attributeName(pkName).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(skName).keyType(KeyType.RANGE).build())
            .attributeDefinitions(AttributeDefinition.builder().attributeName(pkName).attributeType(pkType).build(),
                AttributeDefinition.builder().attributeName(skName).attributeType(skType).build());
      }
    });
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
    return name;
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  static AttributeValue b(byte... v) {
    return AttributeValue.fromB(SdkBytes.fromByteArray(v));
  }

  /** A map from alternating names and values. */
  static Map<String, AttributeValue> item(Object... nameValue) {
    Map<String, AttributeValue> m = new HashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put((String) nameValue[i], (AttributeValue) nameValue[i + 1]);
    }
    return m;
  }

  static Map<String, String> names(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
