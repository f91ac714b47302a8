package dev.cairn.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.core.api.AttributeDefinition;
import dev.cairn.core.api.CreateTableRequest;
import dev.cairn.core.api.GlobalSecondaryIndex;
import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.LocalSecondaryIndex;
import dev.cairn.core.api.OnDemandThroughput;
import dev.cairn.core.api.Projection;
import dev.cairn.core.api.ProvisionedThroughput;
import dev.cairn.core.api.SSESpecification;
import dev.cairn.core.api.StreamSpecification;
import dev.cairn.core.api.Tag;
import dev.cairn.core.api.WarmThroughput;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Short constructors and a CreateTable builder for the table validator tests. */
final class TableFixtures {
  private TableFixtures() {
  }

  static void assertValidation(String message, Executable call) {
    DynamoException e = assertThrows(DynamoException.class, call);
    assertEquals(ErrorCode.VALIDATION, e.code(), e.getMessage());
    assertEquals(message, e.getMessage());
  }

  static AttributeDefinition def(String name, String type) {
    return new AttributeDefinition(name, type);
  }

  static List<AttributeDefinition> defs(String... names) {
    List<AttributeDefinition> out = new ArrayList<>();
    for (String n : names) {
      out.add(def(n, "S"));
    }
    return out;
  }

  static KeySchemaElement hash(String name) {
    return new KeySchemaElement(name, "HASH");
  }

  static KeySchemaElement range(String name) {
    return new KeySchemaElement(name, "RANGE");
  }

  static List<KeySchemaElement> keys(KeySchemaElement... elements) {
    return Arrays.asList(elements);
  }

  static Projection all() {
    return new Projection("ALL", null);
  }

  static Projection include(String... names) {
    return new Projection("INCLUDE", Arrays.asList(names));
  }

  static ProvisionedThroughput pt(long read, long write) {
    return new ProvisionedThroughput(read, write);
  }

  static GlobalSecondaryIndex gsi(String name, Projection projection, KeySchemaElement... keys) {
    return new GlobalSecondaryIndex(name, keys(keys), projection, null, null, null);
  }

  static GlobalSecondaryIndex gsi(String name, ProvisionedThroughput pt, KeySchemaElement... keys) {
    return new GlobalSecondaryIndex(name, keys(keys), all(), pt, null, null);
  }

  static LocalSecondaryIndex lsi(String name, KeySchemaElement... keys) {
    return new LocalSecondaryIndex(name, keys(keys), all());
  }

  static Tag tag(String key, String value) {
    return new Tag(key, value);
  }

  /** A builder that starts from a valid PAY_PER_REQUEST table keyed on {@code pk}. */
  static Create create() {
    return new Create();
  }

  static final class Create {
    String tableName = "Orders";
    List<AttributeDefinition> defs = TableFixtures.defs("pk");
    List<KeySchemaElement> keys = TableFixtures.keys(hash("pk"));
    List<LocalSecondaryIndex> lsis;
    List<GlobalSecondaryIndex> gsis;
    String billingMode = "PAY_PER_REQUEST";
    ProvisionedThroughput pt;
    StreamSpecification stream;
    SSESpecification sse;
    List<Tag> tags;
    String tableClass;
    Boolean deletionProtection;
    WarmThroughput warm;
    OnDemandThroughput onDemand;

    Create name(String v) {
      tableName = v;
      return this;
    }

    Create defs(List<AttributeDefinition> v) {
      defs = v;
      return this;
    }

    Create defs(String... names) {
      defs = TableFixtures.defs(names);
      return this;
    }

    Create keys(KeySchemaElement... v) {
      keys = TableFixtures.keys(v);
      return this;
    }

    Create keys(List<KeySchemaElement> v) {
      keys = v;
      return this;
    }

    Create lsis(LocalSecondaryIndex... v) {
      lsis = Arrays.asList(v);
      return this;
    }

    Create lsis(List<LocalSecondaryIndex> v) {
      lsis = v;
      return this;
    }

    Create gsis(GlobalSecondaryIndex... v) {
      gsis = Arrays.asList(v);
      return this;
    }

    Create gsis(List<GlobalSecondaryIndex> v) {
      gsis = v;
      return this;
    }

    Create billing(String v) {
      billingMode = v;
      return this;
    }

    Create pt(ProvisionedThroughput v) {
      pt = v;
      return this;
    }

    Create provisioned(long read, long write) {
      billingMode = "PROVISIONED";
      pt = TableFixtures.pt(read, write);
      return this;
    }

    Create stream(Boolean enabled, String viewType) {
      stream = new StreamSpecification(enabled, viewType);
      return this;
    }

    Create sse(SSESpecification v) {
      sse = v;
      return this;
    }

    Create tags(Tag... v) {
      tags = Arrays.asList(v);
      return this;
    }

    Create tags(List<Tag> v) {
      tags = v;
      return this;
    }

    Create tableClass(String v) {
      tableClass = v;
      return this;
    }

    CreateTableRequest build() {
      return new CreateTableRequest(tableName, defs, keys, lsis, gsis, billingMode, pt, stream, sse, tags,
          tableClass, deletionProtection, warm, onDemand, null);
    }

    void validate() {
      CreateTableValidator.validate(build());
    }
  }
}
