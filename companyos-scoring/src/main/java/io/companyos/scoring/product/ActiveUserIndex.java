package io.companyos.scoring.product;

import io.companyos.model.data.ProductEvent;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The product events of one span, kept for counting distinct active users over many windows inside it: each
 * event's time (nanoseconds from the span's start, in time order) and its user as a small number, side by side in
 * two primitive arrays. A window's distinct users are then one pass over a slice of those arrays, with no hash set
 * of user ids and no event object read, instead of a pass over the events of the window each time — which is what
 * a chart of many overlapping windows (a 30-day MAU at every week of a year) would otherwise pay.
 *
 * <p>Every count is the one {@link Engagement} gives over the span's events: {@link #activeUsers} is
 * {@link Engagement#activeUsers(List, TimeWindow)}, {@link #meanDailyActive} is
 * {@link Engagement#meanDailyActive(List, TimeWindow, ZoneId)}, {@link #stickiness} is
 * {@link Engagement#stickiness}, {@link #featureAdoption} is {@link Engagement#featureAdoption}; activity is every event but {@code signup} ({@link Engagement#isActivity}). The
 * index is immutable once built, so windows may be counted on several threads at once. Building it reads each event
 * once and numbers the users with one hash map.
 */
public final class ActiveUserIndex {
  /** The user number of an event that is not activity (a sign-up). */
  private static final int NOT_ACTIVITY = -1;

  private final TimeWindow span;
  /** Nanoseconds from the span's start, non-decreasing. */
  private final long[] times;
  /** The user number of the event at the same place, or {@link #NOT_ACTIVITY}. */
  private final int[] users;
  private final int userCount;
  /** The feature number of the event at the same place ({@link #featureNames}), or -1 without a feature. */
  private final int[] features;
  /** The features by number. */
  private final String[] featureNames;

  private ActiveUserIndex(TimeWindow span, long[] times, int[] users, int userCount, int[] features, String[] featureNames) {
    this.span = span;
    this.times = times;
    this.users = users;
    this.userCount = userCount;
    this.features = features;
    this.featureNames = featureNames;
  }

  /**
   * The index of the events of {@code span}; events outside it are left out.
   *
   * @param events the product events, in any order (those of a source come in time order, which needs no sort)
   * @param span the half-open span {@code [start, end)} every counted window must lie in; at most 292 years long
   *     (its length in nanoseconds fits in a long)
   * @return the index
   * @throws ArithmeticException if the span is longer than that
   */
  public static ActiveUserIndex of(List<ProductEvent> events, TimeWindow span) {
    span.length().toNanos(); // throws for a span beyond a long of nanoseconds, which the offsets below must fit in
    long[] times = new long[events.size()];
    int[] users = new int[events.size()];
    int[] features = new int[events.size()];
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, Integer> featureNumbers = new HashMap<>();
    int n = 0;
    boolean sorted = true;
    for (ProductEvent e : events) {
      Instant t = e.timestamp();
      if (!span.contains(t)) {
        continue;
      }
      long at = offset(span.start(), t);
      if (n > 0 && at < times[n - 1]) {
        sorted = false;
      }
      times[n] = at;
      users[n] = Engagement.isActivity(e) ? numbers.computeIfAbsent(e.userId(), u -> numbers.size()) : NOT_ACTIVITY;
      features[n] = e.feature() == null ? -1 : featureNumbers.computeIfAbsent(e.feature(), f -> featureNumbers.size());
      n++;
    }
    times = Arrays.copyOf(times, n);
    users = Arrays.copyOf(users, n);
    features = Arrays.copyOf(features, n);
    if (!sorted) {
      sortByTime(times, users, features);
    }
    String[] featureNames = new String[featureNumbers.size()];
    featureNumbers.forEach((f, i) -> featureNames[i] = f);
    return new ActiveUserIndex(span, times, users, numbers.size(), features, featureNames);
  }

  /** Nanoseconds from {@code start} to {@code t}, for a {@code t} not before it and within a long of nanoseconds. */
  private static long offset(Instant start, Instant t) {
    return (t.getEpochSecond() - start.getEpochSecond()) * 1_000_000_000L + (t.getNano() - start.getNano());
  }

  /** Orders both arrays by time, keeping the order of equal times (a stable sort of the places). */
  private static void sortByTime(long[] times, int[] users, int[] features) {
    Integer[] order = new Integer[times.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
    long[] t = times.clone();
    int[] u = users.clone();
    int[] f = features.clone();
    for (int i = 0; i < order.length; i++) {
      times[i] = t[order[i]];
      users[i] = u[order[i]];
      features[i] = f[order[i]];
    }
  }

  /**
   * The span the index was built for.
   *
   * @return the span
   */
  public TimeWindow span() {
    return span;
  }

  /**
   * Whether {@code w} lies in the span, so that the index can count it.
   *
   * @param w a window
   * @return true when {@code span.start ≤ w.start} and {@code w.end ≤ span.end}
   */
  public boolean covers(TimeWindow w) {
    return !w.start().isBefore(span.start()) && !w.end().isAfter(span.end());
  }

  /**
   * The events of every kind (sign-ups too) in {@code w}: what a source's answer for {@code w} holds when it holds
   * the same rows as the span's.
   *
   * @param w a window the index {@linkplain #covers covers}
   * @return the number of events in it
   */
  public int events(TimeWindow w) {
    checkCovered(w);
    return firstAtOrAfter(w.end()) - firstAtOrAfter(w.start());
  }

  /**
   * Distinct users with an activity event in {@code w}: {@link Engagement#activeUsers(List, TimeWindow)}.
   *
   * @param w a window the index {@linkplain #covers covers}
   * @return the number of distinct active users
   */
  public long activeUsers(TimeWindow w) {
    checkCovered(w);
    return distinct(firstAtOrAfter(w.start()), firstAtOrAfter(w.end()), new long[words()]);
  }

  /**
   * DAU over the complete calendar days in {@code zone} inside {@code w}:
   * {@link Engagement#meanDailyActive(List, TimeWindow, ZoneId)}.
   *
   * @param w a window the index {@linkplain #covers covers}
   * @param zone the time zone of the calendar days
   * @return the mean distinct users per complete day, or empty when {@code w} holds no complete day
   */
  public OptionalDouble meanDailyActive(TimeWindow w, ZoneId zone) {
    checkCovered(w);
    List<LocalDate> days = Engagement.completeDays(w, zone);
    if (days.isEmpty()) {
      return OptionalDouble.empty();
    }
    long[] seen = new long[words()];
    long userDays = 0;
    int from = firstAtOrAfter(days.get(0).atStartOfDay(zone).toInstant());
    for (LocalDate day : days) {
      int to = firstAtOrAfter(day.plusDays(1).atStartOfDay(zone).toInstant());
      userDays += distinct(from, to, seen);
      Arrays.fill(seen, 0L);
      from = to;
    }
    return Engagement.meanDailyActive(userDays, days.size());
  }

  /**
   * DAU of the 7 days ending at {@code end} over MAU of the 30 days ending there: {@link Engagement#stickiness}.
   *
   * @param end the exclusive end of both windows, whose 30 days the index {@linkplain #covers covers}
   * @param zone the time zone of the calendar days of the DAU
   * @return DAU / MAU, or empty without active users or without a complete day in the 7 days
   */
  public OptionalDouble stickiness(Instant end, ZoneId zone) {
    long mau = activeUsers(TimeWindow.ending(end, Duration.ofDays(30)));
    if (mau == 0) {
      return OptionalDouble.empty();
    }
    OptionalDouble dau = meanDailyActive(TimeWindow.ending(end, Duration.ofDays(7)), zone);
    return dau.isPresent() ? OptionalDouble.of(dau.getAsDouble() / mau) : OptionalDouble.empty();
  }

  /**
   * Feature adoption in {@code w}: {@link Engagement#featureAdoption(List, TimeWindow)} — for each feature used by an
   * activity event in it, its distinct users over the window's distinct active users.
   *
   * @param w a window the index {@linkplain #covers covers}
   * @return feature → adoption in [0, 1], sorted by feature; empty when nobody was active
   */
  public Map<String, Double> featureAdoption(TimeWindow w) {
    checkCovered(w);
    int from = firstAtOrAfter(w.start());
    int to = firstAtOrAfter(w.end());
    long active = distinct(from, to, new long[words()]);
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    if (active == 0) {
      return out;
    }
    int words = words();
    long[] seen = new long[featureNames.length * words];
    long[] counts = new long[featureNames.length];
    boolean[] used = new boolean[featureNames.length];
    for (int i = from; i < to; i++) {
      int u = users[i];
      int f = features[i];
      if (u >= 0 && f >= 0) {
        used[f] = true;
        int at = f * words + (u >>> 6);
        long bit = 1L << u;
        if ((seen[at] & bit) == 0) {
          seen[at] |= bit;
          counts[f]++;
        }
      }
    }
    java.util.TreeMap<String, Integer> byName = new java.util.TreeMap<>();
    for (int f = 0; f < featureNames.length; f++) {
      if (used[f]) {
        byName.put(featureNames[f], f);
      }
    }
    byName.forEach((name, f) -> out.put(name, (double) counts[f] / active));
    return out;
  }

  private int words() {
    return (userCount + 63) >>> 6;
  }

  /** Distinct activity users of places {@code [from, to)}, marking them in {@code seen}. */
  private int distinct(int from, int to, long[] seen) {
    int count = 0;
    for (int i = from; i < to; i++) {
      int u = users[i];
      if (u >= 0) {
        long bit = 1L << u;
        long word = seen[u >>> 6];
        if ((word & bit) == 0) {
          seen[u >>> 6] = word | bit;
          count++;
        }
      }
    }
    return count;
  }

  /** The first place whose time is not before {@code t} (clamped to the span). */
  private int firstAtOrAfter(Instant t) {
    if (!t.isAfter(span.start())) {
      return 0;
    }
    if (!t.isBefore(span.end())) {
      return times.length;
    }
    long at = offset(span.start(), t);
    int lo = 0;
    int hi = times.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void checkCovered(TimeWindow w) {
    if (!covers(w)) {
      throw new IllegalArgumentException("window " + w + " is not inside the index's span " + span);
    }
  }
}
