package dev.cairn.core.validate;

import dev.cairn.core.error.DynamoException;
import dev.cairn.core.error.ErrorCode;
import java.util.List;

/**
 * The control-plane error texts for tables, indexes, streams, TTL and tags, as factories of the exception
 * the service raises. The table validators use the request-only ones; the engine uses those that need the
 * stored table (existence, status, current settings).
 *
 * <p>Evidence. "Confirmed" texts were observed from the real service: the ack-api-quirks DynamoDB lab
 * catalogues (ValidationException, ResourceNotFoundException and ResourceInUseException catalogues, probes of
 * 2026-10-08/09), moto and dynalite tests that pin service texts, and the dynoxide changelog. "Inferred"
 * texts follow a confirmed sibling or an emulator and are marked so; change them when a capture disagrees.
 *
 * <p>Which text for which action when the table is missing (confirmed, DDB-TABLE-070/446): DescribeTable,
 * UpdateTable, DeleteTable, DescribeTimeToLive and UpdateTimeToLive use {@link #tableNotFound}; the tag APIs
 * use {@link #resourceArnNotFound}; DescribeContinuousBackups uses {@link #continuousBackupsTableNotFound}
 * ({@code TableNotFoundException}). Request validation always runs before the existence check.
 * "Cannot do operations on a non-existent table" is DynamoDB Local's wording, not the service's.
 *
 * <p>An UpdateTable that changes nothing is not a state error: it fails request validation with
 * {@link #updateTableNothingToDo()} (there is no "Nothing to update" text in the service).
 */
public final class TableMessages {
  /** The prefix of most semantic ValidationException texts. */
  public static final String INVALID = "One or more parameter values were invalid: ";
  private static final String IN_USE = "Attempt to change a resource which is still in use: ";
  private static final String LIMIT = "Subscriber limit exceeded: ";

  private TableMessages() {
  }

  // ---- ResourceNotFoundException / TableNotFoundException

  /** Confirmed: "Requested resource not found: Table: X not found" (also while a restore target is CREATING). */
  public static DynamoException tableNotFound(String tableName) {
    return DynamoException.of(ErrorCode.RESOURCE_NOT_FOUND,
        "Requested resource not found: Table: " + tableName + " not found");
  }

  /** Confirmed: tag APIs on a missing table (also while CREATING and from ~1.6 s into DELETING). */
  public static DynamoException resourceArnNotFound(String resourceArn) {
    return DynamoException.of(ErrorCode.RESOURCE_NOT_FOUND,
        "Requested resource not found: ResourceArn: " + resourceArn + " not found");
  }

  /** Confirmed: UpdateTable GSI Update/Delete of an unknown index (no colon after "Index"). */
  public static DynamoException indexNotFound(String indexName, String tableName) {
    return DynamoException.of(ErrorCode.RESOURCE_NOT_FOUND,
        "Requested resource not found: Index " + indexName + " for table " + tableName);
  }

  /** Confirmed: DescribeContinuousBackups on a missing table, {@code TableNotFoundException}. */
  public static DynamoException continuousBackupsTableNotFound(String tableName) {
    return DynamoException.of(ErrorCode.TABLE_NOT_FOUND, "Table not found: " + tableName);
  }

  // ---- ResourceInUseException

