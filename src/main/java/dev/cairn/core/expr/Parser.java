package dev.cairn.core.expr;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.expr.Lexer.Token;
import dev.cairn.core.expr.Lexer.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written recursive-descent parser for the three grammars (condition, update, projection).
 *
 * <p>It checks syntax and the errors that depend on the text alone (redundant parentheses, unknown or misused
 * functions, reserved words, duplicate update clauses, list index range, nesting depth, IN size); placeholders
 * stay unresolved, so the result can be cached and bound per request by {@link Binder}. Redundant parentheses
 * fail as soon as they are read; the other findings are reported after a successful syntax parse, in
 * dynalite's order (db/conditionParser.pegjs, db/updateParser.pegjs, whose texts were taken from the service).
 */
final class Parser {
  static final int MAX_EXPRESSION_BYTES = 4096;
  static final int MAX_PATH_DEPTH = 32;
  static final int MAX_IN_OPERANDS = 100;

  /** A parsed update expression and the order its clauses were written in (for error order). */
  record ParsedUpdate(UpdateExpression expression, List<String> clauseOrder) {}

  private final ExpressionKind kind;
  private final String text;
  private final List<Token> tokens;
  private final int[] closing;
  private int pos;

  // The first finding of each kind; reported after a successful syntax parse, in the service's order.
  private String unknownFunction;
  private String misusedFunction;
  private String reserved;
  private String indexRange;
  private String section;
  private String nesting;
  private String inCount;

  private Parser(ExpressionKind kind, String text) {
    this.kind = kind;
    this.text = text;
    this.tokens = Lexer.tokenize(text);
    this.closing = closingParens(tokens);
  }

  // ---------------------------------------------------------------- entry points

  static Condition parseCondition(ExpressionKind kind, String text) {
    if (!kind.isConditionGrammar()) {
      throw new IllegalArgumentException(kind.toString());
    }
    Parser p = start(kind, text);
    Condition c = p.guard(() -> {
      Condition r = p.parseOr();
      p.expectEof();
      return r;
    });
    p.report(p.unknownFunction, p.misusedFunction, p.reserved, p.indexRange, p.nesting, p.inCount);
    return c;
  }

  static ParsedUpdate parseUpdate(String text) {
    Parser p = start(ExpressionKind.UPDATE, text);
    ParsedUpdate u = p.guard(p::parseUpdateSections);
    p.report(p.reserved, p.indexRange, p.unknownFunction, p.section, p.nesting);
    return u;
  }

  static ProjectionExpression parseProjection(String text) {
    Parser p = start(ExpressionKind.PROJECTION, text);
    ProjectionExpression e = p.guard(() -> {
      List<DocumentPath> paths = new ArrayList<>();
      paths.add(p.parsePath());
      while (p.peek().is(",")) {
        p.pos++;
        paths.add(p.parsePath());
      }
      p.expectEof();
      return new ProjectionExpression(paths);
    });
    p.report(p.reserved, p.indexRange, p.nesting);
    return e;
  }

  /** Checks emptiness and size (in that order, before syntax), then tokenizes. */
  private static Parser start(ExpressionKind kind, String text) {
    // Only the empty string is "empty"; blanks are a syntax error at <EOF> (dynalite and DynamoDB Local agree).
    if (text.isEmpty()) {
      throw DynamoException.validation(kind.invalid("The expression can not be empty;"));
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_EXPRESSION_BYTES) {
      // Captured from the service by ExtendDB's dual-target tests (tests/test_expression_size_limit.py): only
      // Condition and Filter expressions append the size.
      String suffix = kind == ExpressionKind.CONDITION || kind == ExpressionKind.FILTER
          ? " expression size: " + bytes : "";
      throw DynamoException.validation(
          kind.invalid("Expression size has exceeded the maximum allowed size;" + suffix));
    }
    return new Parser(kind, text);
  }

  private interface Body<T> {
    T run();
  }

  private <T> T guard(Body<T> body) {
    try {
      return body.run();
    } catch (StackOverflowError e) {
      // Absurd nesting ("((((...") within 4 KB: report it as a syntax error rather than failing the thread.
      throw syntaxError(pos);
    }
  }

  private void report(String... findings) {
    for (String f : findings) {
      if (f != null) {
        throw DynamoException.validation(kind.invalid(f));
      }
    }
  }

  // ---------------------------------------------------------------- condition grammar

