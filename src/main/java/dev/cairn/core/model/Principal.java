package dev.cairn.core.model;

/**
 * Who made a request, as resolved by authentication.
 *
 * @param accountId   the 12-digit account the caller acts in (every resource lookup filters by it)
 * @param userName    the IAM-style user name of the access key's owner
 * @param accessKeyId the access key that signed the request
 */
public record Principal(String accountId, String userName, String accessKeyId) {
  /** The principal's ARN, {@code arn:aws:iam::<account>:user/<name>}. */
  public String arn() {
    return "arn:aws:iam::" + accountId + ":user/" + userName;
  }
}
