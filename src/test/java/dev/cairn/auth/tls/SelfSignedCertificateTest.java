package dev.cairn.auth.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
  @TempDir Path dir;

  private Path cert() {
    return dir.resolve("cert.pem");
  }

  private Path key() {
    return dir.resolve("key.pem");
  }

  private X509Certificate loadCert() throws Exception {
    try (InputStream in = Files.newInputStream(cert())) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private PrivateKey loadKey() throws Exception {
    String pem = Files.readString(key());
    assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem.substring(0, 40));
    assertTrue(pem.endsWith("-----END PRIVATE KEY-----\n"));
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
  }

  private static List<String> sans(X509Certificate c) throws Exception {
    List<String> out = new ArrayList<>();
    Collection<List<?>> names = c.getSubjectAlternativeNames();
    for (List<?> n : names) {
      out.add((((Integer) n.get(0)) == 2 ? "DNS:" : "IP:") + n.get(1));
    }
    return out;
  }

  @Test
  void generate_writesLoadableP256CertificateAndMatchingKey() throws Exception {
    assertFalse(SelfSignedCertificate.exists(cert(), key()));
    SelfSignedCertificate.generate(cert(), key(), List.of());
    assertTrue(SelfSignedCertificate.exists(cert(), key()));

    X509Certificate c = loadCert();
    PrivateKey k = loadKey();
    assertEquals(3, c.getVersion());
    assertEquals("SHA256withECDSA", c.getSigAlgName());
    assertEquals(256, ((ECPublicKey) c.getPublicKey()).getParams().getCurve().getField().getFieldSize());
    assertEquals(c.getSubjectX500Principal(), c.getIssuerX500Principal());
    assertEquals(SelfSignedCertificate.SUBJECT, c.getSubjectX500Principal().getName());
    c.verify(c.getPublicKey()); // self-signed
    c.checkValidity();
    long years = Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()).toDays() / 365;
    assertEquals(10, years);
    assertTrue(c.getNotBefore().toInstant().isBefore(Instant.now().minusSeconds(3000)));

    byte[] data = "cairn".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(k);
    signer.update(data);
    byte[] sig = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(c.getPublicKey());
    verifier.update(data);
    assertTrue(verifier.verify(sig), "key.pem must be the certificate's private key");
    assertTrue(k instanceof ECPrivateKey);
  }

  @Test
  void generate_setsCaAndServerExtensions() throws Exception {
    SelfSignedCertificate.generate(cert(), key(), List.of());
    X509Certificate c = loadCert();
    assertEquals(Integer.MAX_VALUE, c.getBasicConstraints()); // CA:TRUE, no path length limit
    boolean[] ku = c.getKeyUsage();
    assertTrue(ku[0], "digitalSignature");
    assertTrue(ku[5], "keyCertSign");
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), c.getExtendedKeyUsage());
    assertTrue(c.getCriticalExtensionOIDs().contains("2.5.29.19"), "basicConstraints critical");
    assertTrue(c.getCriticalExtensionOIDs().contains("2.5.29.15"), "keyUsage critical");
    assertTrue(c.getExtensionValue("2.5.29.14") != null, "subjectKeyIdentifier");
    assertTrue(c.getExtensionValue("2.5.29.35") != null, "authorityKeyIdentifier");
  }

  @Test
  void generate_subjectAltNamesHaveDefaultsAndExtras() throws Exception {
    SelfSignedCertificate.generate(
        cert(), key(), List.of("cairn.internal", "10.1.2.3", "0.0.0.0", "::", "[fd00::5]", "LOCALHOST", "127.0.0.1"));
    assertEquals(
        List.of("DNS:localhost", "DNS:cairn.internal", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1", "IP:10.1.2.3",
            "IP:fd00:0:0:0:0:0:0:5"),
        sans(loadCert()));
  }

  @Test
  void generate_badExtraName_rejectedBeforeWriting() {
    for (String bad : List.of("host:8443", "not a name", "999.1.1.1", "-bad.example")) {
      assertThrows(IllegalArgumentException.class,
          () -> SelfSignedCertificate.generate(cert(), key(), List.of(bad)), bad);
    }
    assertFalse(Files.exists(cert()));
    assertFalse(Files.exists(key()));
  }

  @Test
  void generate_fileModesAndReplacement() throws Exception {
    SelfSignedCertificate.generate(cert(), key(), List.of());
    byte[] first = Files.readAllBytes(cert());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key())));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(cert())));
    SelfSignedCertificate.generate(cert(), key(), List.of());
    assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(cert())));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void openssl_parsesAndVerifiesStrictly() throws Exception {
    assumeTrue(onPath("openssl"), "openssl not installed");
    SelfSignedCertificate.generate(cert(), key(), List.of("10.0.0.7"));
    Result text = run("openssl", "x509", "-in", cert().toString(), "-noout", "-text");
    assertEquals(0, text.code, text.out);
    assertTrue(text.out.contains("Subject: O = Cairn, CN = Cairn local CA"), text.out);
    assertTrue(text.out.contains("CA:TRUE"), text.out);
    assertTrue(text.out.contains("Digital Signature, Certificate Sign"), text.out);
    assertTrue(text.out.contains("TLS Web Server Authentication"), text.out);
    assertTrue(text.out.contains("DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:10.0.0.7"),
        text.out);
    assertTrue(text.out.contains("ecdsa-with-SHA256") && text.out.contains("prime256v1"), text.out);
    Result verify = run("openssl", "verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", cert().toString(),
        cert().toString());
    assertEquals(0, verify.code, verify.out);
    Result keyCheck = run("openssl", "pkey", "-in", key().toString(), "-noout", "-check");
    assertEquals(0, keyCheck.code, keyCheck.out);
  }

  /** A TLS server with the generated files, checked by Java's and Python's default verification. */
  @Test
  void tlsHandshake_javaAndPythonTrustCertAsItsOwnCa() throws Exception {
    SelfSignedCertificate.generate(cert(), key(), List.of());
    X509Certificate c = loadCert();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("cairn", loadKey(), new char[0], new X509Certificate[] {c});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);

    try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
      int port = listener.getLocalPort();
      Thread acceptor = new Thread(() -> {
        while (!listener.isClosed()) {
          try (SSLSocket s = (SSLSocket) listener.accept()) {
            s.startHandshake();
            try (OutputStream out = s.getOutputStream()) {
              out.write("ok\n".getBytes(StandardCharsets.US_ASCII));
            }
          } catch (Exception ignored) {
            // A client that rejects the certificate ends its handshake; keep serving the next one.
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();

      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("cairn", c);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext client = SSLContext.getInstance("TLS");
      client.init(null, tmf.getTrustManagers(), null);
      for (String host : List.of("localhost", "127.0.0.1")) {
        try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(host, port)) {
          SSLParameters p = s.getSSLParameters();
          p.setEndpointIdentificationAlgorithm("HTTPS"); // hostname checked against the SANs
          s.setSSLParameters(p);
          s.startHandshake();
          assertArrayEquals("ok\n".getBytes(StandardCharsets.US_ASCII), s.getInputStream().readAllBytes(), host);
        }
      }

      if (onPath("python3")) {
        // What botocore does with AWS_CA_BUNDLE: a default context with the PEM as its only CA; strict X.509
        // checks as Python 3.13 enables them by default.
        String script = "import ssl,socket,sys\n"
            + "ctx=ssl.create_default_context(cafile=sys.argv[1])\n"
            + "ctx.verify_flags|=getattr(ssl,'VERIFY_X509_STRICT',0)\n"
            + "for h in ('localhost','127.0.0.1'):\n"
            + "  with socket.create_connection((h,int(sys.argv[2]))) as raw:\n"
            + "    with ctx.wrap_socket(raw,server_hostname=h) as s:\n"
            + "      assert s.recv(3)==b'ok\\n'\n"
            + "print('python-ok')\n";
        Result py = run("python3", "-c", script, cert().toString(), Integer.toString(port));
        assertEquals(0, py.code, py.out);
        assertTrue(py.out.contains("python-ok"), py.out);
      }
    }
  }

  private record Result(int code, String out) {}

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  private static Result run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    return new Result(p.exitValue(), out);
  }
}
