package io.companyos.scoring.product;

import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Active-user metrics from product events, all counted in distinct users:
 * <b>DAU</b> = mean over the window's UTC days of users active that day;
 * <b>WAU</b> = users active in the 7 days ending at the window's end;
 * <b>MAU</b> = users active in the 30 days ending at the window's end;
 * <b>stickiness</b> = DAU / MAU; <b>sessions per user</b> = distinct sessions / distinct users in the window.
 * Any event counts as activity except {@code signup}.
 */
public final class Engagement {
  private Engagement() {}

  /**
   * Engagement of one window; empty values mean no activity.
   *
   * @param dau mean distinct users per UTC day of the window
   * @param wau distinct users of the 7 days ending at the window's end
   * @param mau distinct users of the 30 days ending at the window's end
   * @param stickiness DAU / MAU
   * @param sessionsPerUser distinct sessions / distinct users in the window
   * @param signups {@code signup} events in the window
   */
  public record Result(OptionalDouble dau, OptionalDouble wau, OptionalDouble mau, OptionalDouble stickiness,
      OptionalDouble sessionsPerUser, long signups) {}

  /**
   * The engagement of a window, in one pass over the events.
   *
   * @param events events of at least the 30 days before {@code window.end()} and of the window
   * @param window the half-open window {@code [start, end)}; its length rounded to whole days divides the DAU
   * @return the window's engagement
   */
  public static Result compute(List<ProductEvent> events, TimeWindow window) {
    Instant end = window.end();
    TimeWindow week = TimeWindow.ending(end, Duration.ofDays(7));
    TimeWindow month = TimeWindow.ending(end, Duration.ofDays(30));
    Map<Long, Set<String>> byDay = new HashMap<>();
    Set<String> wau = new HashSet<>();
    Set<String> mau = new HashSet<>();
    Set<String> users = new HashSet<>();
    Set<String> sessions = new HashSet<>();
    long signups = 0;
    for (ProductEvent e : events) {
      Instant t = e.timestamp();
      if (e.event().equals("signup")) {
        if (window.contains(t)) {
          signups++;
        }
        continue;
      }
      if (window.contains(t)) {
        // The UTC day, as atZone(UTC).toLocalDate().toEpochDay() gives it, without a date made per event.
        byDay.computeIfAbsent(Math.floorDiv(t.getEpochSecond(), 86_400L), d -> new HashSet<>()).add(e.userId());
        users.add(e.userId());
        sessions.add(e.sessionId());
      }
      if (week.contains(t)) {
        wau.add(e.userId());
      }
      if (month.contains(t)) {
        mau.add(e.userId());
      }
    }
    long userDays = byDay.values().stream().mapToLong(Set::size).sum();
    return fromCounts(window, userDays, users.size(), sessions.size(), wau.size(), mau.size(), signups);
  }

