package dev.cairn.auth.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the TLS certificate {@code cairn init} writes when the operator brings none (design §4).
 *
 * <p>One EC P-256 key and one self-signed X.509 v3 certificate (SHA256withECDSA, subject and issuer
 * {@code CN=Cairn local CA,O=Cairn}) that is both the server certificate and its own CA, so clients can use
 * {@code cert.pem} as their CA bundle ({@code AWS_CA_BUNDLE}, {@code aws --ca-bundle}, a Java trust store).
 * Extensions, chosen so OpenSSL 3 in strict mode (Python 3.13's default), Java and Go accept it:
 * basicConstraints {@code CA:TRUE} (critical); keyUsage digitalSignature and keyCertSign (critical);
 * extendedKeyUsage serverAuth; subjectKeyIdentifier and authorityKeyIdentifier; subjectAltName with
 * {@code DNS:localhost}, {@code IP:127.0.0.1}, {@code IP:::1} and the extra names given. Validity starts one
 * hour in the past (client clock skew) and lasts {@link #DEFAULT_VALIDITY}; Apple platforms limit TLS
 * server certificates to 825 days, so macOS-native clients need {@link #generate(Path, Path, List, Duration)}
 * with a shorter validity.
 *
 * <p>Files: {@code cert.pem} ({@code -----BEGIN CERTIFICATE-----}, mode 0644) and {@code key.pem} (PKCS#8,
 * {@code -----BEGIN PRIVATE KEY-----}, mode 0600 from creation). Each is written to a temporary file in
 * the same directory and moved into place, so a crash leaves either the old file or the new one.
 */
public final class SelfSignedCertificate {
  /** Validity of generated certificates. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3653);
  /** Subject and issuer of generated certificates, in RFC 2253 form (as {@code getName()} prints it). */
  public static final String SUBJECT = "CN=Cairn local CA,O=Cairn";

  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9_.-]+)?");
  private static final Pattern DNS_NAME =
      Pattern.compile("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

  private SelfSignedCertificate() {}

  /**
   * Whether both files exist as regular files (their content is not checked).
   */
  public static boolean exists(Path certFile, Path keyFile) {
    return Files.isRegularFile(certFile) && Files.isRegularFile(keyFile);
  }

  /** {@link #generate(Path, Path, List, Duration)} with {@link #DEFAULT_VALIDITY}. */
  public static void generate(Path certFile, Path keyFile, List<String> extraNames) {
    generate(certFile, keyFile, extraNames, DEFAULT_VALIDITY);
  }

  /**
   * Generates a key pair and certificate and writes both files, replacing existing ones.
   *
   * @param extraNames more subject alternative names: IPv4 or IPv6 literals become IP entries, anything else
   *     must be a DNS name; the wildcard bind addresses {@code 0.0.0.0} and {@code ::} are skipped (they name
   *     no host) and duplicates of the defaults are dropped
   * @throws IllegalArgumentException when an extra name is neither an IP literal nor a DNS name, or the
   *     validity is not positive
   * @throws UncheckedIOException when a file cannot be written (parent directories are not created)
   */
  public static void generate(Path certFile, Path keyFile, List<String> extraNames, Duration validity) {
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive");
    }
    GeneralNames sans = subjectAltNames(extraNames);
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X509Certificate certificate = selfSign(pair, sans, Instant.now(), validity);
      writeAtomically(certFile, pem("CERTIFICATE", certificate.getEncoded()), false);
      // The JDK encodes EC private keys as PKCS#8 PrivateKeyInfo.
      writeAtomically(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot create an EC P-256 certificate", e);
    }
  }

  private static X509Certificate selfSign(KeyPair pair, GeneralNames sans, Instant now, Duration validity)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    // Most significant RDN first in the encoding (O, then CN); RFC 2253 text lists them the other way round.
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, "Cairn")
        .addRDN(BCStyle.CN, "Cairn local CA")
        .build();
    byte[] serial = new byte[16];
    new SecureRandom().nextBytes(serial);
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
        name,
        new BigInteger(1, serial), // positive, at most 16 octets (RFC 5280 §4.1.2.2 allows 20)
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(validity)),
        name,
        pair.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
    builder.addExtension(
        Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(pair.getPublic()));
    builder.addExtension(Extension.subjectAlternativeName, false, sans);
    X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  /** The default names plus the extra ones, in order, without duplicates or wildcard bind addresses. */
  static GeneralNames subjectAltNames(List<String> extraNames) {
    Set<String> dns = new LinkedHashSet<>(List.of("localhost"));
    Set<InetAddress> ips = new LinkedHashSet<>();
    ips.add(ipLiteral("127.0.0.1"));
    ips.add(ipLiteral("::1"));
    for (String raw : extraNames) {
      String name = raw.strip();
      if (name.startsWith("[") && name.endsWith("]")) {
        name = name.substring(1, name.length() - 1);
      }
      if (IPV4.matcher(name).matches() || IPV6.matcher(name).matches()) {
        InetAddress ip = ipLiteral(name);
        if (!ip.isAnyLocalAddress()) {
          ips.add(ip);
        }
      } else if (DNS_NAME.matcher(name).matches() && name.length() <= 253 && !name.matches("[0-9.]+")) {
        dns.add(name.toLowerCase(Locale.ROOT));
      } else {
        throw new IllegalArgumentException("not an IP address or DNS name: '" + raw + "'");
      }
    }
    List<GeneralName> names = new ArrayList<>();
    dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
    ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip.getHostAddress())));
    return new GeneralNames(names.toArray(new GeneralName[0]));
  }

  private static InetAddress ipLiteral(String literal) {
    try {
      // Only strings shaped like IP literals get here, so getByName parses them and never asks DNS.
      if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
        throw new IllegalArgumentException("not an IP address: '" + literal + "'");
      }
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: '" + literal + "'", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static void writeAtomically(Path target, String content, boolean ownerOnly) {
    Path dir = target.toAbsolutePath().getParent();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    String mode = ownerOnly ? "rw-------" : "rw-r--r--";
    FileAttribute<?>[] attrs = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
        : new FileAttribute<?>[0];
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attrs);
      if (posix) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
      }
      Files.writeString(tmp, content, StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The original failure matters more.
        }
      }
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
