package io.companyos.sources.sample;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fixed facts of the sample company (services, teams, SLO targets), its calendar and its growth
 * curve, shared by the generators so that, for example, cloud cost and request volume grow with monthly
 * active users.
 *
 * <p>The calendar is fixed: the history starts {@code historyDays} days before the day of the
 * <em>reference as-of</em> ({@link SampleSourceProvider#DEFAULT_AS_OF}), and the story (error spike,
 * repeat incident, cost spike, ...) sits at fixed instants counted back from the reference as-of. The
 * as-of a source is created for only decides how much of that calendar is known: the generators walk
 * every day up to the later of the reference day and the as-of's day, and {@link SampleRows} keeps
 * what had happened by the as-of.
 */
final class SampleCompanyProfile {
  static final List<String> SERVICES = List.of("api-gateway", "checkout", "search", "identity", "billing", "notifications");
  static final Map<String, Double> SLO_TARGETS = Map.of(
      "api-gateway", 0.999, "checkout", 0.999, "search", 0.995, "identity", 0.9995, "billing", 0.999,
      "notifications", 0.99);
  static final Map<String, String> TEAM_OF = Map.ofEntries(
      Map.entry("api-gateway", "platform"), Map.entry("checkout", "payments"), Map.entry("search", "growth"),
      Map.entry("identity", "identity"), Map.entry("billing", "payments"), Map.entry("notifications", "growth"),
      Map.entry("data-warehouse", "data"), Map.entry("shared-compute", "platform"));
  static final List<String> PEOPLE = List.of(
      "alex.kim", "sam.patel", "jo.garcia", "lee.chen", "maria.rossi", "noah.berg", "priya.nair", "tom.weber");

  /** After the reference day the user base grows by 350 every this many days. */
  static final int PACE_DAYS = SampleSourceProvider.DEFAULT_HISTORY_DAYS;

  /** The instant the story and the growth curve are anchored at. */
  final Instant reference = SampleSourceProvider.DEFAULT_AS_OF;
  /** Day 0 of the history, 00:00 UTC. */
  final Instant start;
  /** What the source knows: rows after it do not exist yet. */
  final Instant asOf;
  /** Index of the reference as-of's day (the history days). */
  final long referenceDay;
  /** Index of the last day generated: the reference day or the as-of's day, whichever is later. */
  final long lastDay;

  SampleCompanyProfile(Instant asOf, int historyDays) {
    this.asOf = asOf;
    this.referenceDay = historyDays;
    this.start = reference.truncatedTo(ChronoUnit.DAYS).minus(historyDays, ChronoUnit.DAYS);
    this.lastDay = Math.max(referenceDay, Math.floorDiv(ChronoUnit.SECONDS.between(start, asOf), 86_400L));
  }

  /** The end of the generated calendar: midnight after {@link #lastDay}. */
  Instant end() {
    return at(lastDay + 1, 0, 0);
  }

  /**
   * Position on the maturity curves (coverage, commitment, the NPS mix): 0 at the start, rising to 1 on the
   * reference day and staying there.
   */
  double progress(Instant t) {
    return Math.min(1.0, Math.max(0.0, ChronoUnit.HOURS.between(start, t) / (24.0 * referenceDay)));
  }

  /**
   * Registered users: 250 at the start, 600 on the reference day, then 350 more every {@value #PACE_DAYS}
   * days (the pace of the default history, whatever the history days).
   */
  int usersAt(Instant t) {
    long after = ChronoUnit.HOURS.between(at(referenceDay, 0, 0), t);
    return (int) Math.round(after <= 0 ? 250 + 350 * progress(t) : 600 + 350 * after / (24.0 * PACE_DAYS));
  }

  /** When the user base reaches {@code users} (at least 250): {@link #usersAt} inverted, to the hour. */
  Instant whenUsers(int users) {
    return users <= 600 ? start.plus((long) ((users - 250) / 350.0 * referenceDay * 24), ChronoUnit.HOURS)
        : at(referenceDay, 0, 0).plus((long) ((users - 600) / 350.0 * PACE_DAYS * 24), ChronoUnit.HOURS);
  }

  /** Growth factor used by request volume and cost (1.0 at the start, 2.4 on the reference day, growing on). */
  double growth(Instant t) {
    return usersAt(t) / 250.0;
  }

  /** The instant of day {@code d} (0 = start) at the given hour and minute, UTC. */
  Instant at(long day, int hour, int minute) {
    return start.plus(day, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS).plus(minute, ChronoUnit.MINUTES);
  }

  boolean isWeekday(long day) {
    return start.plus(day, ChronoUnit.DAYS).atZone(ZoneOffset.UTC).getDayOfWeek().getValue() <= 5;
  }

  /** {@code t} when it lies before the as-of, else null: a lifecycle time not known yet. */
  @Nullable Instant known(Instant t) {
    return t.isBefore(asOf) ? t : null;
  }
}