  private Condition parseOr() {
    Condition left = parseAnd();
    while (peek().isWord("OR")) {
      pos++;
      left = new Condition.Or(left, parseAnd());
    }
    return left;
  }

  private Condition parseAnd() {
    Condition left = parseNot();
    while (peek().isWord("AND")) {
      pos++;
      left = new Condition.And(left, parseNot());
    }
    return left;
  }

  private Condition parseNot() {
    if (peek().isWord("NOT")) {
      pos++;
      return new Condition.Not(parseNot());
    }
    return parsePrimary();
  }

  private Condition parsePrimary() {
    if (peek().is("(")) {
      int close = matching(pos);
      if (close < 0 || !startsComparison(close + 1)) {
        // A parenthesized condition. "((c))" is rejected by the service as redundant.
        pos++;
        boolean redundant = peek().is("(") && close > 0 && matching(pos) == close - 1;
        Condition c = parseOr();
        expect(")");
        redundantParens(redundant);
        return c;
      }
    }
    return parseComparison();
  }

  private boolean startsComparison(int i) {
    Token t = tokens.get(Math.min(i, tokens.size() - 1));
    return (t.type() == Type.PUNCT && Comparator.fromSymbol(t.text()) != null)
        || t.isWord("BETWEEN") || t.isWord("IN");
  }

  private Condition parseComparison() {
    boolean bareFunction = peek().type() == Type.NAME && tokens.get(pos + 1).is("(");
    Operand left = parseOperandParens();
    Token t = peek();
    Comparator cmp = t.type() == Type.PUNCT ? Comparator.fromSymbol(t.text()) : null;
    if (cmp != null) {
      pos++;
      Operand right = parseOperandParens();
      checkMisused(List.of(left, right));
      return new Condition.Compare(cmp, left, right);
    }
    if (t.isWord("BETWEEN")) {
      pos++;
      Operand lower = parseOperandParens();
      expectWord("AND");
      Operand upper = parseOperandParens();
      checkMisused(List.of(left, lower, upper));
      return new Condition.Between(left, lower, upper);
    }
    if (t.isWord("IN")) {
      pos++;
      expect("(");
      List<Operand> list = parseArguments();
      expect(")");
      List<Operand> all = new ArrayList<>();
      all.add(left);
      all.addAll(list);
      checkMisused(all);
      if (list.size() > MAX_IN_OPERANDS && inCount == null) {
        // Text as reported by the service (quoted by several emulators' tests, e.g. ScyllaDB's).
        inCount = "The IN operator is provided with too many operands; number of operands: " + list.size();
      }
      return new Condition.In(left, list);
    }
    if (bareFunction && left instanceof Operand.Call call) {
      if (call.fn() == FunctionName.SIZE) {
        noteMisused(FunctionName.SIZE.text());
      }
      return new Condition.Function(call.fn(), call.args());
    }
    throw syntaxError(pos);
  }

  private void checkMisused(List<Operand> operands) {
    for (Operand o : operands) {
      if (o instanceof Operand.Call c && c.fn() != FunctionName.SIZE) {
        noteMisused(c.fn().text());
      }
    }
  }

  private List<Operand> parseArguments() {
    List<Operand> args = new ArrayList<>();
    args.add(parseOperandParens());
    while (peek().is(",")) {
      pos++;
      args.add(parseOperandParens());
    }
    return args;
  }

  private Operand parseOperandParens() {
    if (peek().is("(")) {
      int close = matching(pos);
      pos++;
      boolean redundant = peek().is("(") && close > 0 && matching(pos) == close - 1;
      Operand o = parseOperandParens();
      expect(")");
      redundantParens(redundant);
      return o;
    }
    return parseOperand();
  }

  private Operand parseOperand() {
    Token t = peek();
    if (t.type() == Type.VALUE_REF) {
      pos++;
      return new Operand.ValueRef(t.text());
    }
    if (t.type() == Type.NAME && !isKeyword(t) && tokens.get(pos + 1).is("(")) {
      pos += 2;
      List<Operand> args = kind == ExpressionKind.UPDATE ? parseUpdateArguments() : parseArguments();
      expect(")");
      FunctionName fn = FunctionName.fromText(t.text());
      boolean known = fn != null && (kind == ExpressionKind.UPDATE) != fn.isConditionFunction();
      if (!known) {
        if (unknownFunction == null) {
          // A function of the other grammar has its own text (quoted alike by several emulators' tests).
          unknownFunction = fn == null ? "Invalid function name; function: " + t.text()
              : kind == ExpressionKind.UPDATE
                  ? "The function is not allowed in an update expression; function: " + t.text()
                  : "The function is not allowed in a condition expression; function: " + t.text();
        }
        fn = kind == ExpressionKind.UPDATE ? FunctionName.IF_NOT_EXISTS : FunctionName.SIZE;
      } else if (kind != ExpressionKind.UPDATE) {
        // Only size may be nested in another function's arguments.
        checkMisused(args);
      }
      return new Operand.Call(fn, args);
    }
    return new Operand.Path(parsePath());
  }

