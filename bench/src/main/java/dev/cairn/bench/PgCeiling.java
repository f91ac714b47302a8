package dev.cairn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The raw-PostgreSQL ceiling: the SQL Cairn sends for each workload, driven straight at PostgreSQL with
 * {@code pgbench -n -M prepared -c C -j min(2,C)} at the same concurrency, in its own database (re-created at
 * the start) with the same relation layout as {@code storage.postgres.ItemSql} and {@code cairn.tables} from
 * migration V1. One pgbench transaction is one DynamoDB request, so transactions per second compare with
 * requests per second. Latency percentiles come from pgbench's per-transaction log ({@code -l}); the
 * generator CPU is pgbench's user+system time (bash {@code times}) per transaction.
 *
 * <p>The statements per workload (what Cairn sends today or, for actions that have not landed, the plain
 * form the design brief describes; see {@code docs/performance.md}):
 * <ul>
 *   <li>listtables: the catalog query of {@code CatalogSql.LIST_TABLE_NAMES} (the start key bound as SQL NULL).
 *   <li>put: one {@code INSERT ... ON CONFLICT (pk, sk) DO UPDATE}.
 *   <li>get: one {@code SELECT coalesce(item::text, item_text), size_bytes, xmin::text ... WHERE pk AND sk}.
 *   <li>update: that SELECT, then {@code UPDATE ... WHERE pk AND sk AND xmin::text = $v} (compare-and-set,
 *       two autocommit statements).
 *   <li>query: {@code SELECT ... WHERE pk = $1 ORDER BY sk LIMIT 10} on the range relation.
 *   <li>mixed: get and put scripts weighted 80/20.
 *   <li>batchwrite: {@code BEGIN}, 25 puts, {@code COMMIT} (Cairn's BatchWriteItem sends them as one statement
 *       batch: one commit).
 *   <li>transactwrite: {@code BEGIN}, lock timeout and advisory locks, the four rows {@code FOR UPDATE}, four
 *       updates, {@code COMMIT} (what {@code PgTransactionStore} sends for items that exist).
 * </ul>
 * Variants with {@code --gsi} or {@code --streams} have no ceiling yet (index and stream relations are not
 * laid out in Cairn yet) and are reported as n/a.
 */
public final class PgCeiling implements AutoCloseable {
  /** The name in reports. */
  public static final String NAME = "postgres-ceiling";
  static final String ACCOUNT = "000000000001";
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
  private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
  private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
  private static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s\\s+(\\d+)m([0-9.]+)s");

  private final PgTools db;
  private final Path work;
  private final Set<String> loaded = new HashSet<>();
  private boolean created;

  /**
   * @param db   the ceiling's database (dropped and re-created at the first use, dropped at close)
   * @param work folder for scripts and pgbench logs
   */
  public PgCeiling(PgTools db, Path work) {
    this.db = db;
    this.work = work;
  }

  /** Why a workload has no ceiling, or {@code null} when it has one. */
  public static String unsupportedReason(boolean gsi, boolean streams) {
    return gsi || streams ? "n/a (no index/stream layout yet)" : null;
  }

  static String hashRelation() {
    return "cairn_data.\"t_1\"";
  }

  static String rangeRelation() {
    return "cairn_data.\"t_2\"";
  }

