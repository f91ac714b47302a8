package dev.cairn.storage.postgres;

/**
 * The one quoting helper for SQL identifiers. Identifiers come only from internal ids ({@code t_<id>}) and
 * from the operator's configuration (the database name), never from a DynamoDB request.
 */
public final class Identifiers {
  private Identifiers() {
  }

  /** {@code name} as a double-quoted identifier, inner quotes doubled. */
  public static String quote(String name) {
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("identifier contains NUL");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
