package io.cuepoint.connectors.dynamodb;

import java.io.Serializable;

/** The timeline table and how it is written. Plain data; the job's configuration fills it in. */
public class TimelineTableSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public String tableName;
  /** Items expire this long after their window's end (DynamoDB TTL on expiresAt); 0: never. */
  public long timeToLiveMs;
  /** Items per BatchWriteItem call (DynamoDB allows 25). */
  public int maxBatchSize = 25;

  public TimelineTableSettings() {}
}