  /** Creates the schema and preloads what the workload reads (once per relation). */
  public void prepare(Workload w) throws IOException, InterruptedException {
    if (!created) {
      db.recreateDatabase();
      db.psql("CREATE SCHEMA cairn; CREATE SCHEMA cairn_data;"
          + " CREATE TABLE cairn.tables (table_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
          + " account_id text NOT NULL, table_name text COLLATE \"C\" NOT NULL, table_status text NOT NULL,"
          + " created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (account_id, table_name));"
          + createRelation(hashRelation()) + ";" + createRelation(rangeRelation()) + ";");
      created = true;
    }
    Workload.TableSpec t = w.table();
    if (t == null || !w.kind().needsPreload || !loaded.add(t.name())) {
      return;
    }
    long n = w.preloadCount(t);
    String pad = "repeat('x', " + Math.max(1, 1024 - 16) + ")";
    if (t.range()) {
      db.psql("INSERT INTO " + rangeRelation() + " SELECT convert_to('p' || lpad((i / "
          + Workload.ITEMS_PER_PARTITION + ")::text, 8, '0'), 'UTF8'), convert_to('s' || lpad((i % "
          + Workload.ITEMS_PER_PARTITION + ")::text, 4, '0'), 'UTF8'), jsonb_build_object('pk', jsonb_build_object('S',"
          + " 'p' || lpad((i / " + Workload.ITEMS_PER_PARTITION + ")::text, 8, '0')), 'sk', jsonb_build_object('S',"
          + " 's' || lpad((i % " + Workload.ITEMS_PER_PARTITION + ")::text, 4, '0')), 'v', jsonb_build_object('S', "
          + pad + ")), NULL, 1024 FROM generate_series(0, " + (n - 1) + ") i ON CONFLICT DO NOTHING; ANALYZE "
          + rangeRelation());
    } else {
      db.psql("INSERT INTO " + hashRelation() + " SELECT convert_to('k' || lpad(i::text, 8, '0'), 'UTF8'),"
          + " '\\x'::bytea, jsonb_build_object('pk', jsonb_build_object('S', 'k' || lpad(i::text, 8, '0')),"
          + " 'v', jsonb_build_object('S', " + pad + ")), NULL, 1024 FROM generate_series(0, " + (n - 1)
          + ") i ON CONFLICT DO NOTHING; ANALYZE " + hashRelation());
    }
  }

  /** The DDL of {@code ItemSql.create} for one relation. */
  static String createRelation(String relation) {
    return "CREATE TABLE " + relation + " (pk bytea NOT NULL, sk bytea NOT NULL, item jsonb, item_text text,"
        + " size_bytes integer NOT NULL, PRIMARY KEY (pk, sk))";
  }

  private static String hashKey(String idExpr) {
    return "convert_to('k' || lpad((" + idExpr + ")::text, 8, '0'), 'UTF8')";
  }

  static String putStatement(String idExpr) {
    return "INSERT INTO " + hashRelation() + " (pk, sk, item, item_text, size_bytes) VALUES (" + hashKey(idExpr)
        + ", '\\x'::bytea, :item::text::jsonb, NULL, 1024) ON CONFLICT (pk, sk) DO UPDATE SET item = EXCLUDED.item,"
        + " item_text = EXCLUDED.item_text, size_bytes = EXCLUDED.size_bytes;\n";
  }

  static String getStatement() {
    return "SELECT coalesce(item::text, item_text), size_bytes, xmin::text FROM " + hashRelation()
        + " WHERE pk = " + hashKey(":id") + " AND sk = '\\x'::bytea;\n";
  }

