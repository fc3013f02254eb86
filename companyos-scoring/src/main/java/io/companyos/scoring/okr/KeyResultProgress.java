package io.companyos.scoring.okr;

import io.companyos.model.data.KeyResult;

/**
 * Progress of a key result: {@code (current − start) / (target − start)}, clamped to [0, 1]; works
 * for "lower is better" key results (target below start) too. On-track status compares progress with
 * the share of the quarter that has passed: on track when progress ≥ 0.7 × elapsed, at risk when
 * ≥ 0.4 × elapsed, off track below; at the quarter's end, "achieved" needs progress ≥ 0.7 (the common
 * OKR convention that 0.7 is a good score).
 */
public final class KeyResultProgress {
  private KeyResultProgress() {}

  /** Status of a key result against the calendar. */
  public enum Status {
    ON_TRACK("On track"),
    AT_RISK("At risk"),
    OFF_TRACK("Off track");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Progress in [0, 1]. A key result whose target equals its start is complete when current reaches it. */
  public static double progress(KeyResult kr) {
    double span = kr.target() - kr.start();
    if (span == 0) {
      return kr.current() == kr.target() ? 1 : 0;
    }
    return Math.max(0, Math.min(1, (kr.current() - kr.start()) / span));
  }

  /**
   * @param elapsed share of the quarter that has passed, in [0, 1]
   */
  public static Status status(double progress, double elapsed) {
    double e = Math.max(0, Math.min(1, elapsed));
    if (progress >= 0.7 * e) {
      return Status.ON_TRACK;
    }
    return progress >= 0.4 * e ? Status.AT_RISK : Status.OFF_TRACK;
  }
}
