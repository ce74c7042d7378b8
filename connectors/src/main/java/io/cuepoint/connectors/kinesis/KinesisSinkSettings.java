package io.cuepoint.connectors.kinesis;

import java.io.Serializable;

/** How records are batched into PutRecords calls. Plain data; the job's configuration fills it in. */
public class KinesisSinkSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Records per PutRecords call (Kinesis allows 500). */
  public int maxBatchSize = 500;
  public int maxInFlightRequests = 50;
  /** Records buffered before the sink slows the job down (backpressure). */
  public int maxBufferedRequests = 10_000;
  /** A partial batch is sent after this long. */
  public long maxTimeInBufferMs = 5_000;

  public KinesisSinkSettings() {}
}