  /** The pgbench script(s) of a workload: file name to text, with {@code @weight} in the name when weighted. */
  static Map<String, String> scripts(Workload.Kind kind) {
    Map<String, String> out = new TreeMap<>();
    String randomId = "\\set id random(0, :n - 1)\n";
    switch (kind) {
      case LISTTABLES:
        out.put("listtables.sql", "SELECT table_name FROM cairn.tables WHERE account_id = :acct"
            + " AND (NULL::text IS NULL OR table_name > NULL::text COLLATE \"C\") ORDER BY table_name COLLATE \"C\""
            + " LIMIT 100;\n");
        break;
      case PUT:
        out.put("put.sql", randomId + putStatement(":id"));
        break;
      case GET:
        out.put("get.sql", randomId + getStatement());
        break;
      case UPDATE:
        out.put("update.sql", randomId + "SELECT coalesce(item::text, item_text) AS old_item, size_bytes AS old_size,"
            + " xmin::text AS ver FROM " + hashRelation() + " WHERE pk = " + hashKey(":id")
            + " AND sk = '\\x'::bytea \\gset\n"
            + "UPDATE " + hashRelation() + " SET item = :item::text::jsonb, item_text = NULL, size_bytes = 1024"
            + " WHERE pk = " + hashKey(":id") + " AND sk = '\\x'::bytea AND xmin::text = :ver;\n");
        break;
      case QUERY:
        out.put("query.sql", "\\set p random(0, :parts - 1)\n"
            + "SELECT coalesce(item::text, item_text), size_bytes FROM " + rangeRelation()
            + " WHERE pk = convert_to('p' || lpad(:p::text, 8, '0'), 'UTF8') ORDER BY sk LIMIT "
            + Workload.PAGE_SIZE + ";\n");
        break;
      case MIXED:
        out.put("get.sql@80", randomId + getStatement());
        out.put("put.sql@20", randomId + putStatement(":id"));
        break;
      case BATCHWRITE: {
        // Cairn sends a table's puts as one statement batch (one implicit transaction, one commit).
        StringBuilder sb = new StringBuilder("\\set id random(0, :n - " + Workload.BATCH_SIZE + ")\nBEGIN;\n");
        for (int i = 0; i < Workload.BATCH_SIZE; i++) {
          sb.append(putStatement(":id + " + i));
        }
        out.put("batchwrite.sql", sb.append("COMMIT;\n").toString());
        break;
      }
      case TRANSACTWRITE: {
        // What PgTransactionStore sends for four puts of existing items (docs/transactions.md): BEGIN; the lock
        // timeout and one advisory lock per item (the key hash stood in for by hashtext); the rows FOR UPDATE in
        // one statement; one write per item (WriteSql.updateIfVersion, here without the version since the row is
        // locked); COMMIT.
        StringBuilder keys = new StringBuilder();
        StringBuilder hashes = new StringBuilder();
        for (int i = 0; i < Workload.TRANSACT_SIZE; i++) {
          keys.append(i == 0 ? "" : ", ").append('(').append(hashKey(":id + " + i)).append(", '\\x'::bytea)");
          hashes.append(i == 0 ? "" : ", ").append("hashtext((:id + ").append(i).append(")::text)::bigint");
        }
        StringBuilder sb = new StringBuilder("\\set id random(0, :n - " + Workload.TRANSACT_SIZE + ")\nBEGIN;\n");
        sb.append("SELECT set_config('lock_timeout', '5s', true), (SELECT count(pg_advisory_xact_lock(k)) FROM"
            + " (SELECT k FROM unnest(ARRAY[").append(hashes).append("]) AS k ORDER BY k) AS sorted);\n");
        sb.append("SELECT pk, sk, coalesce(item::text, item_text), size_bytes, xmin::text FROM ").append(hashRelation())
            .append(" WHERE (pk, sk) IN (").append(keys).append(") ORDER BY pk, sk FOR UPDATE;\n");
        for (int i = 0; i < Workload.TRANSACT_SIZE; i++) {
          sb.append("UPDATE ").append(hashRelation()).append(" SET item = :item::text::jsonb, item_text = NULL,"
              + " size_bytes = 1024 WHERE pk = ").append(hashKey(":id + " + i)).append(" AND sk = '\\x'::bytea;\n");
        }
        out.put("transactwrite.sql", sb.append("COMMIT;\n").toString());
        break;
      }
      default:
        throw new IllegalArgumentException(kind.toString());
    }
    return out;
  }

