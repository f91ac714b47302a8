package dev.cairn.core.expr;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.model.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The expressions of one request, parsed and bound against its ExpressionAttributeNames and
 * ExpressionAttributeValues, with a record of which names and values they used.
 *
 * <p>Use: build one context per request, parse each expression the request carries in DynamoDB's order (for
 * UpdateItem: UpdateExpression, then ConditionExpression; for Query: KeyConditionExpression, FilterExpression,
 * ProjectionExpression), then call {@link #checkUnused()} once, because the unused check spans all of them:
 *
 * <pre>{@code
 * ExpressionContext ctx = ExpressionContext.of(names, values, cache);
 * UpdateExpression update = ctx.update(updateText);
 * Condition condition = ctx.condition(ExpressionKind.CONDITION, conditionText);
 * ctx.checkUnused();
 * }</pre>
 *
 * <p>Every method throws {@link DynamoException} (ValidationException) with the service's text. Not
 * thread-safe: one request, one thread. Source: DynamoDB Developer Guide, "Expression attribute names" and
 * "Expression attribute values"; error texts from dynalite (validations/index.js).
 */
public final class ExpressionContext {
  private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
  private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");
  // Placeholder keys longer than this are rejected; the texts below come from an emulator modelled closely on
  // the service (not from dynalite), so they are less certain than the others.
  private static final int MAX_KEY_BYTES = 255;

  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final ExpressionCache cache;
  private final Set<String> usedNames = new HashSet<>();
  private final Set<String> usedValues = new HashSet<>();

  private ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values, ExpressionCache cache) {
    this.names = names == null ? Map.of() : new LinkedHashMap<>(names);
    this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    this.cache = cache;
  }

  /** A context without a cache; see {@link #of(Map, Map, ExpressionCache)}. */
  public static ExpressionContext of(Map<String, String> names, Map<String, AttributeValue> values) {
    return of(names, values, null);
  }

  /**
   * A context for one request.
   *
   * @param names ExpressionAttributeNames, or {@code null} when the request has none
   * @param values ExpressionAttributeValues (already validated as attribute values), or {@code null}
   * @param cache where parsed expressions are shared across requests, or {@code null} to parse every time
   * @throws DynamoException "ExpressionAttributeNames must not be empty", "ExpressionAttributeNames contains
   *     invalid key: Syntax error; key: "x"" (or a key over 255 bytes, or an empty name), then the same for
   *     ExpressionAttributeValues
   */
  public static ExpressionContext of(
      Map<String, String> names, Map<String, AttributeValue> values, ExpressionCache cache) {
    if (names != null) {
      if (names.isEmpty()) {
        throw DynamoException.validation("ExpressionAttributeNames must not be empty");
      }
      for (Map.Entry<String, String> e : names.entrySet()) {
        String k = e.getKey();
        int bytes = k.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
          throw DynamoException.validation("ExpressionAttributeNames contains invalid key: The expression attribute "
              + "map contains a key that is too long; size of key: " + bytes);
        }
        if (!NAME_KEY.matcher(k).matches()) {
          throw DynamoException.validation(
              "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + k + "\"");
        }
        if (e.getValue() == null || e.getValue().isEmpty()) {
          throw DynamoException.validation(
              "ExpressionAttributeNames contains invalid value: Empty attribute name for key " + k);
        }
      }
    }
    if (values != null) {
      if (values.isEmpty()) {
        throw DynamoException.validation("ExpressionAttributeValues must not be empty");
      }
      for (String k : values.keySet()) {
        if (k.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
          throw DynamoException.validation("ExpressionAttributeValues contains invalid key: The expression attribute "
              + "map contains a key that is too long;");
        }
        if (!VALUE_KEY.matcher(k).matches()) {
          throw DynamoException.validation(
              "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + k + "\"");
        }
      }
    }
    return new ExpressionContext(names, values, cache);
  }

  /**
   * Parses and binds a condition, filter or key-condition expression.
   *
   * @param kind {@code CONDITION}, {@code FILTER} or {@code KEY_CONDITION}: names the parameter in errors
   * @return the bound condition, ready for {@link ConditionEvaluator#evaluate}
   * @throws DynamoException syntax and semantic errors, e.g. {@code Invalid ConditionExpression: Syntax error;
   *     token: "=", near: "a = = b"}
   */
  public Condition condition(ExpressionKind kind, String text) {
    Condition parsed = parse(kind, text, t -> Parser.parseCondition(kind, t));
    return new Binder(kind, this).bindCondition(parsed);
  }

  /**
   * Parses and binds an update expression; the result is ready for {@link UpdateApplier#apply}.
   *
   * @throws DynamoException syntax and semantic errors, including overlapping or conflicting paths and operand
   *     types known from the values ({@code operator: ADD, operand type: STRING})
   */
  public UpdateExpression update(String text) {
    Parser.ParsedUpdate parsed = parse(ExpressionKind.UPDATE, text, Parser::parseUpdate);
    return new Binder(ExpressionKind.UPDATE, this).bindUpdate(parsed);
  }

  /**
   * Parses and binds a projection expression; the result is ready for {@link Projector#project}.
   *
   * @throws DynamoException syntax errors, undefined names, overlapping paths
   */
  public ProjectionExpression projection(String text) {
    ProjectionExpression parsed = parse(ExpressionKind.PROJECTION, text, Parser::parseProjection);
    return new Binder(ExpressionKind.PROJECTION, this).bindProjection(parsed);
  }

  /**
   * Parses, binds and decomposes a key condition expression against the key schema of the table or index
   * queried.
   *
   * @throws DynamoException the condition-grammar errors prefixed {@code Invalid KeyConditionExpression: },
   *     then the key-schema errors ("Query condition missed key schema element: sk", "Query key condition not
   *     supported")
   */
  public KeyCondition keyCondition(String text, KeyAttributes schema) {
    Condition bound = condition(ExpressionKind.KEY_CONDITION, text);
    return KeyConditions.decompose(bound, schema);
  }

  /**
   * Fails when the request defined names or values that none of its expressions used: names are checked
   * first. Call once, after every expression of the request was parsed.
   *
   * @throws DynamoException "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}"
   *     or the same for ExpressionAttributeValues
   */
  public void checkUnused() {
    List<String> unusedNames = unused(names.keySet(), usedNames);
    if (!unusedNames.isEmpty()) {
      throw DynamoException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
          + String.join(", ", unusedNames) + "}");
    }
    List<String> unusedValues = unused(values.keySet(), usedValues);
    if (!unusedValues.isEmpty()) {
      throw DynamoException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
          + String.join(", ", unusedValues) + "}");
    }
  }

  /**
   * The unused keys in the order the service lists them: it is written in Java and lists a HashSet built from
   * all the keys, minus the used ones (an emulator modelled on the service found the same order), so a
   * java.util.HashSet made the same way gives the same order.
   */
  private static List<String> unused(Set<String> all, Set<String> used) {
    Set<String> unused = new HashSet<>(all);
    unused.removeAll(used);
    return new ArrayList<>(unused);
  }

  /** The placeholders of ExpressionAttributeNames used so far. */
  public Set<String> usedNames() {
    return Set.copyOf(usedNames);
  }

  /** The placeholders of ExpressionAttributeValues used so far. */
  public Set<String> usedValues() {
    return Set.copyOf(usedValues);
  }

  private <T> T parse(ExpressionKind kind, String text, java.util.function.Function<String, T> parser) {
    return cache == null ? parser.apply(text) : cache.get(kind, text, parser);
  }

  String resolveName(String placeholder) {
    String v = names.get(placeholder);
    if (v != null) {
      usedNames.add(placeholder);
    }
    return v;
  }

  AttributeValue resolveValue(String placeholder) {
    AttributeValue v = values.get(placeholder);
    if (v != null) {
      usedValues.add(placeholder);
    }
    return v;
  }
}
