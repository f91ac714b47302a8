package dev.cairn.core.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The storage form of an item: DynamoDB JSON text, as the service's own wire shape
 * ({@code {"a":{"S":"x"},"n":{"N":"1.5"},"b":{"B":"AAE="},"m":{"M":{...}},"l":{"L":[...]},
 * "ss":{"SS":["a"]},"ns":{"NS":["1"]},"bs":{"BS":["AA=="]},"t":{"BOOL":true},"z":{"NULL":true}}}).
 *
 * <p>Items are kept in PostgreSQL {@code jsonb} so an operator can read them with {@code psql}; {@code jsonb}
 * cannot hold U+0000 (nor an unpaired surrogate), so such items go to a text column instead (see
 * {@link #containsNul} and {@link #requiresText}). {@link #read} therefore accepts both this class's compact
 * output and {@code jsonb}'s re-rendering of it (spaces after {@code :} and {@code ,}, keys reordered).
 *
 * <p>Shapes: numbers are written with {@link Numbers#format} (plain notation, normalized), binaries as
 * standard base64 with padding, strings JSON-escaped with every control character escaped ({@code \n} and
 * friends where JSON has a short form, <code>&#92;u00XX</code> otherwise, so U+0000 is <code>&#92;u0000</code>) and unpaired
 * surrogates written as <code>&#92;uXXXX</code> escapes, which {@link #read} turns back into the same chars. All other
 * characters are written as themselves. Pure JDK; thread-safe (stateless). Source of the shape: DynamoDB API
 * Reference, "AttributeValue".
 */
public final class ItemJson {
  /**
   * Deepest value nesting {@link #read} accepts. DynamoDB allows 32 levels of nesting; the margin keeps a
   * corrupt row from overflowing the stack while never refusing a stored item.
   */
  static final int MAX_READ_DEPTH = 64;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ItemJson() {}

  // ------------------------------------------------------------------------------------------------ write

  /**
   * The DynamoDB JSON text of {@code item}: one object, attributes in the map's iteration order, no
   * whitespace.
   *
   * @param item the attributes; neither names nor values may be null
   * @return the text; it holds <code>&#92;u0000</code> escapes when {@link #containsNul} is true
   * @throws NullPointerException when a name or value is null
   */
  public static String write(Map<String, AttributeValue> item) {
    StringBuilder sb = new StringBuilder(64 + 48 * item.size());
    writeMap(sb, item);
    return sb.toString();
  }

  private static void writeMap(StringBuilder sb, Map<String, AttributeValue> map) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      writeString(sb, e.getKey());
      sb.append(':');
      writeValue(sb, e.getValue());
    }
    sb.append('}');
  }

  private static void writeValue(StringBuilder sb, AttributeValue v) {
    // Java 17: no pattern matching in switch, so a type switch on the enum, then casts.
    switch (v.type()) {
      case S -> {
        sb.append("{\"S\":");
        writeString(sb, ((AttributeValue.S) v).value());
      }
      case N -> {
        sb.append("{\"N\":\"");
        sb.append(Numbers.format(((AttributeValue.N) v).value()));
        sb.append('"');
      }
      case B -> {
        sb.append("{\"B\":\"");
        appendBase64(sb, ((AttributeValue.B) v).value());
        sb.append('"');
      }
      case BOOL -> sb.append(((AttributeValue.Bool) v).value() ? "{\"BOOL\":true" : "{\"BOOL\":false");
      case NULL -> sb.append("{\"NULL\":true");
      case M -> {
        sb.append("{\"M\":");
        writeMap(sb, ((AttributeValue.M) v).value());
      }
      case L -> {
        sb.append("{\"L\":[");
        List<AttributeValue> list = ((AttributeValue.L) v).value();
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          writeValue(sb, list.get(i));
        }
        sb.append(']');
      }
      case SS -> {
        sb.append("{\"SS\":[");
        boolean first = true;
        for (String s : ((AttributeValue.SS) v).value()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          writeString(sb, s);
        }
        sb.append(']');
      }
      case NS -> {
        sb.append("{\"NS\":[");
        boolean first = true;
        for (BigDecimal d : ((AttributeValue.NS) v).value()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          sb.append('"').append(Numbers.format(d)).append('"');
        }
        sb.append(']');
      }
      case BS -> {
        sb.append("{\"BS\":[");
        boolean first = true;
        for (Bytes b : ((AttributeValue.BS) v).value()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          sb.append('"');
          appendBase64(sb, b);
          sb.append('"');
        }
        sb.append(']');
      }
      default -> throw new IllegalStateException("unknown type " + v.type());
    }
    sb.append('}');
  }

  private static void appendBase64(StringBuilder sb, Bytes b) {
    // encode() gives ASCII bytes; appending them as chars avoids an intermediate String.
    byte[] enc = Base64.getEncoder().encode(b.unsafeArray());
    sb.ensureCapacity(sb.length() + enc.length);
    for (byte x : enc) {
      sb.append((char) x);
    }
  }

  /** Appends {@code s} as a JSON string literal; runs of plain characters are copied in one call. */
  static void writeString(StringBuilder sb, String s) {
    sb.append('"');
    int n = s.length();
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a valid pair is written as itself
        continue;
      }
      sb.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> // other controls and unpaired surrogates
            sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
      }
    }
    sb.append(s, run, n);
    sb.append('"');
  }

  // ------------------------------------------------------------------------------------------------- scan

  /**
   * Whether any string of {@code item} holds U+0000: an attribute name at any depth, an {@code S} value or an
   * {@code SS} member. PostgreSQL {@code jsonb} refuses <code>&#92;u0000</code>, so such items are stored as text.
   */
  public static boolean containsNul(Map<String, AttributeValue> item) {
    return anyString(item, ItemJson::hasNul);
  }

  /**
   * Whether {@code item} cannot be stored in {@code jsonb} and must go to the text column: it
   * {@link #containsNul contains U+0000}, or a string holds an unpaired surrogate ({@code jsonb} refuses a lone
   * <code>&#92;uD800</code> escape, and written raw it would not survive UTF-8 encoding). Jackson accepts lone
   * surrogate escapes in request JSON, so such strings can reach storage.
   */
  public static boolean requiresText(Map<String, AttributeValue> item) {
    return anyString(item, s -> hasNul(s) || hasUnpairedSurrogate(s));
  }

  private interface StringTest {
    boolean test(String s);
  }

  private static boolean hasNul(String s) {
    return s.indexOf('\0') >= 0;
  }

  static boolean hasUnpairedSurrogate(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyString(Map<String, AttributeValue> map, StringTest t) {
    for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
      if (t.test(e.getKey()) || anyString(e.getValue(), t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyString(AttributeValue v, StringTest t) {
    if (v instanceof AttributeValue.S s) {
      return t.test(s.value());
    } else if (v instanceof AttributeValue.SS ss) {
      for (String s : ss.value()) {
        if (t.test(s)) {
          return true;
        }
      }
    } else if (v instanceof AttributeValue.M m) {
      return anyString(m.value(), t);
    } else if (v instanceof AttributeValue.L l) {
      for (AttributeValue x : l.value()) {
        if (anyString(x, t)) {
          return true;
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------------------------- read

  /**
   * Parses DynamoDB JSON text written by {@link #write}, or {@code jsonb}'s rendering of it: any JSON
   * whitespace between tokens, members in any order, <code>&#92;uXXXX</code> escapes (surrogate pairs included) and
   * the short escapes, {@code \/} included.
   *
   * <p>The input is trusted (Cairn wrote it), so numbers are not range-checked again and sets are not checked
   * for duplicates; a set member repeated in the text is kept once.
   *
   * @param json the text of one item object
   * @return a new mutable map in the text's attribute order
   * @throws IllegalArgumentException when the text is not this shape (malformed JSON, an unknown type
   *     descriptor, a value object without exactly one member, invalid base64, nesting deeper than 64
   *     levels, trailing content); the message gives the character offset
   */
  public static Map<String, AttributeValue> read(String json) {
    Reader r = new Reader(json);
    r.skipWs();
    Map<String, AttributeValue> item = r.readMap(0);
    r.skipWs();
    if (r.pos != json.length()) {
      throw r.error("trailing content");
    }
    return item;
  }

  /** A cursor over the text; one per call, not shared. */
  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("item JSON: " + what + " at offset " + pos);
    }

    void skipWs() {
      int n = s.length();
      while (pos < n) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
          pos++;
        } else {
          return;
        }
      }
    }

    void expect(char c) {
      skipWs();
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    /** Consumes {@code c} after optional whitespace when it is next; otherwise leaves the cursor there. */
    boolean consume(char c) {
      skipWs();
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    Map<String, AttributeValue> readMap(int depth) {
      expect('{');
      LinkedHashMap<String, AttributeValue> map = new LinkedHashMap<>();
      if (consume('}')) {
        return map;
      }
      do {
        skipWs();
        String name = readString();
        expect(':');
        map.put(name, readValue(depth + 1));
      } while (consume(','));
      expect('}');
      return map;
    }

    AttributeValue readValue(int depth) {
      if (depth > MAX_READ_DEPTH) {
        throw error("nesting deeper than " + MAX_READ_DEPTH);
      }
      expect('{');
      skipWs();
      String type = readString();
      expect(':');
      skipWs();
      AttributeValue v;
      switch (type) {
        case "S" -> v = new AttributeValue.S(readString());
        case "N" -> v = new AttributeValue.N(readNumber());
        case "B" -> v = new AttributeValue.B(readBytes());
        case "BOOL" -> v = AttributeValue.Bool.of(readBoolean());
        case "NULL" -> {
          readBoolean();
          v = AttributeValue.Null.INSTANCE;
        }
        case "M" -> v = new AttributeValue.M(readMap(depth));
        case "L" -> {
          List<AttributeValue> list = new ArrayList<>();
          expect('[');
          if (!consume(']')) {
            do {
              list.add(readValue(depth + 1));
            } while (consume(','));
            expect(']');
          }
          v = new AttributeValue.L(list);
        }
        case "SS" -> {
          Set<String> set = new LinkedHashSet<>();
          expect('[');
          if (!consume(']')) {
            do {
              skipWs();
              set.add(readString());
            } while (consume(','));
            expect(']');
          }
          v = new AttributeValue.SS(set);
        }
        case "NS" -> {
          Set<BigDecimal> set = new LinkedHashSet<>();
          expect('[');
          if (!consume(']')) {
            do {
              skipWs();
              set.add(readNumber());
            } while (consume(','));
            expect(']');
          }
          v = new AttributeValue.NS(set);
        }
        case "BS" -> {
          Set<Bytes> set = new LinkedHashSet<>();
          expect('[');
          if (!consume(']')) {
            do {
              skipWs();
              set.add(readBytes());
            } while (consume(','));
            expect(']');
          }
          v = new AttributeValue.BS(set);
        }
        default -> throw error("unknown type descriptor \"" + type + "\"");
      }
      expect('}');
      return v;
    }

    BigDecimal readNumber() {
      int at = pos;
      String text = readString();
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        pos = at;
        throw error("bad number \"" + text + "\"");
      }
    }

    Bytes readBytes() {
      int at = pos;
      String text = readString();
      try {
        return Bytes.wrap(Base64.getDecoder().decode(text));
      } catch (IllegalArgumentException e) {
        pos = at;
        throw error("bad base64");
      }
    }

    boolean readBoolean() {
      if (s.startsWith("true", pos)) {
        pos += 4;
        return true;
      }
      if (s.startsWith("false", pos)) {
        pos += 5;
        return false;
      }
      throw error("expected true or false");
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would also take non-ASCII digits). */
    private static int hexDigit(char c) {
      if (c >= '0' && c <= '9') {
        return c - '0';
      }
      if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
      }
      if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
      }
      return -1;
    }

    /** Reads a string literal at the cursor (no leading whitespace). */
    String readString() {
      int n = s.length();
      if (pos >= n || s.charAt(pos) != '"') {
        throw error("expected a string");
      }
      int start = ++pos;
      // Fast path: no escapes, one substring.
      int i = start;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '"') {
          pos = i + 1;
          return s.substring(start, i);
        }
        if (c == '\\') {
          break;
        }
        i++;
      }
      if (i >= n) {
        throw error("unterminated string");
      }
      StringBuilder sb = new StringBuilder(i - start + 16);
      sb.append(s, start, i);
      while (true) {
        if (i >= n) {
          pos = i;
          throw error("unterminated string");
        }
        char c = s.charAt(i);
        if (c == '"') {
          pos = i + 1;
          return sb.toString();
        }
        if (c != '\\') {
          // Copy the run up to the next quote or backslash in one call.
          int runStart = i;
          while (i < n && s.charAt(i) != '"' && s.charAt(i) != '\\') {
            i++;
          }
          sb.append(s, runStart, i);
          continue;
        }
        if (i + 1 >= n) {
          pos = i;
          throw error("unterminated escape");
        }
        char e = s.charAt(i + 1);
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case '/' -> sb.append('/');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (i + 6 > n) {
              pos = i;
              throw error("short \\u escape");
            }
            int cp = 0;
            for (int k = i + 2; k < i + 6; k++) {
              int d = hexDigit(s.charAt(k));
              if (d < 0) {
                pos = i;
                throw error("bad \\u escape");
              }
              cp = (cp << 4) | d;
            }
            // A surrogate pair arrives as two escapes; appending each char rebuilds the pair.
            sb.append((char) cp);
            i += 4;
          }
          default -> {
            pos = i;
            throw error("bad escape");
          }
        }
        i += 2;
      }
    }
  }
}
