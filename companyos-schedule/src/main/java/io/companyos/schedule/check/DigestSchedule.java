package io.companyos.schedule.check;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.check.EscalationPolicy;
import io.companyos.model.rhythm.Meeting;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When the Slack digest is posted: at fixed local times (the seed's 06:00, 12:00 and 18:00) in the rhythm's time
 * zone. A slot is due from its time until {@code grace} later, once: a failed post is tried again in the next
 * rounds of that window, and a slot missed entirely (the runner was down) is skipped rather than posted hours late.
 */
public record DigestSchedule(List<LocalTime> times, ZoneId zone, Duration grace) {
  /** The seed's "Automated Slack digest at 6am, 12pm, 6pm". */
  public static final List<LocalTime> SEED_TIMES = List.of(LocalTime.of(6, 0), LocalTime.of(12, 0), LocalTime.of(18, 0));
  /** How long after its time a slot may still be posted. */
  public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

  public DigestSchedule {
    times = List.copyOf(times);
    if (times.isEmpty()) {
      throw new IllegalArgumentException("at least one time of day");
    }
  }

  /** The seed's times in the rhythm's zone. */
  public static DigestSchedule of(CompanyDefinition company) {
    return new DigestSchedule(SEED_TIMES, zoneOf(company), DEFAULT_GRACE);
  }

  /**
   * The rhythm's time zone: that of its {@code health-check} meeting (which takes {@code rhythm.yaml}'s
   * {@code timezone} unless it sets its own), else of its first meeting, else UTC (as the region {@code UTC}).
   */
  public static ZoneId zoneOf(CompanyDefinition company) {
    List<Meeting> meetings = company.rhythm().meetings();
    ZoneId zone = company.rhythm().meeting(EscalationPolicy.DEFAULT_MEETING).map(Meeting::zone)
        .orElse(meetings.isEmpty() ? ZoneOffset.UTC : meetings.get(0).zone());
    return zone.normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
  }

  /** The latest slot at or before {@code now}. */
  public Instant latestSlot(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    Instant best = null;
    for (LocalDate d : List.of(today.minusDays(1), today)) {
      for (LocalTime t : times) {
        Instant slot = ZonedDateTime.of(d, t, zone).toInstant();
        if (!slot.isAfter(now) && (best == null || slot.isAfter(best))) {
          best = slot;
        }
      }
    }
    return best;
  }

  /** The slot to post at {@code now}: the latest one, unless already posted or more than {@code grace} old. */
  public Optional<Instant> due(Instant now, @Nullable Instant lastPosted) {
    Instant slot = latestSlot(now);
    if (lastPosted != null && !slot.isAfter(lastPosted)) {
      return Optional.empty();
    }
    return now.isBefore(slot.plus(grace)) ? Optional.of(slot) : Optional.empty();
  }
}
