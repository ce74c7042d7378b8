package io.cuepoint.connectors.embedding;

import io.cuepoint.connectors.retry.CallListener;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what a caller reports. */
public final class CountingListener implements CallListener {
  public final AtomicInteger attempts = new AtomicInteger();
  public final AtomicInteger throttles = new AtomicInteger();
  public final AtomicInteger retries = new AtomicInteger();
  public final AtomicInteger failures = new AtomicInteger();

  @Override
  public void attempt() {
    attempts.incrementAndGet();
  }

  @Override
  public void throttled() {
    throttles.incrementAndGet();
  }

  @Override
  public void retried() {
    retries.incrementAndGet();
  }

  @Override
  public void failed() {
    failures.incrementAndGet();
  }
}
