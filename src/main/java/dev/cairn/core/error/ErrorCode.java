package dev.cairn.core.error;

/**
 * Every error Cairn returns, with its wire {@code __type} and HTTP status.
 *
 * <p>The {@code __type} is what the service sends: a namespace, {@code #}, and the short name the SDKs map
 * to an exception class. Source: DynamoDB API Reference, "Common Errors" and each action's "Errors" section;
 * the namespaces are those the service puts on the wire (coral for protocol-level errors).
 */
public enum ErrorCode {
  // Protocol and authentication (namespace com.amazon.coral.service)
  ACCESS_DENIED("com.amazon.coral.service#AccessDeniedException", 400),
  INCOMPLETE_SIGNATURE("com.amazon.coral.service#IncompleteSignatureException", 400),
  INVALID_SIGNATURE("com.amazon.coral.service#InvalidSignatureException", 400),
  MISSING_AUTHENTICATION_TOKEN("com.amazon.coral.service#MissingAuthenticationTokenException", 400),
  UNRECOGNIZED_CLIENT("com.amazon.coral.service#UnrecognizedClientException", 400),
  SERIALIZATION("com.amazon.coral.service#SerializationException", 400),
  UNKNOWN_OPERATION("com.amazon.coral.service#UnknownOperationException", 400),
  REQUEST_TOO_LARGE("com.amazon.coral.service#RequestEntityTooLarge", 413),
  THROTTLING("com.amazon.coral.availability#ThrottlingException", 400),
  VALIDATION("com.amazon.coral.validate#ValidationException", 400),
  INTERNAL_FAILURE("com.amazon.coral.service#InternalFailure", 500),
  SERVICE_UNAVAILABLE("com.amazon.coral.availability#ServiceUnavailableException", 503),
  // DynamoDB (namespace com.amazonaws.dynamodb.v20120810)
  CONDITIONAL_CHECK_FAILED("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", 400),
  IDEMPOTENT_PARAMETER_MISMATCH("com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException", 400),
  INTERNAL_SERVER_ERROR("com.amazonaws.dynamodb.v20120810#InternalServerError", 500),
  ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED(
      "com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException", 400),
  LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#LimitExceededException", 400),
  PROVISIONED_THROUGHPUT_EXCEEDED(
      "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", 400),
  REQUEST_LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#RequestLimitExceeded", 400),
  RESOURCE_IN_USE("com.amazonaws.dynamodb.v20120810#ResourceInUseException", 400),
  RESOURCE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", 400),
  TRANSACTION_CANCELED("com.amazonaws.dynamodb.v20120810#TransactionCanceledException", 400),
  TRANSACTION_CONFLICT("com.amazonaws.dynamodb.v20120810#TransactionConflictException", 400),
  TRANSACTION_IN_PROGRESS("com.amazonaws.dynamodb.v20120810#TransactionInProgressException", 400),
  DUPLICATE_ITEM("com.amazonaws.dynamodb.v20120810#DuplicateItemException", 400),
  /** DescribeContinuousBackups (and the backup APIs) answer a missing table with this, not ResourceNotFound. */
  TABLE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#TableNotFoundException", 400),
  // DynamoDB Streams
  EXPIRED_ITERATOR("com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", 400),
  TRIMMED_DATA_ACCESS("com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException", 400);

  private final String wireType;
  private final int httpStatus;

  ErrorCode(String wireType, int httpStatus) {
    this.wireType = wireType;
    this.httpStatus = httpStatus;
  }

  /** The {@code __type} value of the JSON error body. */
  public String wireType() {
    return wireType;
  }

  /** The short name after {@code #}, e.g. {@code ValidationException}. */
  public String shortName() {
    return wireType.substring(wireType.indexOf('#') + 1);
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the failure is the server's, not the caller's (5xx): such errors are logged with the request id. */
  public boolean isServerFault() {
    return httpStatus >= 500;
  }
}