  /**
   * Runs the workload's scripts: a warm-up pgbench run, then a measured one with per-transaction logging.
   */
  public RunResult run(Workload w, int concurrency, long warmupMillis, long measureMillis)
      throws IOException, InterruptedException {
    Path dir = work.resolve("pgbench-" + w.label() + "-c" + concurrency);
    Files.createDirectories(dir);
    List<String> scriptArgs = new ArrayList<>();
    for (Map.Entry<String, String> s : scripts(w.kind()).entrySet()) {
      String file = s.getKey().contains("@") ? s.getKey().substring(0, s.getKey().indexOf('@')) : s.getKey();
      String weight = s.getKey().contains("@") ? s.getKey().substring(s.getKey().indexOf('@')) : "";
      Path p = dir.resolve(file);
      Files.writeString(p, s.getValue(), StandardCharsets.UTF_8);
      scriptArgs.add("-f");
      scriptArgs.add(p + weight);
    }
    String item = w.preloadItems(w.hashTable(), 0, 1).get(0);
    List<String> common = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c",
        Integer.toString(concurrency), "-j", Integer.toString(Math.min(2, concurrency))));
    common.addAll(db.connectionArgs());
    common.addAll(List.of("-D", "n=" + w.items(), "-D", "parts=" + w.partitions(), "-D", "acct=" + ACCOUNT,
        "-D", "item=" + item));
    common.addAll(scriptArgs);
    long timeout = (warmupMillis + measureMillis) / 1000 + 120;
    if (warmupMillis > 0) {
      List<String> warm = new ArrayList<>(common);
      warm.addAll(List.of("-T", Long.toString(Math.max(1, Math.round(warmupMillis / 1000.0))), db.database()));
      PgTools.run(withTimes(warm), timeout);
    }
    long seconds = Math.max(1, Math.round(measureMillis / 1000.0));
    List<String> measure = new ArrayList<>(common);
    measure.addAll(List.of("-T", Long.toString(seconds), "-l", "--log-prefix=" + dir.resolve("tx"),
        db.database()));
    String out;
    try {
      out = PgTools.run(withTimes(measure), timeout);
    } finally {
      Files.writeString(dir.resolve("scripts.txt"), String.join(" ", measure).replace(item, "<item>"));
    }
    Files.writeString(dir.resolve("pgbench.out"), out);
    return parse(w, concurrency, seconds, out, dir);
  }

  /** Wraps a command in bash so that its children's CPU times are printed at the end ({@code times}). */
  static List<String> withTimes(List<String> cmd) {
    List<String> out = new ArrayList<>(List.of("bash", "-c", "\"$@\"; rc=$?; times; exit $rc", "bash"));
    out.addAll(cmd);
    return out;
  }

  private RunResult parse(Workload w, int concurrency, long seconds, String out, Path dir) throws IOException {
    Matcher tps = TPS.matcher(out);
    Matcher processed = PROCESSED.matcher(out);
    if (!tps.find() || !processed.find()) {
      throw new IOException("unexpected pgbench output:\n" + out);
    }
    long tx = Long.parseLong(processed.group(1));
    Map<String, Long> errors = new TreeMap<>();
    Matcher failed = FAILED.matcher(out);
    if (failed.find() && Long.parseLong(failed.group(1)) > 0) {
      errors.put("pgbench failed transactions", Long.parseLong(failed.group(1)));
    }
    Double genCpu = null;
    Matcher times = TIMES.matcher(out);
    double[] last = null;
    while (times.find()) {
      last = new double[] {Long.parseLong(times.group(1)) * 60 + Double.parseDouble(times.group(2)),
          Long.parseLong(times.group(3)) * 60 + Double.parseDouble(times.group(4))};
    }
    if (last != null && tx > 0) {
      genCpu = (last[0] + last[1]) * 1e6 / tx; // the second `times` line: children's user and system time
    }
    Histogram h = new Histogram(LoadRunner.MAX_TRACKABLE_MICROS, 3);
    try (DirectoryStream<Path> logs = Files.newDirectoryStream(dir, "tx.*")) {
      for (Path log : logs) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          String[] f = line.trim().split("\\s+");
          if (f.length >= 3) {
            try {
              h.recordValue(Math.min(LoadRunner.MAX_TRACKABLE_MICROS, Long.parseLong(f[2])));
            } catch (NumberFormatException ignored) {
              // "failed" or "skipped" entries carry no latency
            }
          }
        }
        Files.delete(log);
      }
    }
    boolean any = h.getTotalCount() > 0;
    return new RunResult(NAME, w.label(), concurrency, "closed", null, seconds, tx,
        Double.parseDouble(tps.group(1)), errors, any ? (double) h.getValueAtPercentile(50) : null,
        any ? (double) h.getValueAtPercentile(90) : null, any ? (double) h.getValueAtPercentile(99) : null,
        any ? (double) h.getValueAtPercentile(99.9) : null, any ? (double) h.getMaxValue() : null, genCpu, null,
        null);
  }

  @Override
  public void close() {
    if (created) {
      try {
        db.dropDatabase();
      } catch (Exception e) {
        System.err.println("[bench] could not drop " + db.database() + ": " + e.getMessage());
      }
    }
  }
}
