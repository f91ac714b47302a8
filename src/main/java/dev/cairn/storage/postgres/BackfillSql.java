package dev.cairn.storage.postgres;

import dev.cairn.core.model.ItemJson;
import dev.cairn.storage.IndexEntry;
import dev.cairn.storage.ReadRow;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * The back-fill insert: one statement for a whole batch (arrays unnested), inserting an index row only where
 * the base item is still at the version that was read ({@code xmin}) and no row exists yet for it (a writer's
 * row, entry or tombstone, always wins).
 */
final class BackfillSql {
  private BackfillSql() {
  }

  static String insert(String base, String index) {
    return "INSERT INTO " + index + " (pk, sk, ipk, isk, item, item_text, size_bytes)"
        + " SELECT v.pk, v.sk, v.ipk, v.isk, v.item::jsonb, v.item_text, v.size_bytes"
        + " FROM unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[], $5::text[], $6::text[], $7::int[],"
        + " $8::text[]) AS v(pk, sk, ipk, isk, item, item_text, size_bytes, version)"
        + " JOIN " + base + " b ON b.pk = v.pk AND b.sk = v.sk AND b.xmin::text = v.version"
        + " ON CONFLICT (pk, sk) DO NOTHING";
  }

  /** The eight arrays of {@link #insert}; items not in the index get a tombstone (null keys). */
  static Tuple arrays(List<ReadRow> items, List<String> versions, List<IndexEntry> entries) {
    int n = items.size();
    Buffer[] pk = new Buffer[n];
    Buffer[] sk = new Buffer[n];
    Buffer[] ipk = new Buffer[n];
    Buffer[] isk = new Buffer[n];
    String[] json = new String[n];
    String[] text = new String[n];
    Integer[] size = new Integer[n];
    String[] version = new String[n];
    for (int i = 0; i < n; i++) {
      ReadRow r = items.get(i);
      IndexEntry e = entries.get(i);
      pk[i] = Buffer.buffer(r.pk());
      sk[i] = Buffer.buffer(r.sk());
      version[i] = versions.get(i);
      if (e != null && e.present()) {
        ipk[i] = Buffer.buffer(e.indexPk());
        isk[i] = Buffer.buffer(e.indexSk());
        String j = ItemJson.write(e.item());
        boolean asText = ItemJson.requiresText(e.item());
        json[i] = asText ? null : j;
        text[i] = asText ? j : null;
        size[i] = e.sizeBytes();
      } else {
        size[i] = 0;
      }
    }
    return Tuple.of(pk, sk, ipk, isk, json, text, size, version);
  }
}