  /** Confirmed: CreateTable of an existing name, in every state but CREATING (also while DELETING). */
  public static DynamoException tableAlreadyExists(String tableName) {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE, "Table already exists: " + tableName);
  }

  /** Confirmed: CreateTable, UpdateTable or DeleteTable while the table is CREATING. */
  public static DynamoException tableBeingCreated(String tableName) {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE, IN_USE + "Table is being created: " + tableName);
  }

  /** Confirmed: DeleteTable, UpdateTable or TagResource while the table is DELETING. */
  public static DynamoException tableBeingDeleted(String tableName) {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE, IN_USE + "Table is being deleted: " + tableName);
  }

  /**
   * Inferred (dynalite, by analogy with the two above): an UpdateTable while the table is UPDATING that is
   * neither a throughput, billing, stream nor deletion-protection change (those have their own answers).
   */
  public static DynamoException tableBeingUpdated(String tableName) {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE, IN_USE + "Table is being updated: " + tableName);
  }

  /**
   * Confirmed (ack-api-quirks DDB-TABLE-369, -381, -452): an UpdateTable with ProvisionedThroughput or BillingMode
   * while the table is UPDATING.
   */
  public static DynamoException tableIopsBeingUpdated(String tableName) {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE,
        IN_USE + "Table IOPS are currently being updated. Table: " + tableName);
  }

  /** Confirmed (ack-api-quirks DDB-TABLE-369): enabling or disabling the stream while the table is UPDATING. */
  public static DynamoException streamWhileIopsUpdating(String tableName) {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE,
        IN_USE + "Can't enable or disable stream while table IOPS are being updated. Table: " + tableName);
  }

  /** Confirmed (ack-api-quirks DDB-TABLE-369): DeleteTable while the table is UPDATING. */
  public static DynamoException deleteWhileUpdating(String tableName) {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE,
        IN_USE + "Table: " + tableName + " is in the process of being updated.");
  }

  /** Confirmed: DeleteTable while any GSI is CREATING, UPDATING or DELETING (even with the table ACTIVE). */
  public static DynamoException deleteWhileIndexesChanging() {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE,
        IN_USE + "Cannot delete table while indexes are being created, updated, or deleted.");
  }

  /** Confirmed: a GSI Update of an index that is DELETING. */
  public static DynamoException indexBeingDeleted(String tableName, String indexName) {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE,
        IN_USE + "Index is being deleted. Table: " + tableName + " Index: " + indexName);
  }

  /** Confirmed: a GSI Delete while that index is CREATING and not yet back-filling. */
  public static DynamoException indexInResourceAllocation(String tableName, String indexName) {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE, IN_USE + "Index creation is in resource allocation "
        + "phase. Retry deletion during backfilling phase or when the index is active. Table: " + tableName
        + " Index: " + indexName);
  }

  /** Confirmed: table throughput or billing change while GSIs are DELETING. */
  public static DynamoException tableIopsWhileIndexDeleting(String tableName, List<String> indexNames) {
    return DynamoException.of(ErrorCode.RESOURCE_IN_USE, IN_USE
        + "Can't change table IOPS when an index is being deleted. Table: " + tableName + " Indexes: "
        + bracketed(indexNames));
  }

  // ---- LimitExceededException

  /** Confirmed: two GSI Create/Delete actions in one call, or one while another index is CREATING/DELETING. */
  public static DynamoException onlyOneOnlineIndex() {
    return DynamoException.of(ErrorCode.LIMIT_EXCEEDED,
        LIMIT + "Only 1 online index can be created or deleted simultaneously per table");
  }

  /** Confirmed: UpdateTable creating a 21st GSI (CreateTable raises a ValidationException instead). */
  public static DynamoException gsiLimitOnUpdate() {
    return DynamoException.of(ErrorCode.LIMIT_EXCEEDED,
        LIMIT + "Number of global secondary indexes exceeds per-table limit of 20");
  }

  /** Confirmed: a tag write within ~1.5 s of another effective tag write on the same table. */
  public static DynamoException tagsBeingUpdated(String tableName) {
    return DynamoException.of(ErrorCode.LIMIT_EXCEEDED, LIMIT + "Table tags are being updated: " + tableName);
  }

  // ---- ValidationException that needs the stored table

  /** Confirmed: DeleteTable of a table with deletion protection. */
  public static DynamoException deletionProtected() {
    return DynamoException.validation(
        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
  }

  /** Confirmed: enabling a stream (any view type) on a table whose stream is enabled. */
  public static DynamoException streamAlreadyEnabled(String tableName) {
    return DynamoException.validation("Table already has an enabled stream: TableName: " + tableName);
  }

  /** Confirmed: disabling the stream of a table that has none enabled. */
  public static DynamoException noStreamToDisable(String tableName) {
    return DynamoException.validation("Table has no stream to disable: TableName: " + tableName);
  }

  /** Confirmed: UpdateTable with the table's current ProvisionedThroughput (also with BillingMode=PROVISIONED). */
  public static DynamoException tableThroughputWillNotChange(long currentRead, long requestedRead,
      long currentWrite, long requestedWrite) {
    return DynamoException.validation("The provisioned throughput for the table will not change. The requested "
        + "value equals the current value. Current ReadCapacityUnits provisioned for the table: " + currentRead
        + ". Requested ReadCapacityUnits: " + requestedRead + ". Current WriteCapacityUnits provisioned for the "
        + "table: " + currentWrite + ". Requested WriteCapacityUnits: " + requestedWrite + ". Refer to the Amazon "
        + "DynamoDB Developer Guide for current limits and how to request higher limits.");
  }

  /**
   * A GSI Update with the index's current throughput. The head is confirmed; the tail after
   * "Current ReadCapacityUnits provisioned for index X: N. Requested ReadCapacityUnits: N." is inferred from
   * the table variant.
   */
  public static DynamoException indexThroughputWillNotChange(String indexName, long currentRead,
      long requestedRead, long currentWrite, long requestedWrite) {
    return DynamoException.validation("The provisioned throughput for the index " + indexName + " will not "
        + "change. The requested value equals the current value. Current ReadCapacityUnits provisioned for index "
        + indexName + ": " + currentRead + ". Requested ReadCapacityUnits: " + requestedRead + ". Current "
        + "WriteCapacityUnits provisioned for index " + indexName + ": " + currentWrite + ". Requested "
        + "WriteCapacityUnits: " + requestedWrite + ". Refer to the Amazon DynamoDB Developer Guide for current "
        + "limits and how to request higher limits.");
  }

  /** Confirmed: a GSI Create whose name is already used by an index of the table. */
  public static DynamoException indexAlreadyExists() {
    return DynamoException.validation("Attempting to create an index which already exists");
  }

  /**
   * A GSI Delete (confirmed) or Update (inferred: "also 'Cannot update an index ...'") naming a local index.
   *
   * @param verb {@code "delete"} or {@code "update"}
   */
  public static DynamoException notAGlobalSecondaryIndex(String verb, String indexName) {
    return DynamoException.validation("Cannot " + verb + " an index that is not a GlobalSecondaryIndex: " + indexName);
  }

  /** Confirmed: switching to PROVISIONED (or PROVISIONED GSI Update) without throughput for an existing GSI. */
  public static DynamoException provisionedThroughputMustBeSpecifiedForIndex(String indexName) {
    return DynamoException.validation(INVALID + "ProvisionedThroughput must be specified for index: " + indexName);
  }

  /** Confirmed: a GSI Create without ProvisionedThroughput on a PROVISIONED table. */
  public static DynamoException bothCapacityUnitsForIndex(String indexName) {
    return DynamoException.validation(
        INVALID + "Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: " + indexName);
  }

  /** Index throughput when the (requested or current) billing mode is PAY_PER_REQUEST (dynalite's text). */
  public static DynamoException neitherCapacityUnitsForIndexWhenPayPerRequest(String indexName) {
    return invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: " + indexName
        + " when BillingMode is PAY_PER_REQUEST");
  }

  /** Confirmed: a GSI Update with ProvisionedThroughput (or nothing) on a PAY_PER_REQUEST table. */
  public static DynamoException onlyOnDemandUpdatesForIndex(String indexName) {
    return DynamoException.validation(INVALID + "The only Updates for index: " + indexName
        + " when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
  }

  /** Confirmed: UpdateTable with BillingMode=PROVISIONED and no ProvisionedThroughput. */
  public static DynamoException provisionedThroughputRequiredOnUpdate() {
    return DynamoException.validation(
        INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
  }

  /**
   * Confirmed (ack-api-quirks DDB-TABLE-056): UpdateTable with BillingMode=PAY_PER_REQUEST and
   * ProvisionedThroughput (observed on a PROVISIONED table).
   */
  public static DynamoException provisionedThroughputWithPayPerRequestOnUpdate() {
    return invalid("ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST");
  }

  /**
   * Confirmed: ProvisionedThroughput in CreateTable with BillingMode=PAY_PER_REQUEST, or in UpdateTable without
   * BillingMode on a PAY_PER_REQUEST table.
   */
  public static DynamoException neitherCapacityUnitsWhenPayPerRequest() {
    return DynamoException.validation(INVALID
        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
  }

  /**
   * Confirmed (ack-api-quirks DDB-TABLE-108): more than 50 tags in CreateTable or TagResource, in the set a
   * TagResource would leave (existing keys merged), or more than 50 keys in UntagResource. A
   * ValidationException, not LimitExceededException.
   */
  public static DynamoException tooManyTags() {
    return DynamoException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
  }

  // ---- TTL

  /** Confirmed: UpdateTimeToLive enabling TTL that is already enabled (same attribute). */
  public static DynamoException ttlAlreadyEnabled() {
    return DynamoException.validation("TimeToLive is already enabled");
  }

  /** Confirmed: UpdateTimeToLive disabling TTL that is already disabled. */
  public static DynamoException ttlAlreadyDisabled() {
    return DynamoException.validation("TimeToLive is already disabled");
  }

  /** Confirmed: enabling TTL on another attribute while it is enabled. */
  public static DynamoException ttlActiveOnDifferentAttribute(String currentAttributeName) {
    return DynamoException.validation(
        "TimeToLive is active on a different AttributeName: current AttributeName is " + currentAttributeName);
  }

  /** Confirmed: a second TTL change within the service's cooldown (about 30 minutes there; Cairn's choice). */
  public static DynamoException ttlModifiedTooOften() {
    return DynamoException.validation("Time to live has been modified multiple times within a fixed interval");
  }

  /** Confirmed: DescribeTimeToLive while the table is CREATING or DELETING. */
  public static DynamoException cannotDescribeTtl(String tableStatus) {
    return DynamoException.validation("Cannot describe time to live while table is in " + tableStatus
        + " state: Current table state is " + tableStatus);
  }

  // ---- request-only texts (used by the validators)

  /** Confirmed: UpdateTable with nothing to change (AttributeDefinitions alone and [] updates do not count). */
  public static DynamoException updateTableNothingToDo() {
    return DynamoException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
        + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
        + "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
        + "WarmThroughput or TableClass is required");
  }

  /**
   * Confirmed for CreateTable (dynalite pins it): a key attribute without a definition. UpdateTable's GSI Create
   * uses it too, with the table's definitions merged with the request's (inferred).
   */
  public static DynamoException indexKeysNotDefined(List<String> keys, List<String> defined) {
    return invalid("Some index key attributes are not defined in AttributeDefinitions. Keys: " + bracketed(keys)
        + ", AttributeDefinitions: " + bracketed(defined));
  }

  /** A ValidationException with the "One or more parameter values were invalid: " prefix. */
  public static DynamoException invalid(String detail) {
    return DynamoException.validation(INVALID + detail);
  }

  /** {@code [a, b]}: how the service lists names inside its texts. */
  public static String bracketed(List<String> names) {
    return "[" + String.join(", ", names) + "]";
  }
}
