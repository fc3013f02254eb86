package io.companyos.render.internal;

import io.companyos.model.time.TimeWindow;
import java.time.ZoneId;

/** How a window is written for a reader: "2026-11-01 to 2026-11-22", both days inclusive, in the pack's zone. */
public final class Windows {
  private Windows() {}

  /**
   * {@code w} as its first and last day ("2026-11-01 to 2026-11-22"); a window that does not end on a day
   * boundary shows times ("2026-11-22 09:00 to 2026-11-23 09:00").
   */
  public static String describe(TimeWindow w, ZoneId zone) {
    var start = w.start().atZone(zone);
    var end = w.end().atZone(zone);
    boolean days = start.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    if (days) {
      var last = end.toLocalDate().minusDays(1);
      return last.equals(start.toLocalDate()) ? last.toString() : start.toLocalDate() + " to " + last;
    }
    return Rows.dateTime(w.start(), zone) + " to " + Rows.dateTime(w.end(), zone);
  }
}
