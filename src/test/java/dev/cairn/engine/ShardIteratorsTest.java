package dev.cairn.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ShardIteratorsTest {
  @Test
  void mac_matchesTheJceHmacSha256_forShortAndLongKeys() throws Exception {
    for (int keyLength : new int[] {1, 32, 64, 65, 200}) {
      byte[] key = new byte[keyLength];
      for (int i = 0; i < keyLength; i++) {
        key[i] = (byte) (i * 7 + 3);
      }
      byte[] payload = ("1|123456789012|7|42|1000|3|" + keyLength).getBytes(StandardCharsets.UTF_8);
      Mac jce = Mac.getInstance("HmacSHA256");
      jce.init(new SecretKeySpec(key, "HmacSHA256"));
      assertArrayEquals(jce.doFinal(payload), ShardIterators.mac(key, payload), "key length " + keyLength);
    }
  }
}
