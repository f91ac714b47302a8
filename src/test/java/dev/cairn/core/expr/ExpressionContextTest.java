package dev.cairn.core.expr;

import static dev.cairn.core.expr.Av.assertValidation;
import static dev.cairn.core.expr.Av.item;
import static dev.cairn.core.expr.Av.n;
import static dev.cairn.core.expr.Av.names;
import static dev.cairn.core.expr.Av.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One request's names and values across several expressions, and the parsed-expression cache. */
class ExpressionContextTest {
  @Test
  void context_emptyNames_throwsValidation() {
    assertValidation("ExpressionAttributeNames must not be empty", () -> ExpressionContext.of(Map.of(), null));
  }

  @Test
  void context_emptyValues_throwsValidation() {
    assertValidation("ExpressionAttributeValues must not be empty", () -> ExpressionContext.of(null, Map.of()));
  }

  @Test
  void context_invalidKeys_throwValidation() {
    assertValidation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"n\"",
        () -> ExpressionContext.of(names("n", "x"), null));
    assertValidation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"#v\"",
        () -> ExpressionContext.of(null, item("#v", s("x"))));
  }

  @Test
  void checkUnused_unusedName_throwsValidation() {
    ExpressionContext ctx = ExpressionContext.of(names("#a", "a", "#n", "x", "#m", "y"), item(":v", s("x")));
    ctx.condition(ExpressionKind.CONDITION, "#a = :v");
    // Listed in java.util.HashSet order, as the service lists them.
    assertValidation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#m, #n}",
        ctx::checkUnused);
  }

  @Test
  void checkUnused_unusedValue_throwsValidation() {
    ExpressionContext ctx = ExpressionContext.of(null, item(":v", s("x"), ":x", s("y")));
    ctx.condition(ExpressionKind.CONDITION, "a = :v");
    assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}",
        ctx::checkUnused);
  }

  @Test
  void checkUnused_namesCheckedBeforeValues() {
    ExpressionContext ctx = ExpressionContext.of(names("#n", "x"), item(":x", s("y")));
    ctx.projection("a");
    assertValidation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}",
        ctx::checkUnused);
  }

  @Test
  void checkUnused_spansAllExpressionsOfTheRequest() {
    ExpressionContext ctx = ExpressionContext.of(names("#c", "c", "#u", "u"), item(":one", n("1"), ":c", s("c")));
    ctx.update("SET #u = :one");
    ctx.condition(ExpressionKind.CONDITION, "#c = :c");
    ctx.checkUnused();
    assertEquals(Set.of("#c", "#u"), ctx.usedNames());
    assertEquals(Set.of(":one", ":c"), ctx.usedValues());
  }

  @Test
  void cache_sameText_parsesOnceAndBindsPerRequest() {
    ExpressionCache cache = new ExpressionCache(8);
    Condition a = ExpressionContext.of(names("#k", "x"), item(":v", s("1")), cache)
        .condition(ExpressionKind.CONDITION, "#k = :v");
    Condition b = ExpressionContext.of(names("#k", "y"), item(":v", s("2")), cache)
        .condition(ExpressionKind.CONDITION, "#k = :v");
    assertEquals(1, cache.misses());
    assertEquals(1, cache.hits());
    assertEquals(new Condition.Compare(Comparator.EQ, new Operand.Path(DocumentPath.of("x")),
        new Operand.Value(s("1"))), a);
    assertEquals(new Condition.Compare(Comparator.EQ, new Operand.Path(DocumentPath.of("y")),
        new Operand.Value(s("2"))), b);
  }

  @Test
  void cache_kindIsPartOfTheKey() {
    ExpressionCache cache = new ExpressionCache(8);
    ExpressionContext.of(null, item(":v", s("1")), cache).condition(ExpressionKind.CONDITION, "a = :v");
    ExpressionContext.of(null, item(":v", s("1")), cache).condition(ExpressionKind.FILTER, "a = :v");
    assertEquals(2, cache.size());
  }

  @Test
  void cache_isBoundedLeastRecentlyUsed() {
    ExpressionCache cache = new ExpressionCache(2);
    ExpressionContext ctx = ExpressionContext.of(null, null, cache);
    ctx.projection("a");
    ctx.projection("b");
    ctx.projection("a");
    ctx.projection("c");
    assertEquals(2, cache.size());
    ctx.projection("a");
    assertEquals(2, cache.hits());
  }

  @Test
  void cache_failedParse_isNotCachedAndFailsAgain() {
    ExpressionCache cache = new ExpressionCache(8);
    for (int i = 0; i < 2; i++) {
      assertValidation("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
          () -> ExpressionContext.of(null, null, cache).projection("a,"));
    }
    assertEquals(0, cache.size());
  }

  @Test
  void cache_returnsTheSameImmutableParse() {
    ExpressionCache cache = new ExpressionCache(8);
    Object first = cache.get(ExpressionKind.PROJECTION, "a", Parser::parseProjection);
    assertSame(first, cache.get(ExpressionKind.PROJECTION, "a", Parser::parseProjection));
  }

  @Test
  void reservedWords_fullListIsEmbedded() {
    assertEquals(573, ReservedWords.size());
    assertEquals(true, ReservedWords.isReserved("Status"));
    assertEquals(true, ReservedWords.isReserved("zone"));
    assertEquals(false, ReservedWords.isReserved("statuses"));
  }

  @Test
  void context_emptyNameOrLongKey_throwValidation() {
    assertValidation("ExpressionAttributeNames contains invalid value: Empty attribute name for key #n",
        () -> ExpressionContext.of(names("#n", ""), null));
    String longKey = "#" + "k".repeat(255);
    assertValidation("ExpressionAttributeNames contains invalid key: The expression attribute map contains a key "
        + "that is too long; size of key: 256", () -> ExpressionContext.of(names(longKey, "x"), null));
  }

  @Test
  void keyChecks_updateOfKeyAttribute_throwsValidation() {
    UpdateExpression u = ExpressionContext.of(names("#k", "pk"), item(":v", s("x"))).update("SET #k = :v");
    assertValidation("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part "
        + "of the key", () -> KeyChecks.checkUpdateLeavesKeys(u, new KeyAttributes("pk", "sk")));
    KeyChecks.checkUpdateLeavesKeys(u, new KeyAttributes("id", null));
  }

  @Test
  void keyChecks_filterOnKeyAttribute_throwsValidation() {
    Condition f = ExpressionContext.of(null, item(":v", s("x"))).condition(ExpressionKind.FILTER,
        "a = :v AND begins_with(sk, :v)");
    assertValidation("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
        () -> KeyChecks.checkFilterAvoidsKeys(f, new KeyAttributes("pk", "sk")));
    KeyChecks.checkFilterAvoidsKeys(f, KeyAttributes.hashOnly("pk"));
  }

  @Test
  void referencedAttributes_listTopLevelNamesInOrder() {
    ExpressionContext ctx = ExpressionContext.of(names("#s", "status"), item(":v", s("x"), ":one", n("1")));
    Condition c = ctx.condition(ExpressionKind.CONDITION, "#s.a = :v AND (size(b[0]) > :one OR contains(c, :v))");
    assertEquals(java.util.List.of("status", "b", "c"), java.util.List.copyOf(ReferencedAttributes.of(c)));
    UpdateExpression u = ctx.update("SET x = y + :one REMOVE z");
    assertEquals(java.util.List.of("x", "y", "z"), java.util.List.copyOf(ReferencedAttributes.of(u)));
  }

  @Test
  void cache_concurrentUse_staysBoundedAndCorrect() throws Exception {
    ExpressionCache cache = new ExpressionCache(16);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            String attr = "a" + (i % 40);
            ProjectionExpression p = ExpressionContext.of(null, null, cache).projection(attr);
            assertEquals(DocumentPath.of(attr), p.paths().get(0));
          }
        }));
      }
      for (java.util.concurrent.Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(true, cache.size() <= 16);
    assertEquals(2000, cache.hits() + cache.misses());
  }
}
