package io.companyos.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Outlier test by the modified z-score of Iglewicz and Hoaglin ("How to Detect and Handle Outliers",
 * 1993): {@code M = 0.6745 (x - median) / MAD}, where MAD is the median absolute deviation; values with
 * {@code |M| > 3.5} are outliers. The median and MAD are not pulled by the outliers themselves.
 */
public final class RobustZScore {
  /** The outlier cut-off recommended by Iglewicz and Hoaglin. */
  public static final double CUTOFF = 3.5;

  private RobustZScore() {}

  /** The modified z-score of {@code x} against {@code sample}; empty when the sample is empty or has MAD 0. */
  public static OptionalDouble of(double x, List<Double> sample) {
    OptionalDouble med = Percentiles.median(sample.stream().mapToDouble(Double::doubleValue).toArray());
    if (med.isEmpty()) {
      return OptionalDouble.empty();
    }
    double m = med.getAsDouble();
    List<Double> dev = new ArrayList<>(sample.size());
    for (double v : sample) {
      dev.add(Math.abs(v - m));
    }
    double mad = Percentiles.median(dev.stream().mapToDouble(Double::doubleValue).toArray()).orElse(0);
    if (mad == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(0.6745 * (x - m) / mad);
  }

  /**
   * A confidence in 0..1 that a score marks a real anomaly: 0 at or below the cut-off, then
   * {@code 1 - 3.5 / |M|} (0.5 at |M| = 7, 0.8 at |M| = 17.5), so a threshold such as 0.8 keeps only
   * pronounced outliers.
   */
  public static double confidence(double modifiedZ) {
    double a = Math.abs(modifiedZ);
    return a <= CUTOFF ? 0.0 : 1.0 - CUTOFF / a;
  }
}
