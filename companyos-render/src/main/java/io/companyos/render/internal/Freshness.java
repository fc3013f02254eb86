package io.companyos.render.internal;

import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.sources.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Whether a section's data reaches as far as the section reports: a number whose source's data (its
 * {@link Provenance#covers() coverage}) ends well before the section's window ends — or before the
 * as-of, for sections without a window — makes the section stale, and the pack says so instead of
 * showing an old number as current.
 */
public final class Freshness {
  private Freshness() {}

  /**
   * Null when every value of {@code section} is fresh; else the stalest: "incidents.csv (exports) ends
   * 2026-11-14, 9 days before the as-of".
   */
  public static @Nullable String notice(PackSection section, Instant asOf, ZoneId zone) {
    Instant needed = section.window() != null && section.window().end().isBefore(asOf) ? section.window().end() : asOf;
    Provenance stalest = null;
    Duration worst = Duration.ZERO;
    for (MetricValue v : section.values()) {
      Provenance p = v.provenance();
      if (p == null || p.covers() == null) {
        continue;
      }
      Optional<Duration> by = p.covers().staleBy(needed);
      if (by.isPresent() && by.get().compareTo(worst) > 0) {
        worst = by.get();
        stalest = p;
      }
    }
    return stalest == null ? null : ends(stalest, asOf, zone);
  }

  /** "data of incidents.csv (exports) ends 2026-11-10, 13 days before the as-of", for data with coverage. */
  static String ends(Provenance p, Instant asOf, ZoneId zone) {
    Instant last = p.covers().last();
    return what(p) + " (" + p.sourceId() + ") ends " + Rows.date(last, zone) + ", "
        + age(Duration.between(last, asOf)) + " before the as-of";
  }

  /** The data's name: the file or query before any " | computation" the sections appended. */
  private static String what(Provenance p) {
    String q = p.query();
    int bar = q.indexOf(" | ");
    return "data of " + (bar < 0 ? q : q.substring(0, bar));
  }

  static String age(Duration d) {
    long days = d.toDays();
    if (days >= 1) {
      return days + (days == 1 ? " day" : " days");
    }
    long hours = Math.max(1, d.toHours());
    return hours + (hours == 1 ? " hour" : " hours");
  }
}