  // ---------------------------------------------------------------- document paths

  private DocumentPath parsePath() {
    List<PathElement> elements = new ArrayList<>();
    elements.add(parsePathName());
    while (true) {
      if (peek().is("[")) {
        pos++;
        Token n = peek();
        if (n.type() != Type.NUMBER) {
          throw syntaxError(pos);
        }
        int index;
        try {
          index = Integer.parseInt(n.text());
        } catch (NumberFormatException e) {
          index = 0;
          if (indexRange == null) {
            indexRange = "List index is not within the allowable range; index: [" + n.text() + "]";
          }
        }
        pos++;
        expect("]");
        elements.add(new PathElement.Index(index));
      } else if (peek().is(".")) {
        pos++;
        elements.add(parsePathName());
      } else {
        break;
      }
    }
    if (elements.size() > MAX_PATH_DEPTH && nesting == null) {
      // Text from ScyllaDB Alternator's test suite (test_projection_expression.py), quoting the service.
      nesting = "The document path has too many nesting levels; nesting levels: " + elements.size();
    }
    return new DocumentPath(elements);
  }

  private PathElement parsePathName() {
    Token t = peek();
    if (t.type() == Type.NAME_REF) {
      pos++;
      return new PathElement.NameRef(t.text());
    }
    if (t.type() == Type.NAME && !isKeyword(t)) {
      pos++;
      if (reserved == null && ReservedWords.isReserved(t.text())) {
        reserved = "Attribute name is a reserved keyword; reserved keyword: " + t.text();
      }
      return new PathElement.Name(t.text());
    }
    throw syntaxError(pos);
  }

  /**
   * The nine keywords of both grammars. They are never names, in any expression: where a name is expected they
   * are a syntax error, not a reserved word (DynamoDB Local behaves so, per an emulator checked against it).
   */
  private static boolean isKeyword(Token t) {
    return t.isWord("AND") || t.isWord("OR") || t.isWord("NOT") || t.isWord("BETWEEN") || t.isWord("IN")
        || isClauseKeyword(t);
  }

  private static boolean isClauseKeyword(Token t) {
    return t.isWord("SET") || t.isWord("REMOVE") || t.isWord("ADD") || t.isWord("DELETE");
  }

  // ---------------------------------------------------------------- update grammar

  private ParsedUpdate parseUpdateSections() {
    List<UpdateExpression.SetAction> set = new ArrayList<>();
    List<DocumentPath> remove = new ArrayList<>();
    List<UpdateExpression.AddAction> add = new ArrayList<>();
    List<UpdateExpression.DeleteAction> delete = new ArrayList<>();
    List<String> order = new ArrayList<>();
    do {
      Token t = peek();
      String clause = isClauseKeyword(t) ? t.text().toUpperCase(java.util.Locale.ROOT) : null;
      if (clause == null) {
        throw syntaxError(pos);
      }
      pos++;
      if (order.contains(clause)) {
        if (section == null) {
          section = "The \"" + clause + "\" section can only be used once in an update expression;";
        }
      } else {
        order.add(clause);
      }
      do {
        switch (clause) {
          case "SET" -> {
            DocumentPath path = parsePath();
            expect("=");
            set.add(new UpdateExpression.SetAction(path, parseSetValue()));
          }
          case "REMOVE" -> remove.add(parsePath());
          case "ADD" -> {
            DocumentPath path = parsePath();
            add.add(new UpdateExpression.AddAction(path, parseValueRef()));
          }
          default -> {
            DocumentPath path = parsePath();
            delete.add(new UpdateExpression.DeleteAction(path, parseValueRef()));
          }
        }
      } while (acceptComma());
    } while (peek().type() != Type.EOF);
    return new ParsedUpdate(new UpdateExpression(set, remove, add, delete), order);
  }

