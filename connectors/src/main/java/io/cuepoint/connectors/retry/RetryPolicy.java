package io.cuepoint.connectors.retry;

import java.io.Serializable;

/** How long and how patiently a failed call is retried. */
public class RetryPolicy implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Time from the first attempt within which a retry may still start. */
  public long budgetMs = 2_000L;
  /** Upper bound of the first retry's random delay; it doubles with every retry. */
  public long initialBackoffMs = 50L;
  /** Longest wait for one attempt. */
  public long attemptTimeoutMs = 2_000L;

  public RetryPolicy() {}

  public RetryPolicy(long budgetMs, long initialBackoffMs, long attemptTimeoutMs) {
    this.budgetMs = budgetMs;
    this.initialBackoffMs = initialBackoffMs;
    this.attemptTimeoutMs = attemptTimeoutMs;
  }

  /** The longest a call may take in all: its retries, a last attempt, and the wait for a token. */
  public long callTimeoutMs() {
    return budgetMs + attemptTimeoutMs;
  }
}
