package dev.cairn.core.api;

import java.time.Instant;

/**
 * DescribeContinuousBackups output. Cairn has no backups: the engine answers {@code ENABLED} continuous
 * backups with point-in-time recovery {@code DISABLED}, as the service does for a new table. Source: DynamoDB
 * API Reference, "DescribeContinuousBackups", Data Types "ContinuousBackupsDescription",
 * "PointInTimeRecoveryDescription".
 */
public record DescribeContinuousBackupsResponse(ContinuousBackupsDescription continuousBackupsDescription) {

  /** @param continuousBackupsStatus {@code ENABLED} or {@code DISABLED} */
  public record ContinuousBackupsDescription(String continuousBackupsStatus,
      PointInTimeRecoveryDescription pointInTimeRecoveryDescription) {
  }

  /**
   * @param pointInTimeRecoveryStatus  {@code ENABLED} or {@code DISABLED}
   * @param recoveryPeriodInDays       1..35, present when enabled
   * @param earliestRestorableDateTime present when enabled
   * @param latestRestorableDateTime   present when enabled
   */
  public record PointInTimeRecoveryDescription(String pointInTimeRecoveryStatus, Integer recoveryPeriodInDays,
      Instant earliestRestorableDateTime, Instant latestRestorableDateTime) {
  }
}
