package dev.cairn.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.server.GatewayOptions;
import dev.cairn.storage.postgres.PgSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Cairn's startup configuration: the data directory, the server and PostgreSQL sections. Read from
 * {@code <data_dir>/cairn.yaml} (written by {@code init}; every key documented in {@code conf/cairn.yaml}),
 * then overridden by environment variables {@code CAIRN_<SECTION>_<KEY>} (e.g. {@code CAIRN_SERVER_PORT},
 * {@code CAIRN_POSTGRES_URL}); the data directory itself comes from {@code --data-dir} or {@code CAIRN_DATA_DIR}.
 * Runtime settings (log level, control-plane delay, ...) are not here: they live in the catalog.
 */
public record CairnConfig(Path dataDir, Server server, Postgres postgres) {
  public static final String FILE_NAME = "cairn.yaml";

  /**
   * The {@code server} section.
   *
   * @param host                 bind address (default {@value #DEFAULT_HOST})
   * @param port                 HTTPS port (default {@value #DEFAULT_PORT})
   * @param httpPort             plain-HTTP redirect port, -1 to disable (default {@value #DEFAULT_HTTP_PORT})
   * @param tls                  serve TLS (default true); false serves plain HTTP on {@code port}
   * @param certFile             PEM certificate, empty for {@code <data_dir>/tls/cert.pem}
   * @param keyFile              PEM PKCS#8 key, empty for {@code <data_dir>/tls/key.pem}
   * @param region               region used in ARNs (default {@value #DEFAULT_REGION})
   * @param maxBodyBytes         largest request body in bytes (default 16 MiB)
   * @param requestTimeoutMillis ms a request may take inside the server (default 30000)
   * @param eventLoops           event-loop threads and gateway instances, 0 for 2 x cores
   */
  public record Server(String host, int port, int httpPort, boolean tls, String certFile, String keyFile,
      String region, int maxBodyBytes, long requestTimeoutMillis, int eventLoops) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final String DEFAULT_REGION = "us-east-1";

    public Server {
      if (port < 0 || port > 65535 || httpPort < -1 || httpPort > 65535) {
        throw new IllegalArgumentException("server.port and server.http_port must be valid TCP ports");
      }
      if (maxBodyBytes < 1024) {
        throw new IllegalArgumentException("server.max_body_bytes must be at least 1024");
      }
      if (eventLoops < 0) {
        throw new IllegalArgumentException("server.event_loops must be 0 (auto) or positive");
      }
    }

    static Server defaults() {
      return new Server(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_HTTP_PORT, true, "", "", DEFAULT_REGION,
          GatewayOptions.DEFAULT_MAX_BODY_BYTES, GatewayOptions.DEFAULT_REQUEST_TIMEOUT_MILLIS, 0);
    }
  }

  /**
   * The {@code postgres} section.
   *
   * @param url             {@code postgresql://user:password@host:port/database}; empty starts the embedded server
   * @param poolSize        transaction pool connections
   * @param clientSize      pipelined-client connections
   * @param pipeliningLimit statements in flight per pipelined connection
   * @param embeddedPort    TCP port of the embedded server on 127.0.0.1 (default {@value #DEFAULT_EMBEDDED_PORT})
   */
  public record Postgres(String url, int poolSize, int clientSize, int pipeliningLimit, int embeddedPort) {
    public static final int DEFAULT_EMBEDDED_PORT = 8432;

    static Postgres defaults() {
      return new Postgres("", PgSettings.DEFAULT_POOL_SIZE, PgSettings.DEFAULT_CLIENT_SIZE,
          PgSettings.DEFAULT_PIPELINING_LIMIT, DEFAULT_EMBEDDED_PORT);
    }

    public boolean embedded() {
      return url == null || url.isBlank();
    }

    public PgSettings settings(String uri) {
      return new PgSettings(uri, poolSize, clientSize, pipeliningLimit);
    }
  }

  public Path certFile() {
    return server.certFile().isBlank() ? dataDir.resolve("tls/cert.pem") : Path.of(server.certFile());
  }

  public Path keyFile() {
    return server.keyFile().isBlank() ? dataDir.resolve("tls/key.pem") : Path.of(server.keyFile());
  }

  /** The HTTPS (or HTTP) base URL clients use, e.g. {@code https://127.0.0.1:8000}. */
  public String endpointUrl(int actualPort) {
    String host = server.host().equals("0.0.0.0") || server.host().equals("::") ? "127.0.0.1" : server.host();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return (server.tls() ? "https://" : "http://") + host + ":" + actualPort;
  }

  /** Default data directory: {@code CAIRN_DATA_DIR}, else {@code ~/.cairn}. */
  public static Path defaultDataDir(Map<String, String> env) {
    String fromEnv = env.get("CAIRN_DATA_DIR");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cairn").toAbsolutePath();
  }

  /** Loads {@code <dataDir>/cairn.yaml} when present, then applies environment overrides. */
  public static CairnConfig load(Path dataDir, Map<String, String> env) throws IOException {
    JsonNode root = null;
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }
    Values v = new Values(root, env);
    Server d = Server.defaults();
    Server server = new Server(
        v.str("server", "host", d.host()),
        v.integer("server", "port", d.port()),
        v.integer("server", "http_port", d.httpPort()),
        v.bool("server", "tls", d.tls()),
        v.str("server", "cert_file", d.certFile()),
        v.str("server", "key_file", d.keyFile()),
        v.str("server", "region", d.region()),
        v.integer("server", "max_body_bytes", d.maxBodyBytes()),
        v.integer("server", "request_timeout_ms", (int) d.requestTimeoutMillis()),
        v.integer("server", "event_loops", d.eventLoops()));
    Postgres p = Postgres.defaults();
    Postgres postgres = new Postgres(
        v.str("postgres", "url", p.url()),
        v.integer("postgres", "pool_size", p.poolSize()),
        v.integer("postgres", "client_size", p.clientSize()),
        v.integer("postgres", "pipelining_limit", p.pipeliningLimit()),
        v.integer("postgres", "embedded_port", p.embeddedPort()));
    return new CairnConfig(dataDir, server, postgres);
  }

  /** A copy with other server settings (used by tests and {@code serve} flags). */
  public CairnConfig withServer(Server s) {
    return new CairnConfig(dataDir, s, postgres);
  }

  /** A copy with other PostgreSQL settings. */
  public CairnConfig withPostgres(Postgres p) {
    return new CairnConfig(dataDir, server, p);
  }

  /** Reads one key: environment first, then the YAML file, then the default. */
  private record Values(JsonNode root, Map<String, String> env) {
    private String raw(String section, String key) {
      String e = env.get("CAIRN_" + section.toUpperCase() + "_" + key.toUpperCase());
      if (e != null) {
        return e;
      }
      JsonNode s = root == null ? null : root.get(section);
      JsonNode n = s == null ? null : s.get(key);
      return n == null || n.isNull() ? null : n.asText();
    }

    String str(String section, String key, String def) {
      String r = raw(section, key);
      return r == null ? def : r;
    }

    int integer(String section, String key, int def) {
      String r = raw(section, key);
      try {
        return r == null || r.isBlank() ? def : Integer.parseInt(r.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(section + "." + key + " must be an integer, not '" + r + "'");
      }
    }

    boolean bool(String section, String key, boolean def) {
      String r = raw(section, key);
      if (r == null || r.isBlank()) {
        return def;
      }
      if (!r.equalsIgnoreCase("true") && !r.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException(section + "." + key + " must be true or false, not '" + r + "'");
      }
      return Boolean.parseBoolean(r);
    }
  }
}
