package dev.cairn.engine;

import dev.cairn.core.api.StreamRequests.GetShardIteratorResult;
import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import dev.cairn.storage.StreamStore;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Shard iterators: opaque strings {@code base64url(payload) "." base64url(HMAC-SHA256(secret, payload))}, the
 * payload naming the account, stream, shard, position and issue time. The secret is per database
 * ({@link StreamStore#iteratorSecret}), so any process sharing it accepts them. An iterator expires 15 minutes
 * after it is issued (API Reference, GetShardIterator); a forged, altered or other account's iterator is
 * refused as invalid.
 */
final class ShardIterators {
  /** How long an iterator is valid, in milliseconds. */
  static final long LIFETIME_MILLIS = 15 * 60 * 1000;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /** An opened iterator: read records of {@code shardId} after ({@code afterTxid}, {@code afterSerial}). */
  record Position(long streamId, long shardId, String afterTxid, long afterSerial) {
  }

  private final StreamStore store;

  ShardIterators(StreamStore store) {
    this.store = store;
  }

  Future<GetShardIteratorResult> issue(String accountId, long streamId, long shardId, String afterTxid,
      long afterSerial) {
    String payload = "1|" + accountId + "|" + streamId + "|" + shardId + "|" + afterTxid + "|" + afterSerial + "|"
        + System.currentTimeMillis();
    return store.iteratorSecret().map(secret -> {
      byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
      return new GetShardIteratorResult(B64.encodeToString(bytes) + "." + B64.encodeToString(mac(secret, bytes)));
    });
  }

  private static DynamoException invalid() {
    return DynamoException.validation("Invalid ShardIterator"); // inferred wording
  }

  /** Verifies and opens an iterator of {@code accountId}; fails with ValidationException or ExpiredIterator. */
  Future<Position> open(String accountId, String iterator) {
    return store.iteratorSecret().compose(secret -> {
      int dot = iterator.indexOf('.');
      byte[] payload;
      byte[] tag;
      try {
        payload = B64D.decode(iterator.substring(0, Math.max(dot, 0)));
        tag = B64D.decode(iterator.substring(dot + 1));
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(invalid());
      }
      if (dot <= 0 || !MessageDigest.isEqual(tag, mac(secret, payload))) {
        return Future.failedFuture(invalid());
      }
      String[] f = new String(payload, StandardCharsets.UTF_8).split("\\|");
      if (f.length != 7 || !f[0].equals("1") || !f[1].equals(accountId)) {
        return Future.failedFuture(invalid());
      }
      if (System.currentTimeMillis() - Long.parseLong(f[6]) > LIFETIME_MILLIS) {
        return Future.failedFuture(DynamoException.of(ErrorCode.EXPIRED_ITERATOR,
            "The provided iterator exceeds the maximum age allowed."));
      }
      return Future.succeededFuture(new Position(Long.parseLong(f[2]), Long.parseLong(f[3]), f[4],
          Long.parseLong(f[5])));
    });
  }

  /** HMAC-SHA256 (RFC 2104) on {@link MessageDigest}, so the engine needs no JCE provider classes. */
  static byte[] mac(byte[] secret, byte[] payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] key = secret.length > 64 ? sha.digest(secret) : secret;
      byte[] block = Arrays.copyOf(key, 64);
      byte[] inner = new byte[64];
      byte[] outer = new byte[64];
      for (int i = 0; i < 64; i++) {
        inner[i] = (byte) (block[i] ^ 0x36);
        outer[i] = (byte) (block[i] ^ 0x5c);
      }
      sha.update(inner);
      byte[] innerHash = sha.digest(payload);
      sha.update(outer);
      return sha.digest(innerHash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
