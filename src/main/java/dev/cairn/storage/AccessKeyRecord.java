package dev.cairn.storage;

import java.time.Instant;

/**
 * An access key as stored: the secret is AES-256-GCM ciphertext under the master key (see
 * {@code auth.crypto.SecretCipher}), never plain text.
 *
 * @param accessKeyId     {@code AKIACAIRN...} for keys Cairn made, any AWS-format id for imported ones
 * @param accountId       the account the key acts for
 * @param userName        the IAM-style user name the key belongs to
 * @param secretCiphertext encrypted secret access key
 * @param imported        whether the key was imported rather than generated
 * @param createdAt       creation time
 */
public record AccessKeyRecord(String accessKeyId, String accountId, String userName, byte[] secretCiphertext,
    boolean imported, Instant createdAt) {
}
