package io.cuepoint.connectors.ivs;

import java.io.Serializable;

/** Where and how fast overlays are put on IVS channels. */
public class IvsSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Off: every decision is written with status DRY_RUN, no client is created, nothing is sent. */
  public boolean enabled = false;

  /** Endpoint override (a VPC endpoint, or a local server in tests); null for the AWS endpoint. */
  public String endpoint;

  /** Region of every call; null for the region in each channel's ARN. */
  public String region;

  /** Calls any one channel may get in any one second (IVS allows 5). */
  public int channelCallsPerSecond = 5;

  /** Calls the whole account may make in any one second, shared by the sender's subtasks. */
  public int accountCallsPerSecond = 155;

  /** Time from a decision's first attempt after which throttling and server errors are final. */
  public long retryBudgetMs = 10_000L;

  /** Upper bound of the first retry's random delay; it doubles with every retry. */
  public long initialBackoffMs = 200L;

  /** Time one attempt may take before it counts as failed. */
  public long callTimeoutMs = 5_000L;

  /** Time a decision may wait for its outcome in all; then it is FAILED (the job goes on). */
  public long decisionTimeoutMs = 120_000L;

  /** Decisions waiting for their outcome per subtask before the sender holds back its input. */
  public int capacity = 1_000;

  public IvsSettings() {}

  /** Throws {@link IllegalArgumentException} naming the first field out of range. */
  public void validate() {
    require(channelCallsPerSecond >= 1, "channelCallsPerSecond must be at least 1");
    require(accountCallsPerSecond >= 1, "accountCallsPerSecond must be at least 1");
    require(retryBudgetMs >= 0, "retryBudgetMs must not be negative");
    require(initialBackoffMs > 0, "initialBackoffMs must be positive");
    require(callTimeoutMs > 0, "callTimeoutMs must be positive");
    require(
        decisionTimeoutMs > retryBudgetMs + callTimeoutMs,
        "decisionTimeoutMs must be more than retryBudgetMs + callTimeoutMs, so a decision being"
            + " retried is never cut off");
    require(capacity >= 1, "capacity must be at least 1");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
