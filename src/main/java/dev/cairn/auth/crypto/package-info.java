/**
 * Secrets at rest (design §4): AES-256-GCM sealing of secret access keys under a master key kept outside the
 * database ({@link dev.cairn.auth.crypto.SecretCipher}, {@link dev.cairn.auth.crypto.MasterKey}), Argon2id
 * password hashes ({@link dev.cairn.auth.crypto.PasswordHasher}) and access key generation
 * ({@link dev.cairn.auth.crypto.AccessKeys}). JDK and Bouncy Castle only; the only I/O is the master key
 * file.
 */
package dev.cairn.auth.crypto;
