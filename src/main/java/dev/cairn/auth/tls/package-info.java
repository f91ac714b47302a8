/**
 * TLS material for {@code cairn init}: a self-signed EC P-256 certificate that doubles as its own CA
 * ({@link dev.cairn.auth.tls.SelfSignedCertificate}). Bouncy Castle builds the certificate; the JDK generates
 * and encodes the key.
 */
package dev.cairn.auth.tls;
