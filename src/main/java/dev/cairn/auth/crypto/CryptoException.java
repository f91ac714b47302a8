package dev.cairn.auth.crypto;

/**
 * A failure to decrypt, load or parse protected material: a wrong master key, a tampered or misplaced
 * ciphertext, a malformed file. The message names what failed, never a secret or key byte.
 */
public final class CryptoException extends RuntimeException {
  /** A failure with a message and its cause (which is never a secret-bearing exception of ours). */
  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure with a message. */
  public CryptoException(String message) {
    super(message);
  }
}
