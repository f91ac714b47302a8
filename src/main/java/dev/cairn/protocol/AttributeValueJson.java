package dev.cairn.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.core.model.AttributeValue;
import dev.cairn.core.model.Bytes;
import dev.cairn.core.model.Numbers;
import dev.cairn.core.model.ValidationWording;
import dev.cairn.core.model.ValueValidation;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of attribute values ({@code {"S": "x"}}, {@code {"N": "1.5"}}, {@code {"B": "<base64>"}},
 * {@code {"BOOL": true}}, {@code {"NULL": true}}, {@code {"M": {...}}}, {@code {"L": [...]}},
 * {@code {"SS": [...]}}, {@code {"NS": [...]}}, {@code {"BS": [...]}}): decoding with the service's checks and
 * messages, and encoding for responses. Source: DynamoDB API Reference, "AttributeValue".
 *
 * <p>Decoding runs in two passes, as the service does: first the JSON types of the whole value
 * ({@code SerializationException}, the first bad member in body order wins), then the values themselves
 * ({@code ValidationException}). The service type-checks the whole request body before it validates
 * anything, so a request decoder with several value members should call {@link #checkValue}/{@link #checkMap}
 * on all of them before decoding any; {@link #decode} and {@link #decodeMap} run both passes on their own
 * argument.
 *
 * <p>Evidence for the texts (the API Reference gives none): dynalite's {@code test/helpers.js}
 * ({@code assertType}, written against the service, the current wording) and {@code validations/index.js}
 * ({@code validateAttributeValue}, its check order); {@link ValueValidation} and {@link Numbers} for the value
 * checks. Texts that no capture confirms are marked so where they are defined. JSON {@code null} members of a
 * value object are treated as absent and unknown members are ignored, as the service's deserializer does
 * (dynalite: {@code {"a": ""}} answers the "empty" message). Thread-safe (stateless).
 */
public final class AttributeValueJson {
  /** A value object with no known, non-null type member (dynalite putItem.js: {@code {}}, {@code {"a": ""}}). */
  public static final String EMPTY =
      "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
  /** A value object with two or more type members (dynalite putItem.js, multiple datatypes). */
  public static final String MORE_THAN_ONE =
      "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";

  // SerializationException texts of the current service (dynalite test/helpers.js, assertType).
  /** An attribute value that is a string, number or boolean instead of an object. */
  public static final String UNEXPECTED_VALUE_TYPE = "Unexpected value type in payload";
  /** An attribute value that is an array. */
  public static final String VALUE_IS_ARRAY =
      "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue";
  /** A map ({@code M}, an item) or a list ({@code L}, a set) given a string, number or boolean. */
  public static final String UNEXPECTED_FIELD_TYPE = "Unexpected field type";
  /** A map ({@code M}, an item) given an array. */
  public static final String MAP_IS_ARRAY = "Unrecognized collection type java.util.Map<java.lang.String, "
      + "com.amazonaws.dynamodb.v20120810.AttributeValue>";
  /** An object where a string, boolean, binary or list belongs. */
  public static final String START_OF_STRUCTURE = "Start of structure or map found where not expected";
  /** A binary ({@code B}, a {@code BS} member) given a number or boolean. */
  public static final String BLOB_NOT_STRING = "only base-64-encoded strings are convertible to bytes";
  /** A binary given an array. */
  public static final String BLOB_IS_ARRAY = "Unrecognized collection type class java.nio.ByteBuffer";
  /**
   * Base64 text whose length is not a multiple of 4; the service appends the length (captured from the service
   * without a prefix: scylladb/scylladb issue #6487, "...but found: 11"; dynalite helpers.js).
   */
  public static final String BASE64_LENGTH = "Base64 encoded length is expected a multiple of 4 bytes but found: ";
  /** Padding in the wrong place, or non-zero unused bits in the last character ("dectected" sic). */
  public static final String BASE64_LAST_CHARACTER = "Invalid last non-pad Base64 character dectected";
  /**
   * A character outside the base64 alphabet; the service appends it quoted. Unconfirmed for the current
   * service: this is the older service's text (dynalite validations/index.js) without its
   * {@code "'<text>' can not be converted to a Blob: "} prefix, which the current texts no longer carry.
   */
  public static final String BASE64_CHARACTER = "Invalid Base64 character: ";
  /** A boolean ({@code BOOL}, {@code NULL}) given a string other than true/false in any case. */
  public static final String UNEXPECTED_TOKEN = "Unexpected token received from parser";
  /**
   * A string set with a JSON {@code null} member. Unconfirmed for the current service: the older service gave
   * this text for an empty or missing member (dynalite validations/index.js); empty members are legal now.
   */
  public static final String STRING_SET_NULL_MEMBER =
      "One or more parameter values were invalid: An string set may not have a empty string as a member";
  /** A binary set with a JSON {@code null} member; the older service's text (dynalite), unconfirmed now. */
  public static final String BINARY_SET_NULL_MEMBER =
      "One or more parameter values were invalid: Binary sets may not contain null or empty values";

  private AttributeValueJson() {}

  // --------------------------------------------------------------------------------------------- decoding

  /**
   * Decodes one attribute value: {@link #checkValue} then the value checks.
   *
   * <p>Value checks, in the service's order (dynalite, validations/index.js): no type member gives
   * {@link #EMPTY}; then each type member in body order is checked as its type (numbers through
   * {@link Numbers#parse(String, ValidationWording)}, {@code NULL} must be true, sets through
   * {@link ValueValidation}, {@code M} and {@code L} members recursively); only then do two or more type
   * members give {@link #MORE_THAN_ONE} (so {@code {"S": "a", "N": "x"}} answers the number's error). Nesting
   * depth is not checked here: the service's limit differs by operation.
   *
   * @param node the JSON value; {@code null} or JSON null reads as an empty value object
   * @param wording which checker's texts to use (see {@link ValidationWording})
   * @return the value; sets keep request order
   * @throws DynamoException SerializationException for a JSON type the member cannot take (see
   *     {@link #checkValue}); ValidationException {@link #EMPTY}, {@link #MORE_THAN_ONE}, a number's error,
   *     {@link ValueValidation#NULL_NOT_TRUE}, a set's empty or duplicate error, {@link #STRING_SET_NULL_MEMBER}
   *     or {@link #BINARY_SET_NULL_MEMBER}; no {@code "1 validation error detected: "} envelope is added
   */
  public static AttributeValue decode(JsonNode node, ValidationWording wording) {
    checkValue(node);
    return build(node, wording);
  }

  /**
   * Decodes a map of attribute names to values: {@code Item}, {@code Key}, {@code ExpressionAttributeValues},
   * {@code ExclusiveStartKey} and the like. Runs {@link #checkMap} on the whole map first, then decodes each
   * member in body order as {@link #decode} does.
   *
   * @param obj the JSON object; a JSON null reads as an empty map
   * @return a new mutable map in body order (a repeated name keeps its last value, as JSON parsers do)
   * @throws DynamoException as {@link #checkMap} and {@link #decode}
   */
  public static Map<String, AttributeValue> decodeMap(JsonNode obj, ValidationWording wording) {
    checkMap(obj);
    return buildMap(obj, wording);
  }

  /**
   * Decodes an item ({@code PutItem}'s {@code Item}, a {@code PutRequest}'s {@code Item}, a transaction's
   * {@code Put.Item}); the same as {@link #decodeMap}. Key presence and item size are the caller's checks.
   *
   * @throws DynamoException as {@link #decodeMap}
   */
  public static Map<String, AttributeValue> decodeItem(JsonNode obj, ValidationWording wording) {
    return decodeMap(obj, wording);
  }

  /**
   * The serialization pass over one attribute value: checks every member's JSON type, recursively, and
   * decodes nothing. JSON nulls pass (they read as absent); unknown members are ignored.
   *
   * @throws DynamoException SerializationException, the first in body order:
   *     a value that is not an object: {@link #UNEXPECTED_VALUE_TYPE} (scalar) or {@link #VALUE_IS_ARRAY};
   *     {@code S}, {@code N} and set members of {@code SS}/{@code NS}: {@code "<TOKEN> cannot be converted
   *     to String"} with TOKEN one of {@code TRUE_VALUE}, {@code FALSE_VALUE}, {@code NUMBER_VALUE} (integer),
   *     {@code DECIMAL_VALUE} (fraction or exponent), {@link #START_OF_STRUCTURE} (object) or
   *     {@code "Unrecognized collection type class java.lang.String"} (array);
   *     {@code BOOL}, {@code NULL}: strings other than true/false (any case) {@link #UNEXPECTED_TOKEN},
   *     numbers {@code "NUMBER_VALUE|DECIMAL_VALUE cannot be converted to Boolean"}, objects
   *     {@link #START_OF_STRUCTURE}, arrays {@code "Unrecognized collection type class java.lang.Boolean"};
   *     {@code B} and {@code BS} members: {@link #BLOB_NOT_STRING}, {@link #START_OF_STRUCTURE},
   *     {@link #BLOB_IS_ARRAY}, {@link #BASE64_LENGTH} + length, {@link #BASE64_CHARACTER} + quoted
   *     character, {@link #BASE64_LAST_CHARACTER};
   *     {@code SS}, {@code NS}, {@code BS}, {@code L}: {@link #UNEXPECTED_FIELD_TYPE} (scalar) or
   *     {@link #START_OF_STRUCTURE} (object); {@code M}: {@link #UNEXPECTED_FIELD_TYPE} or
   *     {@link #MAP_IS_ARRAY}
   */
  public static void checkValue(JsonNode node) {
    if (node == null || node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      throw serialization(node.isArray() ? VALUE_IS_ARRAY : UNEXPECTED_VALUE_TYPE);
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      switch (e.getKey()) {
        case "S", "N" -> checkString(v);
        case "B" -> checkBlob(v);
        case "BOOL", "NULL" -> checkBoolean(v);
        case "SS", "NS" -> {
          checkList(v);
          for (JsonNode m : v) {
            if (!m.isNull()) {
              checkString(m);
            }
          }
        }
        case "BS" -> {
          checkList(v);
          for (JsonNode m : v) {
            if (!m.isNull()) {
              checkBlob(m);
            }
          }
        }
        case "L" -> {
          checkList(v);
          for (JsonNode m : v) {
            checkValue(m);
          }
        }
        case "M" -> checkMap(v);
        default -> {
          // Unknown members are dropped by the service's deserializer.
        }
      }
    }
  }

  /**
   * The serialization pass over a map of attribute values (an item, a key, {@code M}'s content).
   *
   * @param obj the JSON value; {@code null} or JSON null passes
   * @throws DynamoException SerializationException {@link #UNEXPECTED_FIELD_TYPE} for a scalar,
   *     {@link #MAP_IS_ARRAY} for an array, or the first member's error (see {@link #checkValue})
   */
  public static void checkMap(JsonNode obj) {
    if (obj == null || obj.isNull()) {
      return;
    }
    if (!obj.isObject()) {
      throw serialization(obj.isArray() ? MAP_IS_ARRAY : UNEXPECTED_FIELD_TYPE);
    }
    for (JsonNode v : obj) {
      checkValue(v);
    }
  }

  private static void checkString(JsonNode n) {
    if (!n.isTextual()) {
      throw mismatch(n, "String", "class java.lang.String");
    }
  }

  private static void checkBoolean(JsonNode n) {
    if (n.isBoolean()) {
      return;
    }
    if (n.isTextual()) {
      // The service reads "true"/"false" in any case as booleans (floci's captures, DynamoDbRequestShapesTest:
      // "false" and "TRUE" accepted, "abc" refused; dynalite: "23" refused with this text).
      if (parseBooleanWord(n.textValue()) == null) {
        throw serialization(UNEXPECTED_TOKEN);
      }
      return;
    }
    throw mismatch(n, "Boolean", "class java.lang.Boolean");
  }

  private static Boolean parseBooleanWord(String s) {
    if (s.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (s.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  private static void checkList(JsonNode n) {
    if (n.isArray()) {
      return;
    }
    throw serialization(n.isObject() ? START_OF_STRUCTURE : UNEXPECTED_FIELD_TYPE);
  }

  private static void checkBlob(JsonNode n) {
    if (n.isTextual()) {
      checkBase64(n.textValue());
    } else if (n.isObject()) {
      throw serialization(START_OF_STRUCTURE);
    } else if (n.isArray()) {
      throw serialization(BLOB_IS_ARRAY);
    } else {
      throw serialization(BLOB_NOT_STRING);
    }
  }

  /**
   * Checks base64 as the service's decoder does: the length first (dynalite: {@code "23456"} names length 5),
   * then the alphabet, then padding placement and the unused bits of the last character (dynalite:
   * {@code "=+/="} and {@code "+/+="} both answer {@link #BASE64_LAST_CHARACTER}). Standard alphabet only
   * (not URL-safe), padding required.
   */
  static void checkBase64(String t) {
    int len = t.length();
    if (len % 4 != 0) {
      throw serialization(BASE64_LENGTH + len);
    }
    for (int i = 0; i < len; i++) {
      char c = t.charAt(i);
      if (c != '=' && base64Value(c) < 0) {
        throw serialization(BASE64_CHARACTER + "'" + c + "'");
      }
    }
    if (len == 0) {
      return;
    }
    int pad = t.charAt(len - 1) == '=' ? (t.charAt(len - 2) == '=' ? 2 : 1) : 0;
    for (int i = 0; i < len - pad; i++) {
      if (t.charAt(i) == '=') {
        throw serialization(BASE64_LAST_CHARACTER);
      }
    }
    if (pad > 0) {
      int last = base64Value(t.charAt(len - pad - 1));
      // With one pad the last character carries 2 unused bits, with two pads 4; they must be zero.
      int unusedMask = pad == 1 ? 0x3 : 0xF;
      if (last < 0 || (last & unusedMask) != 0) {
        throw serialization(BASE64_LAST_CHARACTER);
      }
    }
  }

  private static int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '+') {
      return 62;
    }
    if (c == '/') {
      return 63;
    }
    return -1;
  }

  /**
   * The {@code SerializationException} for a scalar member of the wrong JSON type, as {@link JsonFields#mismatch}
   * words it but telling fractions apart: the service names a fraction or exponent {@code DECIMAL_VALUE}
   * (dynalite helpers.js, {@code 34.56}; floci's captures, {@code 1e3}), and an array
   * {@code "Unrecognized collection type <javaType>"} (dynalite helpers.js).
   */
  private static DynamoException mismatch(JsonNode n, String expected, String javaType) {
    if (n.isArray()) {
      return serialization("Unrecognized collection type " + javaType);
    }
    if (n.isFloatingPointNumber()) {
      return serialization("DECIMAL_VALUE cannot be converted to " + expected);
    }
    return JsonFields.mismatch(n, expected);
  }

  private static DynamoException serialization(String message) {
    return DynamoException.of(ErrorCode.SERIALIZATION, message);
  }

  /** The validation pass; the JSON types are already checked. */
  private static AttributeValue build(JsonNode node, ValidationWording wording) {
    if (node == null || node.isNull()) {
      // Unconfirmed: the service's answer for a null value in a map or list is not captured; an absent value
      // is what the "empty" text describes.
      throw DynamoException.validation(EMPTY);
    }
    AttributeValue result = null;
    int types = 0;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull()) {
        continue;
      }
      AttributeValue built = buildMember(e.getKey(), v, wording);
      if (built != null) {
        types++;
        result = built;
      }
    }
    if (types == 0) {
      throw DynamoException.validation(EMPTY);
    }
    if (types > 1) {
      throw DynamoException.validation(MORE_THAN_ONE);
    }
    return result;
  }

  /** One type member as its value, or {@code null} for an unknown member. */
  private static AttributeValue buildMember(String type, JsonNode v, ValidationWording wording) {
    switch (type) {
      case "S":
        return new AttributeValue.S(v.textValue());
      case "N":
        return ValueValidation.number(v.textValue(), wording);
      case "B":
        return new AttributeValue.B(Bytes.wrap(Base64.getDecoder().decode(v.textValue())));
      case "BOOL":
        return AttributeValue.Bool.of(booleanOf(v));
      case "NULL":
        return ValueValidation.nullValue(booleanOf(v));
      case "SS": {
        List<String> members = new ArrayList<>(v.size());
        for (JsonNode m : v) {
          if (m.isNull()) {
            throw DynamoException.validation(STRING_SET_NULL_MEMBER);
          }
          members.add(m.textValue());
        }
        return ValueValidation.stringSet(members, wording);
      }
      case "NS": {
        // A null member parses as an empty number: the service's text for a missing number (dynalite checkNum).
        List<String> members = new ArrayList<>(v.size());
        for (JsonNode m : v) {
          members.add(m.isNull() ? "" : m.textValue());
        }
        return ValueValidation.numberSet(members, wording);
      }
      case "BS": {
        List<Bytes> members = new ArrayList<>(v.size());
        for (JsonNode m : v) {
          if (m.isNull()) {
            throw DynamoException.validation(BINARY_SET_NULL_MEMBER);
          }
          members.add(Bytes.wrap(Base64.getDecoder().decode(m.textValue())));
        }
        return ValueValidation.binarySet(members, wording);
      }
      case "L": {
        List<AttributeValue> list = new ArrayList<>(v.size());
        for (JsonNode m : v) {
          list.add(build(m, wording));
        }
        return new AttributeValue.L(list);
      }
      case "M":
        return new AttributeValue.M(buildMap(v, wording));
      default:
        return null;
    }
  }

  private static boolean booleanOf(JsonNode v) {
    return v.isBoolean() ? v.booleanValue() : parseBooleanWord(v.textValue());
  }

  private static Map<String, AttributeValue> buildMap(JsonNode obj, ValidationWording wording) {
    if (obj == null || obj.isNull()) {
      return new LinkedHashMap<>();
    }
    LinkedHashMap<String, AttributeValue> map = new LinkedHashMap<>(Math.max(4, obj.size() * 2));
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      map.put(e.getKey(), build(e.getValue(), wording));
    }
    return map;
  }

  // --------------------------------------------------------------------------------------------- encoding

  /**
   * Writes one attribute value as the service returns it: one type member; numbers as
   * {@link Numbers#format} text (plain, normalized), binaries as standard base64 with padding, maps in their
   * stored order, sets in DynamoDB's member order (kept by {@link AttributeValue.SS} and its siblings),
   * {@code NULL} as {@code true}.
   *
   * @throws IOException from the generator
   */
  public static void write(JsonGenerator g, AttributeValue v) throws IOException {
    g.writeStartObject();
    // Java 17: no pattern matching in switch; a switch on the type enum, then casts.
    switch (v.type()) {
      case S -> g.writeStringField("S", ((AttributeValue.S) v).value());
      case N -> g.writeStringField("N", Numbers.format(((AttributeValue.N) v).value()));
      case B -> {
        g.writeFieldName("B");
        g.writeBinary(((AttributeValue.B) v).value().unsafeArray());
      }
      case BOOL -> g.writeBooleanField("BOOL", ((AttributeValue.Bool) v).value());
      case NULL -> g.writeBooleanField("NULL", true);
      case M -> {
        g.writeFieldName("M");
        writeItem(g, ((AttributeValue.M) v).value());
      }
      case L -> {
        g.writeArrayFieldStart("L");
        for (AttributeValue x : ((AttributeValue.L) v).value()) {
          write(g, x);
        }
        g.writeEndArray();
      }
      case SS -> {
        g.writeArrayFieldStart("SS");
        for (String s : ((AttributeValue.SS) v).value()) {
          g.writeString(s);
        }
        g.writeEndArray();
      }
      case NS -> {
        g.writeArrayFieldStart("NS");
        for (BigDecimal d : ((AttributeValue.NS) v).value()) {
          g.writeString(Numbers.format(d));
        }
        g.writeEndArray();
      }
      case BS -> {
        g.writeArrayFieldStart("BS");
        for (Bytes b : ((AttributeValue.BS) v).value()) {
          g.writeBinary(b.unsafeArray());
        }
        g.writeEndArray();
      }
      default -> throw new IllegalStateException("unknown type " + v.type());
    }
    g.writeEndObject();
  }

  /**
   * Writes a map of attribute values (an item, a key, {@code M}'s content) as a JSON object in the map's
   * order, each value as {@link #write}.
   *
   * @throws IOException from the generator
   */
  public static void writeItem(JsonGenerator g, Map<String, AttributeValue> item) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      g.writeFieldName(e.getKey());
      write(g, e.getValue());
    }
    g.writeEndObject();
  }
}