  /**
   * A window's engagement from its distinct counts: the one place they are divided, whoever counted them (this class
   * over events, or a distributed engine over a table).
   *
   * @param window the window; its length rounded to whole days (at least 1) divides the user-days
   * @param userDays distinct (UTC day, user) pairs of the activity in the window
   * @param users distinct active users in the window
   * @param sessions distinct sessions of the activity in the window
   * @param wau distinct active users of the 7 days ending at the window's end
   * @param mau distinct active users of the 30 days ending at the window's end
   * @param signups {@code signup} events in the window
   * @return the engagement; a count of 0 users gives empty values, never 0
   */
  public static Result fromCounts(TimeWindow window, long userDays, long users, long sessions, long wau, long mau,
      long signups) {
    long days = Math.max(1, Math.round(window.length().toHours() / 24.0));
    OptionalDouble dau = users == 0 ? OptionalDouble.empty() : OptionalDouble.of(userDays / (double) days);
    OptionalDouble mauV = mau == 0 ? OptionalDouble.empty() : OptionalDouble.of(mau);
    OptionalDouble sticky = dau.isPresent() && mauV.isPresent()
        ? OptionalDouble.of(dau.getAsDouble() / mauV.getAsDouble()) : OptionalDouble.empty();
    return new Result(dau, wau == 0 ? OptionalDouble.empty() : OptionalDouble.of(wau), mauV, sticky,
        users == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) sessions / users), signups);
  }

  /**
   * Feature adoption: for each feature, distinct users who used it in the window / distinct active users
   * in the window. Empty map when nobody was active.
   *
   * @param events the product events
   * @param window the half-open window {@code [start, end)}
   * @return feature → adoption as a ratio in [0, 1], sorted by feature
   */
  public static Map<String, Double> featureAdoption(List<ProductEvent> events, TimeWindow window) {
    Set<String> active = new HashSet<>();
    Map<String, Set<String>> byFeature = new java.util.TreeMap<>();
    for (ProductEvent e : events) {
      if (!window.contains(e.timestamp()) || e.event().equals("signup")) {
        continue;
      }
      active.add(e.userId());
      if (e.feature() != null) {
        byFeature.computeIfAbsent(e.feature(), f -> new HashSet<>()).add(e.userId());
      }
    }
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    if (!active.isEmpty()) {
      byFeature.forEach((f, u) -> out.put(f, (double) u.size() / active.size()));
    }
    return out;
  }

  /**
   * Whether an event counts as activity: every event but {@code signup} (a sign-up is not a use of the product).
   *
   * @param e the event
   * @return true unless it is a {@code signup}
   */
  public static boolean isActivity(ProductEvent e) {
    return !e.event().equals("signup");
  }

  /**
   * Distinct users with an activity event ({@link #isActivity}) among {@code events}.
   *
   * @param events the product events
   * @return the number of distinct users
   */
  public static long activeUsers(List<ProductEvent> events) {
    Set<String> users = new HashSet<>();
    for (ProductEvent e : events) {
      if (isActivity(e)) {
        users.add(e.userId());
      }
    }
    return users.size();
  }

  /**
   * Distinct users with an activity event ({@link #isActivity}) in {@code w}.
   *
   * @param events the product events
   * @param w the half-open window {@code [start, end)}
   * @return the number of distinct users
   */
  public static long activeUsers(List<ProductEvent> events, TimeWindow w) {
    Set<String> users = new HashSet<>();
    for (ProductEvent e : events) {
      if (isActivity(e) && w.contains(e.timestamp())) {
        users.add(e.userId());
      }
    }
    return users.size();
  }

  /**
   * DAU: the mean, over the complete calendar days (in {@code zone}) inside {@code w}, of the distinct users
   * active that day. A partial day at either end is left out of both the sum and the divisor, so a window
   * ending at 09:00 does not add a morning's users to a full day's count. Empty when {@code w} holds no
   * complete day.
   *
   * @param events the product events
   * @param w the half-open window {@code [start, end)}
   * @param zone the time zone of the calendar days
   * @return the mean distinct users per complete day, or empty when there is none
   */
  public static OptionalDouble meanDailyActive(List<ProductEvent> events, TimeWindow w, java.time.ZoneId zone) {
    List<java.time.LocalDate> days = completeDays(w, zone);
    if (days.isEmpty()) {
      return OptionalDouble.empty();
    }
    // The days' bounds, computed once: an event's day is found among them by its instant, with no zoned date made
    // per event (bounds[d] is day d's first instant, bounds[days] the end of the last day).
    Instant[] bounds = new Instant[days.size() + 1];
    for (int d = 0; d < days.size(); d++) {
      bounds[d] = days.get(d).atStartOfDay(zone).toInstant();
    }
    bounds[days.size()] = days.get(days.size() - 1).plusDays(1).atStartOfDay(zone).toInstant();
    List<Set<String>> byDay = new java.util.ArrayList<>();
    for (int d = 0; d < days.size(); d++) {
      byDay.add(new HashSet<>());
    }
    for (ProductEvent e : events) {
      Instant t = e.timestamp();
      if (isActivity(e) && !t.isBefore(bounds[0]) && t.isBefore(bounds[days.size()])) {
        int at = java.util.Arrays.binarySearch(bounds, t);
        byDay.get(at >= 0 ? at : -at - 2).add(e.userId());
      }
    }
    return meanDailyActive(byDay.stream().mapToLong(Set::size).sum(), days.size());
  }

  /**
   * The complete calendar days (in {@code zone}) inside {@code w}: those whose whole span, midnight to midnight, lies
   * in it. A DST day is one calendar day of 23 or 25 hours.
   *
   * @param w the half-open window {@code [start, end)}
   * @param zone the time zone of the calendar days
   * @return the days in order; empty when none is complete
   */
  public static List<java.time.LocalDate> completeDays(TimeWindow w, java.time.ZoneId zone) {
    java.time.LocalDate first = w.start().atZone(zone).toLocalDate();
    if (first.atStartOfDay(zone).toInstant().isBefore(w.start())) {
      first = first.plusDays(1);
    }
    java.time.LocalDate endDay = w.end().atZone(zone).toLocalDate(); // exclusive: the day w.end falls in is partial or next
    List<java.time.LocalDate> days = new java.util.ArrayList<>();
    for (java.time.LocalDate d = first; d.isBefore(endDay); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  /**
   * DAU from its counts: distinct (day, user) pairs of the complete days / those days — the one place they are
   * divided, whoever counted them.
   *
   * @param userDays distinct (complete day, active user) pairs
   * @param days complete days ({@link #completeDays})
   * @return the mean, or empty without a complete day
   */
  public static OptionalDouble meanDailyActive(long userDays, long days) {
    return days <= 0 ? OptionalDouble.empty() : OptionalDouble.of(userDays / (double) days);
  }

  /**
   * Stickiness: DAU of the 7 days ending at {@code end} ({@link #meanDailyActive}, complete days) / MAU, the
   * distinct active users of the 30 days ending at {@code end}. Empty without active users.
   *
   * @param events events of at least the 30 days before {@code end}
   * @param end the exclusive end of both windows
   * @param zone the time zone of the calendar days of the DAU
   * @return DAU / MAU, or empty without active users or without a complete day in the 7 days
   */
  public static OptionalDouble stickiness(List<ProductEvent> events, Instant end, java.time.ZoneId zone) {
    long mau = activeUsers(events, TimeWindow.ending(end, Duration.ofDays(30)));
    if (mau == 0) {
      return OptionalDouble.empty();
    }
    OptionalDouble dau = meanDailyActive(events, TimeWindow.ending(end, Duration.ofDays(7)), zone);
    return dau.isPresent() ? OptionalDouble.of(dau.getAsDouble() / mau) : OptionalDouble.empty();
  }
  /**
   * Distinct active users ({@link #isActivity}) per calendar day.
   *
   * @param events the product events
   * @param zone the time zone of the calendar days
   * @return day → distinct users, days in order; only days with activity
   */
  public static java.util.SortedMap<java.time.LocalDate, Long> dailyActiveUsers(List<ProductEvent> events, java.time.ZoneId zone) {
    java.util.SortedMap<java.time.LocalDate, Set<String>> byDay = new java.util.TreeMap<>();
    for (ProductEvent e : events) {
      if (isActivity(e)) {
        byDay.computeIfAbsent(e.timestamp().atZone(zone).toLocalDate(), d -> new HashSet<>()).add(e.userId());
      }
    }
    java.util.SortedMap<java.time.LocalDate, Long> out = new java.util.TreeMap<>();
    byDay.forEach((d, u) -> out.put(d, (long) u.size()));
    return out;
  }

  /**
   * Sessions per user: distinct sessions / distinct users of the activity events.
   *
   * @param events the product events
   * @return the ratio, or empty without activity
   */
  public static OptionalDouble sessionsPerUser(List<ProductEvent> events) {
    Set<String> users = new HashSet<>();
    Set<String> sessions = new HashSet<>();
    for (ProductEvent e : events) {
      if (isActivity(e)) {
        users.add(e.userId());
        sessions.add(e.sessionId());
      }
    }
    return users.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of((double) sessions.size() / users.size());
  }

  /**
   * Sign-up events among {@code events}.
   *
   * @param events the product events
   * @return the number of {@code signup} events
   */
  public static long signups(List<ProductEvent> events) {
    return events.stream().filter(e -> e.event().equals("signup")).count();
  }

  /**
   * One feature's adoption in a window and the window before.
   *
   * @param feature the feature's name
   * @param users distinct active users of the feature in the window
   * @param adoptionPercent {@code 100 × users / active users} of the window
   * @param previousAdoptionPercent the same for the previous window; empty when nobody used the feature then
   */
  public record FeatureUse(String feature, long users, double adoptionPercent, OptionalDouble previousAdoptionPercent) {}

  /**
   * Feature adoption ({@link #featureAdoption}'s definition) of the features used in {@code current}, most users
   * first (ties by feature), each against {@code previous}: users of the feature / active users ({@link #activeUsers}),
   * counts first, divided once. No activity, no features.
   *
   * @param current the events of the window
   * @param previous the events of the window before
   * @return one entry per feature used in {@code current}, most users first
   */
  public static List<FeatureUse> featureUse(List<ProductEvent> current, List<ProductEvent> previous) {
    return featureUse(usersByFeature(current), activeUsers(current), usersByFeature(previous), activeUsers(previous));
  }

  /**
   * Feature adoption from distinct counts, as {@link #featureUse(List, List)} gives it: the one place they are divided
   * and ordered, whoever counted them.
   *
   * @param now distinct active users per feature in the window
   * @param active distinct active users in the window
   * @param before distinct active users per feature in the window before
   * @param activeBefore distinct active users in the window before
   * @return one entry per feature of {@code now}, most users first (ties by feature)
   */
  public static List<FeatureUse> featureUse(Map<String, Long> now, long active, Map<String, Long> before, long activeBefore) {
    return now.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> {
          Long b = before.get(e.getKey());
          return new FeatureUse(e.getKey(), e.getValue(), 100.0 * e.getValue() / active,
              b == null || activeBefore == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * b / activeBefore));
        })
        .toList();
  }

  private static Map<String, Long> usersByFeature(List<ProductEvent> events) {
    Map<String, Set<String>> m = new java.util.TreeMap<>();
    for (ProductEvent e : events) {
      if (e.feature() != null && isActivity(e)) {
        m.computeIfAbsent(e.feature(), k -> new HashSet<>()).add(e.userId());
      }
    }
    Map<String, Long> out = new java.util.TreeMap<>();
    m.forEach((k, v) -> out.put(k, (long) v.size()));
    return out;
  }
}
