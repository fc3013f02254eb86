package io.companyos.scoring.series;

import java.math.BigDecimal;

/**
 * A sum of doubles that does not depend on their order: each finite value is added as its shortest decimal
 * ({@link BigDecimal#valueOf(double)}, the decimal a person reads in the data), exactly, and the total is turned into a
 * double once; a value that is not finite (NaN, ±∞) is added as a double. Counters are whole numbers, so a whole value
 * within ±2<sup>53</sup> is added to a {@code long} instead (the same number, without a decimal made per value); a
 * {@code long} that would overflow moves into the decimal. Not thread-safe.
 */
public final class ExactSum {
  private static final double WHOLE_LIMIT = 0x1p53;

  private long whole;
  private BigDecimal decimal = BigDecimal.ZERO;
  private double notFinite;
  private boolean hasNotFinite;

  /**
   * Adds a value.
   *
   * @param v the value
   */
  public void add(double v) {
    if (v == (long) v && Math.abs(v) < WHOLE_LIMIT) {
      long w = (long) v;
      long sum = whole + w;
      if (((whole ^ sum) & (w ^ sum)) < 0) { // overflow: keep the long's sum as a decimal
        decimal = decimal.add(BigDecimal.valueOf(whole));
        whole = w;
      } else {
        whole = sum;
      }
    } else if (Double.isFinite(v)) {
      decimal = decimal.add(BigDecimal.valueOf(v));
    } else {
      notFinite += v;
      hasNotFinite = true;
    }
  }

  /**
   * The exact sum of the finite values.
   *
   * @return the sum as a decimal
   */
  public BigDecimal finite() {
    return whole == 0 ? decimal : decimal.add(BigDecimal.valueOf(whole));
  }

  /**
   * The sum: the exact sum of the finite values turned into a double once, plus the values that are not finite.
   *
   * @return the sum (NaN or infinite when such a value was added)
   */
  public double doubleValue() {
    double d = finite().doubleValue();
    return hasNotFinite ? d + notFinite : d;
  }
}
