package io.companyos.scoring.slo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One multi-window burn-rate alert condition (SRE workbook, ch. 5, "multiwindow, multi-burn-rate
 * alerts"): it fires when the burn rate over both the long and the short window exceeds {@code factor}.
 *
 * @param name the tier's name ({@code page-fast}, {@code page-slow}, {@code ticket-fast}, {@code ticket-slow})
 * @param longWindow the window the budget share is judged over
 * @param shortWindow the window that makes the condition stop soon after the burn stops (1/12 of the long one)
 * @param factor the burn rate both windows must exceed
 */
public record BurnRateWindow(String name, Duration longWindow, Duration shortWindow, double factor) {

  /**
   * Checks the condition.
   *
   * @param name the tier's name
   * @param longWindow the window the budget share is judged over
   * @param shortWindow the shorter window, which must be shorter than {@code longWindow}
   * @param factor the burn rate both windows must exceed, &gt; 0
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the long window is not longer than the short one, or {@code factor ≤ 0}
   */
  public BurnRateWindow {
    Objects.requireNonNull(name, "name");
    if (longWindow.compareTo(shortWindow) <= 0) {
      throw new IllegalArgumentException("the long window must be longer than the short window");
    }
    if (!(factor > 0)) {
      throw new IllegalArgumentException("factor must be > 0");
    }
  }

  /**
   * Whether this tier pages.
   *
   * @return true for the tiers that page (name starting with {@code page}), false for those that open a ticket
   */
  public boolean pages() {
    return name.startsWith("page");
  }

  /**
   * The workbook's four tiers for a 30-day SLO, fastest first: page at 14.4× over 1h and 5m (2% of the budget in an
   * hour), page at 6× over 6h and 30m (5% in six hours), ticket at 3× over 1d and 2h (10% in a day), ticket at 1×
   * over 3d and 6h (10% in three days).
   *
   * @return the four tiers, fastest first
   */
  public static List<BurnRateWindow> sreWorkbookDefaults() {
    return List.of(
        new BurnRateWindow("page-fast", Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
        new BurnRateWindow("page-slow", Duration.ofHours(6), Duration.ofMinutes(30), 6),
        new BurnRateWindow("ticket-fast", Duration.ofDays(1), Duration.ofHours(2), 3),
        new BurnRateWindow("ticket-slow", Duration.ofDays(3), Duration.ofHours(6), 1));
  }
}
