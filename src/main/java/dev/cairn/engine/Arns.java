package dev.cairn.engine;

/**
 * ARNs of Cairn's resources, in the service's format: {@code arn:aws:dynamodb:<region>:<account>:table/<name>},
 * {@code .../table/<name>/index/<index>}. Source: Developer Guide, "Resource types defined by Amazon DynamoDB".
 */
public final class Arns {
  private final String region;

  public Arns(String region) {
    this.region = region;
  }

  public String region() {
    return region;
  }

  public String table(String accountId, String tableName) {
    return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
  }

  public String index(String accountId, String tableName, String indexName) {
    return table(accountId, tableName) + "/index/" + indexName;
  }

  /**
   * A stream's ARN: {@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>}, the label being the
   * stream's creation time (ISO-8601 with milliseconds). Source: DynamoDB Streams API Reference, "Stream".
   */
  public String stream(String accountId, String tableName, String label) {
    return table(accountId, tableName) + "/stream/" + label;
  }

  /**
   * The table name and label of a stream ARN of this account (any region), or {@code null} when it names another
   * account or is not a stream ARN.
   */
  public static String[] streamOf(String arn, String accountId) {
    String rest = tableResource(arn, accountId);
    if (rest == null) {
      return null;
    }
    int at = rest.indexOf("/stream/");
    if (at <= 0) {
      return null;
    }
    String name = rest.substring(0, at);
    String label = rest.substring(at + "/stream/".length());
    return name.contains("/") || label.isEmpty() || label.contains("/") ? null : new String[] {name, label};
  }

  /**
   * The table name of a table ARN of this account (any region accepted, as requests signed for any region
   * are), or {@code null} when the ARN names another account or is not a table ARN.
   */
  public static String tableNameOf(String arn, String accountId) {
    String rest = tableResource(arn, accountId);
    if (rest == null) {
      return null;
    }
    return rest.isEmpty() || rest.contains("/") ? null : rest;
  }

  /** What follows {@code table/} in a DynamoDB ARN of this account (any region), or {@code null}. */
  private static String tableResource(String arn, String accountId) {
    if (arn == null) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("dynamodb") || !parts[4].equals(accountId)
        || !parts[5].startsWith("table/")) {
      return null;
    }
    return parts[5].substring("table/".length());
  }
}
