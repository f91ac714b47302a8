package dev.cairn.server;

import dev.cairn.core.model.Principal;

/**
 * A decrypted access key with the principal it stands for; kept only in memory. {@code toString} hides the
 * secret so it never reaches a log.
 *
 * @param principal       the principal (account, user, key id); {@code null} when the key does not exist
 * @param secretAccessKey the secret, in clear
 */
public record Credential(Principal principal, String secretAccessKey) {
  public static final Credential NONE = new Credential(null, null);

  public boolean exists() {
    return principal != null;
  }

  @Override
  public String toString() {
    return "Credential[" + (principal == null ? "none" : principal.accessKeyId()) + "]";
  }
}
