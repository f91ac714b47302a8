package dev.cairn.core.validate;

import static dev.cairn.core.validate.TableMessages.INVALID;
import static dev.cairn.core.validate.TableMessages.bracketed;

import dev.cairn.core.api.KeySchemaElement;
import dev.cairn.core.api.OnDemandThroughput;
import dev.cairn.core.api.Projection;
import dev.cairn.core.api.SSESpecification;
import dev.cairn.core.api.StreamSpecification;
import dev.cairn.core.api.Tag;
import dev.cairn.core.error.DynamoException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The semantic checks shared by the table validators. Each throws the first violation it finds as a
 * {@code ValidationException}; they run only after the model constraints passed, so required members are
 * present. Texts are confirmed unless a comment says otherwise (see {@link TableMessages} for the sources).
 */
final class TableRules {
  static final int MAX_GSI_KEY_ATTRIBUTES_PER_TYPE = 4;
  static final int MAX_PROJECTED_ATTRIBUTES = 100;
  static final int MAX_TAGS = 50;
  /** Tag characters: Unicode letters, digits, white space and {@code _ . : / = + - @} (API Reference, "Tag"). */
  private static final Pattern TAG_CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  static final List<String> TABLE_CLASSES = List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");

  private TableRules() {
  }

  static List<String> names(List<KeySchemaElement> keys) {
    List<String> out = new ArrayList<>();
    for (KeySchemaElement k : keys) {
      out.add(k.attributeName());
    }
    return out;
  }

  /** An index's key attributes must all be defined; the text lists the index keys and all definitions. */
  static void keysDefined(List<KeySchemaElement> keys, List<String> defined) {
    List<String> keyNames = names(keys);
    if (!defined.containsAll(keyNames)) {
      throw TableMessages.indexKeysNotDefined(keyNames, defined);
    }
  }

