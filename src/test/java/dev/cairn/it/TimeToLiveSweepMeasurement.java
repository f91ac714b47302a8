package dev.cairn.it;

import dev.cairn.cli.ManagementClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Not a test (no timed assertions; surefire's includes skip it): measures the TTL sweep rate. Run with
 * {@code ./mvnw -B -o -q test -Dtest=TimeToLiveSweepMeasurement -Dsurefire.failIfNoSpecifiedTests=false} and read
 * the line it prints in {@code target/surefire-reports/dev.cairn.it.TimeToLiveSweepMeasurement-output.txt}.
 */
class TimeToLiveSweepMeasurement {
  @Test
  void sweepRate() throws Exception {
    CairnFixture fixture = CairnFixture.get();
    DynamoDbClient dynamo = fixture.dynamo();
    ManagementClient admin = fixture.management();
    admin.call("PUT", "/settings/ttl_sweep_interval_ms", "{\"value\":\"1000\"}");
    String t = Tables.name("ttl-rate");
    Tables.createOnDemand(dynamo, t);
    int n = Integer.getInteger("items", 20_000);
    long expired = System.currentTimeMillis() / 1000 - 60;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> puts = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int first = w;
      puts.add(pool.submit(() -> {
        for (int i = first; i < n; i += 8) {
          String id = "k" + i;
          dynamo.putItem(b -> b.tableName(t).item(Map.of("pk", AttributeValue.fromS(id),
              "exp", AttributeValue.fromN(Long.toString(expired)))));
        }
        return null;
      }));
    }
    for (Future<?> f : puts) {
      f.get();
    }
    pool.shutdown();
    long start = System.nanoTime();
    dynamo.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.enabled(true).attributeName("exp")));
    int left;
    do {
      Thread.sleep(250);
      left = dynamo.scan(b -> b.tableName(t).select(Select.COUNT)).count();
    } while (left > 0);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("TTL: %d expired items (present before TTL was enabled) deleted in %.2f s: %.0f items/s"
        + " including the expiry back-fill and up to 1 s until the first sweep%n", n, seconds, n / seconds);
    admin.call("PUT", "/settings/ttl_sweep_interval_ms", "{\"value\":\"60000\"}");
  }
}
