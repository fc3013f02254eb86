package io.companyos.schedule.check;

/** What an action did: sent, skipped (not configured, or suppressed by the cool-down) or failed, and why. */
public record ActionResult(String action, Outcome outcome, String detail) {
  /** Outcome of one action call. */
  public enum Outcome {
    SENT,
    SKIPPED,
    FAILED
  }
}
