package io.cuepoint.connectors.kinesis;

/** Where a new job (one not restored from a checkpoint or savepoint) starts reading a stream. */
public enum StartPosition {
  /** Only records written after the job starts. */
  LATEST,
  /** The oldest record the stream still holds. */
  TRIM_HORIZON,
  /** The first record written at or after a given time. */
  AT_TIMESTAMP
}
