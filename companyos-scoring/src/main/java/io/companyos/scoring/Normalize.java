package io.companyos.scoring;

/**
 * Maps a raw indicator onto a 0-100 score by linear interpolation between a "worst" and a "best"
 * value (min-max normalisation, OECD "Handbook on Constructing Composite Indicators", 2008, §5),
 * clamped at both ends. Works in either direction: {@code best < worst} means lower is better.
 */
public final class Normalize {
  private Normalize() {}

  /** {@code 100 * (value - worst) / (best - worst)}, clamped to 0..100. */
  public static double linear(double value, double worst, double best) {
    if (worst == best) {
      throw new IllegalArgumentException("worst and best must differ");
    }
    double s = 100.0 * (value - worst) / (best - worst);
    return Math.max(0, Math.min(100, s));
  }
}
