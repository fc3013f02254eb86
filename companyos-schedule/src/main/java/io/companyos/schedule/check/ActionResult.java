package io.companyos.schedule.check;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What an action did: sent (for HTTP actions: the receiver answered 2xx, the receipt), skipped (not
 * configured, or held back by the runner: cool-down, Retry-After) or failed, and why.
 *
 * @param retryAfter how long the receiver asked to wait before the next attempt (HTTP 429/503 {@code Retry-After}), if it did
 */
public record ActionResult(String action, Outcome outcome, String detail, @Nullable Duration retryAfter) {
  /** Outcome of one action call. */
  public enum Outcome {
    SENT,
    SKIPPED,
    FAILED
  }

  /** {@code detail} is shown, logged and kept in the state file: URLs are cut to their origin, credentials masked. */
  public ActionResult {
    detail = io.companyos.model.base.Redaction.message(detail);
  }

  public ActionResult(String action, Outcome outcome, String detail) {
    this(action, outcome, detail, null);
  }

  /** True for a receipt: the event was delivered. */
  public boolean delivered() {
    return outcome == Outcome.SENT;
  }
}
