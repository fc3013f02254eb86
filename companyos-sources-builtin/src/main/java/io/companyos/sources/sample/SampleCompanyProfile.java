package io.companyos.sources.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The fixed facts of the sample company (services, teams, SLO targets) and its growth curve, shared by
 * the generators so that, for example, cloud cost and request volume grow with monthly active users.
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

  final Instant start;
  final Instant asOf;
  final long days;

  SampleCompanyProfile(Instant asOf, int historyDays) {
    this.asOf = asOf;
    this.start = asOf.truncatedTo(ChronoUnit.DAYS).minus(historyDays, ChronoUnit.DAYS);
    this.days = historyDays;
  }

  /** Day index 0..days of an instant, for growth curves. */
  double progress(Instant t) {
    return Math.min(1.0, Math.max(0.0, ChronoUnit.HOURS.between(start, t) / (24.0 * days)));
  }

  /** Registered users: grows from 250 to 600 over the history. */
  int usersAt(Instant t) {
    return (int) Math.round(250 + 350 * progress(t));
  }

  /** Growth factor used by request volume and cost (1.0 at the start, 2.4 at as-of). */
  double growth(Instant t) {
    return usersAt(t) / 250.0;
  }

  /** The instant of day {@code d} (0 = start) at the given hour and minute, UTC. */
  Instant at(long day, int hour, int minute) {
    return start.plus(day, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS).plus(minute, ChronoUnit.MINUTES);
  }

  boolean isWeekday(long day) {
    int dow = start.plus(day, ChronoUnit.DAYS).atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue();
    return dow <= 5;
  }
}
