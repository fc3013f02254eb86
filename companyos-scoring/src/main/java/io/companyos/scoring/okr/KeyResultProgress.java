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
    /** Progress is at least 0.7 × the elapsed share of the quarter. */
    ON_TRACK("On track"),
    /** Progress is at least 0.4 × the elapsed share, but below 0.7 ×. */
    AT_RISK("At risk"),
    /** Progress is below 0.4 × the elapsed share. */
    OFF_TRACK("Off track");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /**
     * The status as shown in a pack.
     *
     * @return "On track", "At risk" or "Off track"
     */
    public String label() {
      return label;
    }
  }

  /**
   * Progress of a key result. A key result whose target equals its start is complete when current reaches it.
   *
   * @param kr the key result
   * @return the progress in [0, 1]
   */
  public static double progress(KeyResult kr) {
    double span = kr.target() - kr.start();
    if (span == 0) {
      return kr.current() == kr.target() ? 1 : 0;
    }
    return Math.max(0, Math.min(1, (kr.current() - kr.start()) / span));
  }

  /**
   * The status of a key result or objective against the calendar.
   *
   * @param progress the progress in [0, 1]
   * @param elapsed share of the quarter that has passed, in [0, 1] (clamped)
   * @return on track, at risk or off track
   */
  public static Status status(double progress, double elapsed) {
    double e = Math.max(0, Math.min(1, elapsed));
    if (progress >= 0.7 * e) {
      return Status.ON_TRACK;
    }
    return progress >= 0.4 * e ? Status.AT_RISK : Status.OFF_TRACK;
  }
}
