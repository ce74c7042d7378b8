package io.cuepoint.connectors.fetch;

import java.io.IOException;

/**
 * A fetch the policy does not allow, or whose answer can never succeed (a URL that is not
 * allowed, a redirect elsewhere, a private address, a body too large, a 4xx status). Trying again
 * would give the same answer.
 */
public final class FetchRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  public FetchRefusedException(String reason) {
    super(reason);
  }

  /** Always false: a refusal is not retried. */
  public boolean retryable() {
    return false;
  }
}
