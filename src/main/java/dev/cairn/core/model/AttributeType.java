package dev.cairn.core.model;

/**
 * The ten DynamoDB data types, named as on the wire ({@code {"S": "..."}} and so on). Source: DynamoDB API
 * Reference, "AttributeValue".
 */
public enum AttributeType {
  S, N, B, BOOL, NULL, M, L, SS, NS, BS;

  /** Whether values of this type can be key attributes (S, N, B). */
  public boolean isScalarKeyType() {
    return this == S || this == N || this == B;
  }

  /** The type named by a wire descriptor, or {@code null} when it names none. */
  public static AttributeType fromWire(String name) {
    return switch (name) {
      case "S" -> S;
      case "N" -> N;
      case "B" -> B;
      case "BOOL" -> BOOL;
      case "NULL" -> NULL;
      case "M" -> M;
      case "L" -> L;
      case "SS" -> SS;
      case "NS" -> NS;
      case "BS" -> BS;
      default -> null;
    };
  }
}
