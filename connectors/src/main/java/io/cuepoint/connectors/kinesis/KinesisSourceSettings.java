package io.cuepoint.connectors.kinesis;

import java.io.Serializable;

/** How the input streams are read. Plain data; the job's configuration fills it in. */
public class KinesisSourceSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public StartPosition startPosition = StartPosition.LATEST;
  /** Epoch milliseconds, for {@link StartPosition#AT_TIMESTAMP}. */
  public long startTimestampMs;
  public ReaderType reader = ReaderType.POLLING;
  /** Name of the enhanced fan-out consumer registered on each stream. */
  public String efoConsumerName = "cuepoint";
  public long shardDiscoveryIntervalMs = 10_000;

  public KinesisSourceSettings() {}
}
