package io.companyos.scoring;

/**
 * Progress of a key result from its start value towards its target, in the "0.0-1.0 grading" of
 * Google's OKR practice (Doerr, "Measure What Matters", 2018): {@code (current - start) / (target - start)},
 * clamped to 0..1; it works for targets below the start (lower is better).
 */
public final class OkrProgress {
  private OkrProgress() {}

  /** Progress 0..1; 1 when start equals target and the target is reached. */
  public static double of(double start, double target, double current) {
    if (start == target) {
      return current == target ? 1.0 : 0.0;
    }
    double p = (current - start) / (target - start);
    return Math.max(0, Math.min(1, p));
  }

  /** "achieved" at 1.0, "on track" from 0.7, "at risk" from 0.4, else "off track". */
  public static String status(double progress) {
    return progress >= 1.0 ? "achieved" : progress >= 0.7 ? "on track" : progress >= 0.4 ? "at risk" : "off track";
  }
}
