package dev.cairn.core.validate;

import dev.cairn.core.api.AttributeDefinition;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.Projection;
import dev.cairn.core.api.ProvisionedThroughput;
import dev.cairn.core.api.SSESpecification;
import dev.cairn.core.api.StreamSpecification;
import java.util.ArrayList;
import java.util.List;

/**
 * The model (Coral) constraints shared by the table actions, recorded into a {@link ValidationErrors} with
 * the service's member paths ({@code globalSecondaryIndexes.1.member.projection.projectionType}: camel-cased
 * member names, 1-based list positions followed by {@code member}).
 *
 * <p>Order: within one structure the service reports members in an order that is not stable across actions
 * (dynalite's tests compare such lists as sets; the lab saw {@code attributeType} before
 * {@code attributeName}, and {@code writeCapacityUnits} before {@code readCapacityUnits}). Cairn fixes the
 * order used here; the enum value sets are written in the service's order where a capture shows it.
 */
final class TableConstraints {
  static final String NOT_NULL = "Member must not be null";
  static final List<String> KEY_TYPES = List.of("HASH", "RANGE");
  /** Order as dynalite records the service's text. */
  static final List<String> ATTRIBUTE_TYPES = List.of("B", "N", "S");
  static final List<String> PROJECTION_TYPES = List.of("ALL", "INCLUDE", "KEYS_ONLY");
  /** Order confirmed by the lab ({@code ct_billing_empty}). */
  static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
  /** Order confirmed by the lab ({@code ct_stream_viewtype_empty}, {@code ut_stream_viewtype_empty}). */
  static final List<String> STREAM_VIEW_TYPES = List.of("OLD_IMAGE", "KEYS_ONLY", "NEW_AND_OLD_IMAGES", "NEW_IMAGE");
  /** Order inferred. */
  static final List<String> SSE_TYPES = List.of("AES256", "KMS");
  static final int MAX_NAME = 255;

  private TableConstraints() {
  }

  /** {@code "<prefix>.<n>.member"}, the path of the n-th (0-based {@code index}) element of a list. */
  static String element(String listPath, int index) {
    return listPath + "." + (index + 1) + ".member";
  }

  static void notNull(ValidationErrors e, Object value, String path) {
    if (value == null) {
      e.add(null, path, NOT_NULL);
    }
  }

