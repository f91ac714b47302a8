package dev.cairn.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Debian AWS CLI ({@code /usr/bin/aws}) against Cairn with the printed credentials and {@code AWS_CA_BUNDLE}.
 * The CLI hashes but does not send the payload hash, so this also checks the server's own body hashing.
 */
class AwsCliIT {
  static final Path AWS = Path.of("/usr/bin/aws");

  @Test
  void awsCli_listTables_withCaBundle() throws Exception {
    assumeTrue(Files.isExecutable(AWS), "the Debian AWS CLI is not installed (apt-get install awscli)");
    CairnFixture fixture = CairnFixture.get();
    CairnFixture.Keys keys = fixture.newAccount("cli");
    fixture.registerTableName(keys.accountId(), "cli-table");
    ProcessBuilder pb = new ProcessBuilder(List.of(AWS.toString(), "dynamodb", "list-tables",
        "--endpoint-url", fixture.endpoint().toString(), "--output", "json"));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_CA_BUNDLE", fixture.caBundle().toString());
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("AWS_PAGER", "");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "aws did not finish");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    JsonNode json = new ObjectMapper().readTree(out);
    assertEquals("cli-table", json.get("TableNames").get(0).asText(), out);
  }
}