  /**
   * Table or LSI key shape: distinct names, HASH first, RANGE second (dynalite's order of checks). Two HASH
   * elements get "The second KeySchemaElement is not a RANGE key type" (lab DDB-TABLE-124); "Too many hash
   * keys specified..." is DynamoDB Local's wording, not the service's.
   */
  static void hashThenRange(List<KeySchemaElement> keys) {
    if (keys.size() == 2 && keys.get(0).attributeName().equals(keys.get(1).attributeName())) {
      throw DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (!KeySchemaElement.HASH.equals(keys.get(0).keyType())) {
      throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (keys.size() > 1 && !KeySchemaElement.RANGE.equals(keys.get(1).keyType())) {
      throw DynamoException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
  }

  /**
   * GSI key shape with multi-attribute keys (lab DDB-TABLE-123/124): distinct names, HASH first, all HASH
   * before any RANGE, at most 4 of each. The relative order of these checks is inferred.
   */
  static void gsiKeySchema(List<KeySchemaElement> keys) {
    if (keys.size() == 2 && keys.get(0).attributeName().equals(keys.get(1).attributeName())) {
      throw DynamoException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (new HashSet<>(names(keys)).size() != keys.size()) {
      throw DynamoException.validation("The KeySchema contains multiple key attributes with the same name");
    }
    if (!KeySchemaElement.HASH.equals(keys.get(0).keyType())) {
      throw DynamoException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    int hash = 0;
    int range = 0;
    for (KeySchemaElement k : keys) {
      if (KeySchemaElement.HASH.equals(k.keyType())) {
        if (range > 0) {
          throw TableMessages.invalid("All HASH key attributes must precede RANGE key attributes in the KeySchema");
        }
        hash++;
      } else {
        range++;
      }
    }
    if (hash > MAX_GSI_KEY_ATTRIBUTES_PER_TYPE) {
      throw TableMessages.invalid("The KeySchema exceeds the maximum allowed number of HASH key attributes");
    }
    if (range > MAX_GSI_KEY_ATTRIBUTES_PER_TYPE) {
      throw TableMessages.invalid("The KeySchema exceeds the maximum allowed number of RANGE key attributes");
    }
  }

  /** Projection rules: a type is required; NonKeyAttributes with INCLUDE only, and then required and distinct. */
  static void projection(Projection p) {
    String type = p.projectionType();
    if (type == null) {
      throw TableMessages.invalid("Unknown ProjectionType: null");
    }
    List<String> nonKey = p.nonKeyAttributes();
    if (nonKey != null && !Projection.INCLUDE.equals(type)) {
      throw TableMessages.invalid("ProjectionType is " + type + ", but NonKeyAttributes is specified");
    }
    if (nonKey == null && Projection.INCLUDE.equals(type)) {
      throw TableMessages.invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    }
    if (nonKey != null) {
      Set<String> seen = new HashSet<>();
      for (String a : nonKey) {
        if (!seen.add(a)) {
          throw TableMessages.invalid("Duplicate element in NonKeyAttributes: " + a);
        }
      }
    }
  }

  /** At most 100 NonKeyAttributes over all indexes, counting repeats (Developer Guide, quotas). Text inferred. */
  static void projectedTotal(int total) {
    if (total > MAX_PROJECTED_ATTRIBUTES) {
      throw TableMessages.invalid("The number of projected attributes in all indexes exceeds the limit of "
          + MAX_PROJECTED_ATTRIBUTES); // inferred text
    }
  }

  /**
   * On-demand limits of a table ({@code indexName == null}) or index: forbidden unless the billing mode is
   * PAY_PER_REQUEST, and each given limit at least 1 ({@code -1}, "no limit", only when {@code allowMinusOne},
   * i.e. on UpdateTable). Table texts confirmed (lab catalogue, ut_odt_zero_zero); the index forms follow the
   * catalogue's note "'for index : &lt;IDX&gt;'" and are inferred in their exact assembly.
   */
  static void onDemand(OnDemandThroughput o, boolean payPerRequest, String indexName, boolean allowMinusOne) {
    if (o == null) {
      return;
    }
    String target = indexName == null ? "table" : "index : " + indexName;
    if (!payPerRequest) {
      String unit = o.maxReadRequestUnits() != null || o.maxWriteRequestUnits() == null
          ? "MaxReadRequestUnits" : "MaxWriteRequestUnits";
      String owner = indexName == null ? "" : " for index : " + indexName;
      throw TableMessages.invalid(unit + " for OnDemandThroughput" + owner
          + " cannot be specified when the table BillingMode is PROVISIONED");
    }
    onDemandRange(o.maxReadRequestUnits(), "MaxReadRequestUnits", target, allowMinusOne);
    onDemandRange(o.maxWriteRequestUnits(), "MaxWriteRequestUnits", target, allowMinusOne);
  }

  private static void onDemandRange(Long units, String name, String target, boolean allowMinusOne) {
    if (units != null && units < 1 && !(allowMinusOne && units == -1)) {
      throw TableMessages.invalid("Requested " + name + " for OnDemandThroughput for " + target
          + " is outside of valid range");
    }
  }

  static void duplicateIndexName(Set<String> seen, String name) {
    if (!seen.add(name)) {
      throw TableMessages.invalid("Duplicate index name: " + name);
    }
  }

  /**
   * Stream view type required to enable, forbidden to disable. Texts confirmed for UpdateTable (lab
   * DDB-TABLE-050); CreateTable is assumed to share them (inferred).
   */
  static void stream(StreamSpecification s) {
    if (s == null) {
      return;
    }
    if (Boolean.TRUE.equals(s.streamEnabled()) && s.streamViewType() == null) {
      throw TableMessages.invalid("If stream is being enabled then UpdateViewType is required");
    }
    if (Boolean.FALSE.equals(s.streamEnabled()) && s.streamViewType() != null) {
      throw TableMessages.invalid("If stream is being disabled, then UpdateViewType must not be specified");
    }
  }

  /** SSE combinations. Texts confirmed (lab catalogue); their relative order inferred. */
  static void sse(SSESpecification s) {
    if (s == null) {
      return;
    }
    if (Boolean.FALSE.equals(s.enabled())) {
      if (s.sseType() != null) {
        throw TableMessages.invalid("SSEType can not be specified if Enabled is false");
      }
      if (s.kmsMasterKeyId() != null) {
        throw TableMessages.invalid("KMSMasterKeyId can not be specified if Enabled is false");
      }
    }
    if ("AES256".equals(s.sseType())) {
      throw TableMessages.invalid("SSEType AES256 is not supported");
    }
    if (s.kmsMasterKeyId() != null && !"KMS".equals(s.sseType())) {
      throw TableMessages.invalid("SSEType KMS is required if KMSMasterKeyId is specified");
    }
  }

  /** The table class is checked by hand, not by the model enum (confirmed text, no prefix). */
  static void tableClass(String tableClass) {
    if (tableClass != null && !TABLE_CLASSES.contains(tableClass)) {
      throw DynamoException.validation("Invalid table-class parameter provided. Please try again with a valid "
          + "table-class value: " + bracketed(TABLE_CLASSES) + ".");
    }
  }

  /**
   * Tag rules of CreateTable and TagResource (lab DDB-TABLE-110, DDB-TABLE-457): at most 50; each key 1..128
   * characters of the tag alphabet and not starting with {@code aws:}; each value 0..256 characters of the
   * alphabet; keys distinct. The texts are confirmed; which rule wins when several apply is inferred.
   */
  static void tags(List<Tag> tags) {
    if (tags == null) {
      return;
    }
    if (tags.size() > MAX_TAGS) {
      throw TableMessages.tooManyTags();
    }
    Set<String> seen = new HashSet<>();
    for (Tag t : tags) {
      String key = t == null ? null : t.key();
      tagKey(key);
      if (key.startsWith("aws:")) {
        throw DynamoException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
      }
      String value = t.value();
      if (value == null || value.length() > 256 || !TAG_CHARS.matcher(value).matches()) {
        throw DynamoException.validation("The Tag Value provided is invalid, Value: " + value);
      }
      if (!seen.add(key)) {
        throw DynamoException.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
      }
    }
  }

  /** One tag key: 1..128 characters of the tag alphabet ({@code Key: null} when absent). */
  static void tagKey(String key) {
    if (key == null || key.isEmpty() || key.length() > 128 || !TAG_CHARS.matcher(key).matches()) {
      throw DynamoException.validation("The Tag Key provided is invalid, Key: " + key);
    }
  }

  /**
   * The ARN checks of the tag APIs that need no table (confirmed texts): it must start with {@code arn:}, and
   * an index ARN is refused. The rest (region, account, resource type) is the engine's.
   */
  static void resourceArn(String arn) {
    if (!arn.startsWith("arn:")) {
      throw TableMessages.invalid("ARNs must start with 'arn:': " + arn);
    }
    if (arn.contains(":table/") && arn.contains("/index/")) {
      throw TableMessages.invalid("Invalid resource arn provided, only table or stream is accepted. "
          + "Provided resource arn: " + arn);
    }
  }
}
