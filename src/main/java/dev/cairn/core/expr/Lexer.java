package dev.cairn.core.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits expression text into tokens. Every character of the text belongs to at most one token, so a syntax
 * error can quote the source between tokens as DynamoDB does.
 */
final class Lexer {
  enum Type {
    NAME, NAME_REF, VALUE_REF, NUMBER, PUNCT, BAD, EOF
  }

  /** A token and its source span [start, end). The EOF token's text is {@code <EOF>}, as in service errors. */
  record Token(Type type, String text, int start, int end) {
    boolean is(String punct) {
      return type == Type.PUNCT && text.equals(punct);
    }

    boolean isWord(String keyword) {
      return type == Type.NAME && text.equalsIgnoreCase(keyword);
    }
  }

  private Lexer() {}

  static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
        continue;
      }
      int start = i;
      Type type;
      if (isLetter(c)) {
        while (i < n && isNamePart(s.charAt(i))) {
          i++;
        }
        type = Type.NAME;
      } else if (c >= '0' && c <= '9') {
        // A list index has no leading zeros: "01" reads as "0" then "1".
        i++;
        while (c != '0' && i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        type = Type.NUMBER;
      } else if (c == '#' || c == ':') {
        i++;
        while (i < n && isNamePart(s.charAt(i))) {
          i++;
        }
        // A lone '#' or ':' is no placeholder: report it as the offending token.
        type = i - start == 1 ? Type.BAD : c == '#' ? Type.NAME_REF : Type.VALUE_REF;
      } else if ((c == '<' || c == '>') && i + 1 < n && (s.charAt(i + 1) == '=' || (c == '<' && s.charAt(i + 1) == '>'))) {
        i += 2;
        type = Type.PUNCT;
      } else if ("=<>()[],.+-".indexOf(c) >= 0) {
        i++;
        type = Type.PUNCT;
      } else {
        i += Character.charCount(s.codePointAt(i));
        type = Type.BAD;
      }
      out.add(new Token(type, s.substring(start, i), start, i));
    }
    out.add(new Token(Type.EOF, "<EOF>", n, n));
    return out;
  }

  /** Names in expressions start with an ASCII letter (an underscore or digit may follow). */
  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isNamePart(char c) {
    return isLetter(c) || c == '_' || (c >= '0' && c <= '9');
  }
}