  private boolean acceptComma() {
    if (peek().is(",")) {
      pos++;
      return true;
    }
    return false;
  }

  private Operand parseValueRef() {
    Token t = peek();
    if (t.type() != Type.VALUE_REF) {
      throw syntaxError(pos);
    }
    pos++;
    return new Operand.ValueRef(t.text());
  }

  /**
   * {@code operand [(+|-) operand]}; an operand may be parenthesized, and so may the whole value: the service
   * accepts {@code SET c = (c - :v)} (conformance suite, tier1/updateItem/basic.test.ts, captured against
   * DynamoDB), although DynamoDB Local reportedly refuses it. Double parentheses are still redundant.
   */
  private Operand parseSetValue() {
    if (peek().is("(")) {
      int close = matching(pos);
      boolean wholeValue = close > 0 && !tokens.get(close + 1).is("+") && !tokens.get(close + 1).is("-");
      if (wholeValue) {
        pos++;
        boolean redundant = peek().is("(") && matching(pos) == close - 1;
        Operand inner = parseSetValue();
        expect(")");
        redundantParens(redundant);
        return inner;
      }
    }
    Operand left = parseUpdateOperandParens();
    Token t = peek();
    if (t.is("+") || t.is("-")) {
      pos++;
      return new Operand.Arithmetic(t.text(), left, parseUpdateOperandParens());
    }
    return left;
  }

  private List<Operand> parseUpdateArguments() {
    List<Operand> args = new ArrayList<>();
    args.add(parseUpdateOperandParens());
    while (peek().is(",")) {
      pos++;
      args.add(parseUpdateOperandParens());
    }
    return args;
  }

  private Operand parseUpdateOperandParens() {
    if (peek().is("(")) {
      int close = matching(pos);
      pos++;
      boolean redundant = peek().is("(") && close > 0 && matching(pos) == close - 1;
      Operand o = parseUpdateOperandParens();
      expect(")");
      redundantParens(redundant);
      return o;
    }
    return parseOperand();
  }

  // ---------------------------------------------------------------- helpers

  private Token peek() {
    return tokens.get(pos);
  }

  private void expect(String punct) {
    if (!peek().is(punct)) {
      throw syntaxError(pos);
    }
    pos++;
  }

  private void expectWord(String word) {
    if (!peek().isWord(word)) {
      throw syntaxError(pos);
    }
    pos++;
  }

  private void expectEof() {
    if (peek().type() != Type.EOF) {
      throw syntaxError(pos);
    }
  }

  /** The index of the ")" closing the "(" at {@code open}, or -1. */
  private int matching(int open) {
    return closing[open];
  }

  /** For each "(" token, the index of its ")" (or -1); computed once, so lookahead stays linear. */
  private static int[] closingParens(List<Token> tokens) {
    int[] out = new int[tokens.size()];
    java.util.Arrays.fill(out, -1);
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("(")) {
        open.push(i);
      } else if (t.is(")") && !open.isEmpty()) {
        out[open.pop()] = i;
      }
    }
    return out;
  }

  /**
   * Two parentheses straight around the same thing are refused as soon as the outer one closes, before any
   * later syntax error (observed on DynamoDB Local by an emulator's author; dynalite reports it first too).
   */
  private void redundantParens(boolean redundant) {
    if (redundant) {
      throw DynamoException.validation(kind.invalid("The expression has redundant parentheses;"));
    }
  }

  private void noteMisused(String function) {
    if (misusedFunction == null) {
      misusedFunction = "The function is not allowed to be used this way in an expression; function: " + function;
    }
  }

  /**
   * The service's syntax error: the token where parsing stopped, and the source from the start of the token
   * before it to the end of the token after it (the whole rest for {@code <EOF>}), e.g. {@code Syntax error;
   * token: "<EOF>", near: "= "} for {@code SET a = }.
   */
  private DynamoException syntaxError(int at) {
    at = Math.min(at, tokens.size() - 1);
    Token tok = tokens.get(at);
    int from = at > 0 ? tokens.get(at - 1).start() : 0;
    int to = at + 1 < tokens.size() ? tokens.get(at + 1).end() : text.length();
    if (tok.type() == Type.EOF) {
      to = text.length();
    }
    return DynamoException.validation(kind.invalid(
        "Syntax error; token: \"" + tok.text() + "\", near: \"" + text.substring(from, to) + "\""));
  }
}
