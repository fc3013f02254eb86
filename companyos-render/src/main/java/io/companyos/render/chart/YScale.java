package io.companyos.render.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The value axis of a chart: a range rounded out to "nice" steps (1, 2, 2.5 or 5 times a power of ten, about four
 * steps) mapped linearly onto the plot's pixel rows, {@code lo} at {@code bottom} and {@code hi} at {@code top}.
 *
 * @param lo the axis minimum (a multiple of {@code step})
 * @param hi the axis maximum (a multiple of {@code step})
 * @param step the distance between ticks
 * @param top the pixel row of {@code hi}
 * @param bottom the pixel row of {@code lo}
 */
public record YScale(double lo, double hi, double step, double top, double bottom) {

  /**
   * The scale covering {@code min}..{@code max}, drawn between pixel rows {@code top} and {@code bottom}. A range of
   * one value is widened by 10 % of it on each side (by 1 around 0).
   *
   * @param min the smallest value to show
   * @param max the largest value to show
   * @param top the pixel row of the axis maximum
   * @param bottom the pixel row of the axis minimum
   * @return the scale, its ends rounded out to multiples of the step
   * @throws IllegalArgumentException if {@code min} is above {@code max}
   */
  public static YScale covering(double min, double max, double top, double bottom) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " above max " + max);
    }
    if (min == max) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= pad;
      max += pad;
    }
    double raw = (max - min) / 4;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double norm = raw / magnitude;
    double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
    double step = nice * magnitude;
    double lo = Math.floor(min / step + 1e-9) * step;
    double hi = Math.ceil(max / step - 1e-9) * step;
    return new YScale(lo, hi, step, top, bottom);
  }

  /**
   * The pixel row of a value.
   *
   * @param v the value
   * @return the row, interpolated linearly between {@code bottom} at {@code lo} and {@code top} at {@code hi}
   */
  public double y(double v) {
    return bottom - (v - lo) / (hi - lo) * (bottom - top);
  }

  /**
   * The tick values from {@code lo} to {@code hi}.
   *
   * @return every multiple of {@code step} from {@code lo} to {@code hi}, both included, in ascending order
   */
  public List<Double> ticks() {
    List<Double> out = new ArrayList<>();
    long n = Math.round((hi - lo) / step);
    for (long i = 0; i <= n; i++) {
      double t = lo + i * step;
      out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
    }
    return out;
  }
}
