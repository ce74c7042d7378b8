package io.cuepoint.connectors.personalize;

import java.io.Serializable;

/** Where Amazon Personalize is and how hard the job may use it. */
public class PersonalizeSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  public String region = "us-east-1";
  /** Endpoint override for both clients (a VPC endpoint, a test server); empty: the public one. */
  public String endpoint = "";
  /** Campaign ranking widgets; empty: Personalize is not used and the local ranker decides. */
  public String widgetCampaignArn = "";
  /** Campaign ranking related products for discounts; empty: the local ranker ranks them. */
  public String offerCampaignArn = "";
  /** Event tracker receiving viewer interactions; empty: none are sent. */
  public String trackingId = "";
  /** Calls per second for the whole job, shared evenly by the ranking subtasks. */
  public double callsPerSecond = 50;
  /** How long a ranking is reused for viewers of the same segment and context over budget. */
  public long cacheTtlMs = 10_000L;
  /** Time within which a failed call is retried, from the first attempt. */
  public long retryBudgetMs = 1_000L;
  /** Longest wait for one attempt. */
  public long callTimeoutMs = 500L;
  /**
   * Most ranking calls in flight per subtask; more wait, without their timeout running, for one to
   * end. What a subtask can carry within the call timeout, not the async capacity.
   */
  public int callsInFlight = 128;

  public PersonalizeSettings() {}

  public boolean ranks() {
    return !widgetCampaignArn.isEmpty();
  }

  public boolean tracksEvents() {
    return !trackingId.isEmpty();
  }

  /** The longest a decision may take: retries, a last attempt, and a margin. */
  public long decisionTimeoutMs() {
    return retryBudgetMs + callTimeoutMs + 1_000L;
  }
}