  static void enumValue(ValidationErrors e, String value, String path, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      e.add(value, path, "Member must satisfy enum value set: " + TableMessages.bracketed(allowed));
    }
  }

  static void length(ValidationErrors e, String value, String path, int min, int max) {
    if (value == null) {
      return;
    }
    if (value.length() < min) {
      e.add(value, path, "Member must have length greater than or equal to " + min);
    } else if (value.length() > max) {
      e.add(value, path, "Member must have length less than or equal to " + max);
    }
  }

  static void atLeast(ValidationErrors e, Long value, String path, long min) {
    if (value != null && value < min) {
      e.add(value, path, "Member must have value greater than or equal to " + min);
    }
  }

  /**
   * A required table or index name: not null, then length (3..255), then pattern. The lab's captures put the
   * length before the pattern for {@code tableName} (DescribeTable) and {@code ...indexName} (CreateTable,
   * UpdateTable), unlike ListTables' {@code exclusiveStartTableName}.
   */
  static void tableName(ValidationErrors e, String value, String path) {
    notNull(e, value, path);
    if (value == null) {
      return;
    }
    length(e, value, path, 3, MAX_NAME);
    if (!ValidationErrors.isName(value)) {
      e.add(value, path, "Member must satisfy regular expression pattern: " + ValidationErrors.NAME_PATTERN);
    }
  }

  /**
   * A table name that may also be the table's ARN (DescribeTable and the like accept both; the lab saw
   * DescribeTable resolve a full ARN). An ARN is only length-checked (1..1024, the model's {@code TableArn}).
   */
  static void tableNameOrArn(ValidationErrors e, String value, String path) {
    if (value != null && value.startsWith("arn:")) {
      length(e, value, path, 1, 1024);
    } else {
      tableName(e, value, path);
    }
  }

  /** An index name: same rules as a table name (API Reference: 3..255, {@code [a-zA-Z0-9_.-]+}). */
  static void indexName(ValidationErrors e, String value, String path) {
    tableName(e, value, path);
  }

  static void attributeDefinitions(ValidationErrors e, List<AttributeDefinition> defs, String path,
      boolean required) {
    if (defs == null) {
      if (required) {
        e.add(null, path, NOT_NULL);
      }
      return;
    }
    for (int i = 0; i < defs.size(); i++) {
      String p = element(path, i);
      AttributeDefinition d = defs.get(i);
      if (d == null) {
        e.add(null, p, NOT_NULL); // inferred: a JSON null element
        continue;
      }
      notNull(e, d.attributeType(), p + ".attributeType");
      enumValue(e, d.attributeType(), p + ".attributeType", ATTRIBUTE_TYPES);
      notNull(e, d.attributeName(), p + ".attributeName");
      length(e, d.attributeName(), p + ".attributeName", 1, MAX_NAME);
    }
  }

  /**
   * A key schema: not null, 1..{@code maxElements} elements (0: no maximum, for GSIs with multi-attribute
   * keys), each with a name and a key type. The oversize text quotes the elements the service's way.
   */
  static void keySchema(ValidationErrors e, List<KeySchemaElement> keys, String path, int maxElements) {
    if (keys == null) {
      e.add(null, path, NOT_NULL);
      return;
    }
    if (keys.isEmpty()) {
      e.add("[]", path, "Member must have length greater than or equal to 1");
    } else if (maxElements > 0 && keys.size() > maxElements) {
      List<String> shown = new ArrayList<>();
      for (KeySchemaElement k : keys) {
        shown.add(k == null ? "null" : k.coralString());
      }
      e.add(TableMessages.bracketed(shown), path, "Member must have length less than or equal to " + maxElements);
    }
    for (int i = 0; i < keys.size(); i++) {
      String p = element(path, i);
      KeySchemaElement k = keys.get(i);
      if (k == null) {
        e.add(null, p, NOT_NULL);
        continue;
      }
      notNull(e, k.attributeName(), p + ".attributeName");
      length(e, k.attributeName(), p + ".attributeName", 1, MAX_NAME);
      notNull(e, k.keyType(), p + ".keyType");
      enumValue(e, k.keyType(), p + ".keyType", KEY_TYPES);
    }
  }

  /** A required projection: its type in the enum, 1..20 non-key attributes of 1..255 characters. */
  static void projection(ValidationErrors e, Projection projection, String path) {
    if (projection == null) {
      e.add(null, path, NOT_NULL);
      return;
    }
    enumValue(e, projection.projectionType(), path + ".projectionType", PROJECTION_TYPES);
    List<String> nonKey = projection.nonKeyAttributes();
    if (nonKey != null) {
      if (nonKey.isEmpty()) {
        e.add("[]", path + ".nonKeyAttributes", "Member must have length greater than or equal to 1");
      } else if (nonKey.size() > 20) {
        e.add(nonKey, path + ".nonKeyAttributes", "Member must have length less than or equal to 20");
      }
      for (int i = 0; i < nonKey.size(); i++) {
        length(e, nonKey.get(i), element(path + ".nonKeyAttributes", i), 1, MAX_NAME);
      }
    }
  }

  /** Optional provisioned throughput: when present both units are required and at least 1 (write first). */
  static void throughput(ValidationErrors e, ProvisionedThroughput pt, String path) {
    if (pt == null) {
      return;
    }
    notNull(e, pt.writeCapacityUnits(), path + ".writeCapacityUnits");
    atLeast(e, pt.writeCapacityUnits(), path + ".writeCapacityUnits", 1);
    notNull(e, pt.readCapacityUnits(), path + ".readCapacityUnits");
    atLeast(e, pt.readCapacityUnits(), path + ".readCapacityUnits", 1);
  }

  /** Optional stream specification: {@code StreamEnabled} is required by the model; the view type is an enum. */
  static void stream(ValidationErrors e, StreamSpecification s, String path) {
    if (s == null) {
      return;
    }
    notNull(e, s.streamEnabled(), path + ".streamEnabled"); // inferred from the model ("Required: Yes")
    enumValue(e, s.streamViewType(), path + ".streamViewType", STREAM_VIEW_TYPES);
  }

  /** Optional SSE specification; the path is {@code sSESpecification} (the service lower-cases one letter). */
  static void sse(ValidationErrors e, SSESpecification s, String path) {
    if (s == null) {
      return;
    }
    enumValue(e, s.sseType(), path + ".sSEType", SSE_TYPES); // path inferred from the kMSMasterKeyId capture
    length(e, s.kmsMasterKeyId(), path + ".kMSMasterKeyId", 1, 2048);
  }
}
