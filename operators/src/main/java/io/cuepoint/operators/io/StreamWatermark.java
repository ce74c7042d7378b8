package io.cuepoint.operators.io;

import java.io.Serializable;
import java.time.Duration;

/**
 * The watermark one input's records allow so far: the out-of-orderness bound behind the latest
 * event time seen, in steps of {@link #STEP_MS}. It depends only on the records and their order,
 * so a replay computes it the same way every time. The watermark generator emits it downstream
 * and {@link DropLateRecords} judges lateness by it, each with its own copy over the same records.
 */
public final class StreamWatermark implements Serializable {
  private static final long serialVersionUID = 1L;
  static final long STEP_MS = 10;

  private final long boundMs;
  private long current = Long.MIN_VALUE;

  public StreamWatermark(Duration bound) {
    this.boundMs = bound.toMillis();
  }

  /** Counts a record's event time. */
  public void observe(long eventTime) {
    long stepped = Math.floorDiv(eventTime - boundMs - 1, STEP_MS) * STEP_MS;
    if (stepped > current) {
      current = stepped;
    }
  }

  /** The watermark so far: a record at or before it is late. */
  public long current() {
    return current;
  }
}
