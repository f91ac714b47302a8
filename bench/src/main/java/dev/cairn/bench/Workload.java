package dev.cairn.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The benchmark workloads and the request bodies they send. Keys are uniform over a fixed key space of
 * {@code items} keys ({@code k00000000} ...), so {@code put} overwrites and the table size stays steady; items
 * are about {@code itemBytes} bytes in DynamoDB's size accounting (attribute names plus values).
 *
 * <p>Tables: {@link #hashTable()} (partition key {@code pk}) for every workload but {@code query}, which reads
 * 10-item pages from {@link #rangeTable()} (partition key {@code pk}, sort key {@code sk},
 * {@link #ITEMS_PER_PARTITION} items per partition). With {@code gsi} every item carries {@code g} and the
 * table has the index {@code g-index} on it; with {@code streams} the table has a NEW_AND_OLD_IMAGES stream.
 */
public final class Workload {
  /** The kinds of workload, by their command-line name. */
  public enum Kind {
    LISTTABLES("ListTables", false),
    PUT("PutItem", false),
    GET("GetItem", true),
    UPDATE("UpdateItem", true),
    QUERY("Query", true),
    MIXED("GetItem+PutItem", true),
    BATCHWRITE("BatchWriteItem", false),
    TRANSACTWRITE("TransactWriteItems", false);

    /** The action(s) sent, for reports. */
    public final String actions;
    /** Whether the table must hold the key space before the run (reads find their items). */
    public final boolean needsPreload;

    Kind(String actions, boolean needsPreload) {
      this.actions = actions;
      this.needsPreload = needsPreload;
    }

    /** The command-line name, e.g. {@code put}. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name. */
    public static Kind parse(String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  /** One request: the action name and its JSON body. */
  public record Request(String action, byte[] body) {
  }

  /** A table the workload needs: its name and CreateTable body. */
  public record TableSpec(String name, boolean range, String createBody) {
  }

  /** Items per partition of the range table. */
  public static final int ITEMS_PER_PARTITION = 50;
  /** Items per BatchWriteItem request (the service's maximum). */
  public static final int BATCH_SIZE = 25;
  /** Items per TransactWriteItems request. */
  public static final int TRANSACT_SIZE = 4;
  /** Page size of the query workload. */
  public static final int PAGE_SIZE = 10;
  private static final int GSI_VALUES = 1000;

  private final Kind kind;
  private final boolean gsi;
  private final boolean streams;
  private final int items;
  private final int itemBytes;

  /**
   * @param kind      what to send
   * @param gsi       tables with the global secondary index {@code g-index}
   * @param streams   tables with a stream
   * @param items     size of the key space (and of the preload)
   * @param itemBytes approximate item size in bytes
   */
  public Workload(Kind kind, boolean gsi, boolean streams, int items, int itemBytes) {
    if (items < 1 || itemBytes < 64) {
      throw new IllegalArgumentException("items >= 1 and itemBytes >= 64 required");
    }
    this.kind = kind;
    this.gsi = gsi;
    this.streams = streams;
    this.items = items;
    this.itemBytes = itemBytes;
  }

  public Kind kind() {
    return kind;
  }

  public int items() {
    return items;
  }

  /** The name in reports: the kind plus {@code +gsi}/{@code +streams}. */
  public String label() {
    return kind.cliName() + (gsi ? "+gsi" : "") + (streams ? "+streams" : "");
  }

  private String suffix() {
    return (gsi ? "_gsi" : "") + (streams ? "_streams" : "");
  }

  /** The hash-key table. */
  public TableSpec hashTable() {
    String name = "bench_hash" + suffix();
    return new TableSpec(name, false, createBody(name, false));
  }

  /** The hash-and-range table of the query workload. */
  public TableSpec rangeTable() {
    String name = "bench_range" + suffix();
    return new TableSpec(name, true, createBody(name, true));
  }

  /** The table this workload reads and writes, or {@code null} for {@code listtables}. */
  public TableSpec table() {
    if (kind == Kind.LISTTABLES) {
      return null;
    }
    return kind == Kind.QUERY ? rangeTable() : hashTable();
  }

  String createBody(String name, boolean range) {
    StringBuilder sb = new StringBuilder(512);
    sb.append("{\"TableName\":\"").append(name).append("\",\"AttributeDefinitions\":[")
        .append("{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}");
    if (range) {
      sb.append(",{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}");
    }
    if (gsi) {
      sb.append(",{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}");
    }
    sb.append("],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}");
    if (range) {
      sb.append(",{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}");
    }
    sb.append("],\"BillingMode\":\"PAY_PER_REQUEST\"");
    if (gsi) {
      sb.append(",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"g-index\",\"KeySchema\":[")
          .append("{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]");
    }
    if (streams) {
      sb.append(",\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}");
    }
    return sb.append('}').toString();
  }

  /** The partition key of item {@code id} in the hash table. */
  public static String key(long id) {
    return String.format(Locale.ROOT, "k%08d", id);
  }

  /** The partition key of partition {@code p} in the range table. */
  public static String partition(long p) {
    return String.format(Locale.ROOT, "p%08d", p);
  }

  /** The sort key of position {@code s} in a partition. */
  public static String sortKey(long s) {
    return String.format(Locale.ROOT, "s%04d", s);
  }

  /** Partitions of the range table for this key space. */
  public int partitions() {
    return Math.max(1, items / ITEMS_PER_PARTITION);
  }

  /**
   * The items of the preload, as DynamoDB JSON item objects, for ids {@code [from, to)} of the hash table or
   * the range table (id = partition * ITEMS_PER_PARTITION + position).
   */
  public List<String> preloadItems(TableSpec table, long from, long to) {
    String pad = padding(new SplittableRandom(from));
    List<String> out = new ArrayList<>((int) (to - from));
    for (long id = from; id < to; id++) {
      out.add(table.range()
          ? rangeItem(partition(id / ITEMS_PER_PARTITION), sortKey(id % ITEMS_PER_PARTITION), id, pad)
          : hashItem(key(id), id, pad));
    }
    return out;
  }

  /** Items in the preload of a table. */
  public long preloadCount(TableSpec table) {
    return table.range() ? (long) partitions() * ITEMS_PER_PARTITION : items;
  }

  String hashItem(String key, long id, String pad) {
    StringBuilder sb = new StringBuilder(itemBytes + 96);
    sb.append("{\"pk\":{\"S\":\"").append(key).append("\"}");
    int used = 2 + key.length() + 1;
    if (gsi) {
      String g = "g" + (id % GSI_VALUES);
      sb.append(",\"g\":{\"S\":\"").append(g).append("\"}");
      used += 1 + g.length();
    }
    sb.append(",\"v\":{\"S\":\"").append(pad, 0, Math.max(1, Math.min(pad.length(), itemBytes - used)))
        .append("\"}}");
    return sb.toString();
  }

  String rangeItem(String pk, String sk, long id, String pad) {
    StringBuilder sb = new StringBuilder(itemBytes + 128);
    sb.append("{\"pk\":{\"S\":\"").append(pk).append("\"},\"sk\":{\"S\":\"").append(sk).append("\"}");
    int used = 2 + pk.length() + 2 + sk.length() + 1;
    if (gsi) {
      String g = "g" + (id % GSI_VALUES);
      sb.append(",\"g\":{\"S\":\"").append(g).append("\"}");
      used += 1 + g.length();
    }
    sb.append(",\"v\":{\"S\":\"").append(pad, 0, Math.max(1, Math.min(pad.length(), itemBytes - used)))
        .append("\"}}");
    return sb.toString();
  }

  /** A value of {@code itemBytes} random letters (JSON-safe). */
  String padding(SplittableRandom random) {
    char[] c = new char[itemBytes];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(c);
  }

  /** The BatchWriteItem body that puts the given items into a table. */
  public static String batchWriteBody(String table, List<String> items) {
    StringBuilder sb = new StringBuilder(64 + items.size() * 1100);
    sb.append("{\"RequestItems\":{\"").append(table).append("\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"PutRequest\":{\"Item\":").append(items.get(i)).append("}}");
    }
    return sb.append("]}}").toString();
  }

  /** A per-thread request generator; not thread-safe. */
  public Source source(long seed) {
    return new Source(seed);
  }

  /** Generates the requests of one worker thread from its own random sequence. */
  public final class Source {
    private final SplittableRandom random;
    private final String pad;
    private final String table;
    private final byte[] listTables = "{\"Limit\":100}".getBytes(StandardCharsets.UTF_8);

    Source(long seed) {
      this.random = new SplittableRandom(seed);
      this.pad = padding(random);
      TableSpec t = table();
      this.table = t == null ? null : t.name();
    }

    /** The next request. */
    public Request next() {
      switch (kind) {
        case LISTTABLES:
          return new Request("ListTables", listTables);
        case PUT:
          return put();
        case GET:
          return get();
        case UPDATE:
          return update();
        case QUERY:
          return query();
        case MIXED:
          return random.nextInt(100) < 80 ? get() : put();
        case BATCHWRITE:
          return batchWrite();
        case TRANSACTWRITE:
          return transactWrite();
        default:
          throw new IllegalStateException(kind.toString());
      }
    }

    private long randomId() {
      return random.nextInt(items);
    }

    private Request put() {
      long id = randomId();
      return request("PutItem", "{\"TableName\":\"" + table + "\",\"Item\":" + hashItem(key(id), id, pad) + "}");
    }

    private Request get() {
      return request("GetItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"" + key(randomId())
          + "\"}}}");
    }

    private Request update() {
      int len = Math.max(1, itemBytes - 16);
      int start = random.nextInt(Math.max(1, pad.length() - len + 1));
      return request("UpdateItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"" + key(randomId())
          + "\"}},\"UpdateExpression\":\"SET v = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\""
          + pad.substring(start, start + Math.min(len, pad.length())) + "\"}}}");
    }

    private Request query() {
      return request("Query", "{\"TableName\":\"" + table + "\",\"KeyConditionExpression\":\"pk = :p\","
          + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"" + partition(random.nextInt(partitions()))
          + "\"}},\"Limit\":" + PAGE_SIZE + "}");
    }

    /** Consecutive ids from a random start (wrapping), so the items of one request are distinct. */
    private List<String> distinctItems(int n) {
      long first = randomId();
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long id = (first + i) % items;
        out.add(hashItem(key(id), id, pad));
      }
      return out;
    }

    private Request batchWrite() {
      return request("BatchWriteItem", batchWriteBody(table, distinctItems(Math.min(BATCH_SIZE, items))));
    }

    private Request transactWrite() {
      List<String> its = distinctItems(Math.min(TRANSACT_SIZE, items));
      StringBuilder sb = new StringBuilder(64 + its.size() * 1100);
      sb.append("{\"TransactItems\":[");
      for (int i = 0; i < its.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append("{\"Put\":{\"TableName\":\"").append(table).append("\",\"Item\":").append(its.get(i))
            .append("}}");
      }
      return request("TransactWriteItems", sb.append("]}").toString());
    }

    private Request request(String action, String body) {
      return new Request(action, body.getBytes(StandardCharsets.UTF_8));
    }
  }
}
