package io.companyos.scoring.security;

import io.companyos.model.data.SecurityEvent;
import io.companyos.model.time.TimeWindow;
import java.util.List;
import java.util.OptionalLong;

/** Totals of counted security events ({@code failed_auth}, {@code waf_block}, {@code anomaly}) over a window. */
public final class SecurityEventTotals {
  private SecurityEventTotals() {}

  /**
   * Sum of counts of {@code type} in the window.
   *
   * @param events the counted events
   * @param type the event type, matched exactly ({@code failed_auth}, {@code waf_block}, {@code anomaly})
   * @param window the half-open window {@code [start, end)} the event's timestamp must lie in
   * @return the sum; empty when no event of that type lies in the window
   */
  public static OptionalLong total(List<SecurityEvent> events, String type, TimeWindow window) {
    long sum = 0;
    boolean any = false;
    for (SecurityEvent e : events) {
      if (e.type().equals(type) && window.contains(e.timestamp())) {
        sum += e.count();
        any = true;
      }
    }
    return any ? OptionalLong.of(sum) : OptionalLong.empty();
  }
}
