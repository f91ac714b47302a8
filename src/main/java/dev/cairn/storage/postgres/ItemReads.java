package dev.cairn.storage.postgres;

import dev.cairn.core.model.ItemJson;
import dev.cairn.storage.ReadRow;
import dev.cairn.storage.SortRange;
import dev.cairn.storage.TableRef;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Query and Scan pages: one keyset-paginated statement each, shaped by which bounds are present; the SQL text
 * per shape and relation is built once. Rows come back in btree order ({@code (pk, sk)} for the table,
 * {@code (ipk, isk, pk, sk)} for an index), so there is never a sort node.
 */
final class ItemReads {
  private static final ConcurrentHashMap<String, String> SQL = new ConcurrentHashMap<>();

  private ItemReads() {
  }

  /** The relation of a table or of one of its indexes. */
  static String relation(TableRef table, Long indexId) {
    return indexId == null ? ItemSql.of(table.tableId()).relation : IndexSql.relation(table.tableId(), indexId);
  }

  static Future<List<ReadRow>> query(SqlClient client, TableRef table, Long indexId, byte[] partition,
      SortRange range, boolean forward, ReadRow start, int limit) {
    boolean index = indexId != null;
    String sql = querySql(table, indexId, range, forward, start != null);
    Tuple args = Tuple.tuple().addBuffer(Buffer.buffer(partition));
    if (range.low() != null) {
      args.addBuffer(Buffer.buffer(range.low()));
    }
    if (range.high() != null) {
      args.addBuffer(Buffer.buffer(range.high()));
    }
    if (start != null) {
      if (index) {
        args.addBuffer(Buffer.buffer(start.indexSk())).addBuffer(Buffer.buffer(start.pk()))
            .addBuffer(Buffer.buffer(start.sk()));
      } else {
        args.addBuffer(Buffer.buffer(start.sk()));
      }
    }
    args.addInteger(limit);
    return run(client, sql, args);
  }

  /**
   * The SQL of a Query page (built once per shape and relation): {@code $1} the partition key bytes, then the
   * present sort-range bounds, then for a restart the start row's keys ({@code isk, pk, sk} on an index,
   * {@code sk} on the table), then the row limit.
   */
  static String querySql(TableRef table, Long indexId, SortRange range, boolean forward, boolean withStart) {
    boolean index = indexId != null;
    String rel = relation(table, indexId);
    String shape = "q|" + rel + "|" + (range.low() != null) + range.lowInclusive() + (range.high() != null)
        + range.highInclusive() + forward + withStart;
    return SQL.computeIfAbsent(shape, k -> {
      String p = index ? "ipk" : "pk";
      String s = index ? "isk" : "sk";
      StringBuilder b = new StringBuilder("SELECT pk, sk, ")
          .append(index ? "ipk, isk, " : "NULL::bytea, NULL::bytea, ")
          .append("coalesce(item::text, item_text), size_bytes FROM ").append(rel).append(" WHERE ").append(p)
          .append(" = $1");
      int n = 2;
      if (range.low() != null) {
        b.append(" AND ").append(s).append(range.lowInclusive() ? " >= $" : " > $").append(n++);
      }
      if (range.high() != null) {
        b.append(" AND ").append(s).append(range.highInclusive() ? " <= $" : " < $").append(n++);
      }
      if (withStart) {
        String cmp = forward ? " > " : " < ";
        if (index) {
          b.append(" AND (isk, pk, sk)").append(cmp).append("($").append(n).append(", $").append(n + 1)
              .append(", $").append(n + 2).append(")");
          n += 3;
        } else {
          b.append(" AND sk").append(cmp).append("$").append(n++);
        }
      }
      String dir = forward ? "" : " DESC";
      b.append(" ORDER BY ").append(index ? "isk" + dir + ", pk" + dir + ", sk" + dir : "sk" + dir)
          .append(" LIMIT $").append(n);
      return b.toString();
    });
  }

  static Future<List<ReadRow>> scan(SqlClient client, TableRef table, Long indexId, int segment, int totalSegments,
      ReadRow start, int limit) {
    boolean index = indexId != null;
    String rel = relation(table, indexId);
    boolean segmented = totalSegments > 1;
    String shape = "s|" + rel + "|" + segmented + (start != null);
    String sql = SQL.computeIfAbsent(shape, k -> {
      StringBuilder b = new StringBuilder("SELECT pk, sk, ")
          .append(index ? "ipk, isk, " : "NULL::bytea, NULL::bytea, ")
          .append("coalesce(item::text, item_text), size_bytes FROM ").append(rel).append(" WHERE true");
      int n = 1;
      if (index) {
        b.append(" AND ipk IS NOT NULL");
      }
      if (start != null) {
        if (index) {
          b.append(" AND (ipk, isk, pk, sk) > ($1, $2, $3, $4)");
          n = 5;
        } else {
          b.append(" AND (pk, sk) > ($1, $2)");
          n = 3;
        }
      }
      if (segmented) {
        // The segment of an item: a hash of its partition key, so segments are disjoint and cover the table.
        b.append(" AND (hashtextextended(encode(pk, 'hex'), 0) & 9223372036854775807) % $").append(n)
            .append(" = $").append(n + 1);
        n += 2;
      }
      b.append(" ORDER BY ").append(index ? "ipk, isk, pk, sk" : "pk, sk").append(" LIMIT $").append(n);
      return b.toString();
    });
    Tuple args = Tuple.tuple();
    if (start != null) {
      if (index) {
        args.addBuffer(Buffer.buffer(start.indexPk())).addBuffer(Buffer.buffer(start.indexSk()));
      }
      args.addBuffer(Buffer.buffer(start.pk())).addBuffer(Buffer.buffer(start.sk()));
    }
    if (segmented) {
      args.addLong((long) totalSegments).addLong((long) segment);
    }
    args.addInteger(limit);
    return run(client, sql, args);
  }

  private static Future<List<ReadRow>> run(SqlClient client, String sql, Tuple args) {
    return client.preparedQuery(sql).execute(args).recover(e -> Future.failedFuture(SqlStates.classify(e)))
        .map(rs -> {
          List<ReadRow> out = new ArrayList<>(rs.size());
          for (Row r : rs) {
            Buffer ipk = r.getBuffer(2);
            Buffer isk = r.getBuffer(3);
            out.add(new ReadRow(r.getBuffer(0).getBytes(), r.getBuffer(1).getBytes(),
                ipk == null ? null : ipk.getBytes(), isk == null ? null : isk.getBytes(),
                ItemJson.read(r.getString(4)), r.getInteger(5)));
          }
          return out;
        });
  }
}
