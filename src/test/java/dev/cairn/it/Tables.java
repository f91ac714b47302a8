package dev.cairn.it;

import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Small builders for control-plane tests: unique names, key schemas, attribute definitions, simple tables. */
final class Tables {
  private Tables() {
  }

  /** A fresh table name: the prefix, a dash and eight hex digits. */
  static String name(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static KeySchemaElement hash(String attribute) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build();
  }

  static KeySchemaElement range(String attribute) {
    return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.RANGE).build();
  }

  static AttributeDefinition attr(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static AttributeDefinition s(String name) {
    return attr(name, ScalarAttributeType.S);
  }

  static AttributeDefinition n(String name) {
    return attr(name, ScalarAttributeType.N);
  }

  static AttributeDefinition b(String name) {
    return attr(name, ScalarAttributeType.B);
  }

  /** A hash-only ({@code pk} S) on-demand table request. */
  static CreateTableRequest.Builder onDemand(String table) {
    return CreateTableRequest.builder().tableName(table).keySchema(hash("pk")).attributeDefinitions(s("pk"))
        .billingMode(BillingMode.PAY_PER_REQUEST);
  }

  /** Creates a hash-only on-demand table and waits until it is ACTIVE. */
  static TableDescription createOnDemand(DynamoDbClient dynamo, String table) {
    TableDescription d = dynamo.createTable(onDemand(table).build()).tableDescription();
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
    return d;
  }

  /** Creates a table from the request and waits until it is ACTIVE. */
  static TableDescription create(DynamoDbClient dynamo, CreateTableRequest request) {
    TableDescription d = dynamo.createTable(request).tableDescription();
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
    return d;
  }

  /** Deletes the table, ignoring a table that is already gone or protected (test clean-up). */
  static void dropQuietly(DynamoDbClient dynamo, String table) {
    try {
      dynamo.deleteTable(b -> b.tableName(table));
    } catch (RuntimeException ignored) {
      // best effort
    }
  }

  static List<String> names(List<KeySchemaElement> keys) {
    return keys.stream().map(KeySchemaElement::attributeName).toList();
  }
}
