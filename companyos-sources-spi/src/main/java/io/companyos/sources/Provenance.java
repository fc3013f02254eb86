package io.companyos.sources;

import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a number came from: which source, which query, which time window, when it was fetched, how many
 * rows it was computed from, and, when the source knows it, the time span its data actually covers.
 * Packs render it as a footnote next to the number.
 *
 * @param sourceId the configured id of the source that answered
 * @param query the query or record kind asked for
 * @param window the time window asked for
 * @param fetchedAt when the source answered
 * @param rowCount how many rows (or series) the answer held
 * @param covers the span the source holds data for (all of it, not only the window's rows); null when
 *     unknown. A section whose data ends well before its window ends is marked stale.
 */
public record Provenance(String sourceId, String query, TimeWindow window, Instant fetchedAt, long rowCount,
    @Nullable Coverage covers) {

  /**
   * Staleness allowed when a source sets no {@code stale_after}: three days, so that data written on
   * weekdays only is not stale on a Monday morning.
   */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofDays(3);

  /**
   * The provenance as one line, the way every pack format shows it in its sources list:
   * {@code <source> · <query> · window <start> to <end> · fetched <at> · <n> rows}, instants in ISO-8601 UTC.
   *
   * @return the line, not escaped for any format
   */
  public String line() {
    return line(Instant::toString);
  }

  /**
   * The provenance as one line (see {@link #line()}) with instants written by {@code time}, for formats that
   * show them in the pack's time zone.
   *
   * @param time writes one instant
   * @return the line, not escaped for any format
   */
  public String line(java.util.function.Function<Instant, String> time) {
    return sourceId + " · " + query + " · window " + time.apply(window.start()) + " to " + time.apply(window.end())
        + " · fetched " + time.apply(fetchedAt) + " · " + rowCount + " rows";
  }

  /**
   * The time span a dataset's source holds: its first and last row (or point) of all time and how many
   * there are, and the source's configured freshness limit.
   *
   * @param first the earliest row or point
   * @param last the latest row or point
   * @param rows how many distinct instants the span holds (at least 1): rows written together, such as a
   *     weekly update of every key result, count once
   * @param staleAfter how long after {@code last} the data may be and still count as fresh; null = the
   *     default, {@link #DEFAULT_STALE_AFTER}
   */
  public record Coverage(Instant first, Instant last, long rows, @Nullable Duration staleAfter) {
    /**
     * Checks the span.
     *
     * @param first the earliest row or point
     * @param last the latest row or point
     * @param rows how many distinct instants the span holds
     * @param staleAfter the source's freshness limit, or null for the default
     * @throws IllegalArgumentException when {@code last} is before {@code first} or {@code rows} is below 1
     */
    public Coverage {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(last, "last");
      if (last.isBefore(first)) {
        throw new IllegalArgumentException("last " + last + " is before first " + first);
      }
      if (rows < 1) {
        throw new IllegalArgumentException("rows must be >= 1, was " + rows);
      }
    }

    /**
     * The span of {@code times}.
     *
     * @param times the rows' or points' instants, in any order, repeats allowed
     * @return their span, or empty when there are none
     */
    public static java.util.Optional<Coverage> of(java.util.Collection<Instant> times) {
      if (times.isEmpty()) {
        return java.util.Optional.empty();
      }
      // Sources keep rows sorted by time: one pass counts the distinct instants; anything else is sorted first.
      Instant previous = null;
      long distinct = 0;
      for (Instant t : times) {
        if (previous != null && t.isBefore(previous)) {
          java.util.TreeSet<Instant> sorted = new java.util.TreeSet<>(times);
          return java.util.Optional.of(new Coverage(sorted.first(), sorted.last(), sorted.size(), null));
        }
        if (!t.equals(previous)) {
          distinct++;
        }
        previous = t;
      }
      return java.util.Optional.of(new Coverage(times.iterator().next(), previous, distinct, null));
    }

    /**
     * This coverage with a source's freshness limit.
     *
     * @param limit the source's {@code stale_after}, or null for the default
     * @return the coverage with that limit
     */
    public Coverage withStaleAfter(@Nullable Duration limit) {
      return new Coverage(first, last, rows, limit);
    }

    /**
     * How far the data stops short of {@code needed} when that is more than allowed: the larger of the
     * freshness limit and five times the average spacing of its instants (so a monthly series, a weekly
     * update or a kind with a few rows a week is not stale a day after its last row). Empty when the
     * data is fresh.
     *
     * @param needed the instant the data should reach (a window's end)
     * @return how far the data stops short, or empty when it is fresh
     */
    public java.util.Optional<Duration> staleBy(Instant needed) {
      Duration gap = Duration.between(last, needed);
      Duration spacing = rows < 2 ? Duration.ZERO : Duration.between(first, last).dividedBy(rows - 1);
      Duration limit = staleAfter != null ? staleAfter : DEFAULT_STALE_AFTER;
      Duration allowed = spacing.multipliedBy(5).compareTo(limit) > 0 ? spacing.multipliedBy(5) : limit;
      return gap.compareTo(allowed) > 0 ? java.util.Optional.of(gap) : java.util.Optional.empty();
    }
  }

  /**
   * Checks the values.
   *
   * @param sourceId the configured id of the source that answered
   * @param query the query or record kind asked for
   * @param window the time window asked for
   * @param fetchedAt when the source answered
   * @param rowCount how many rows (or series) the answer held
   * @param covers the span the source holds data for, or null
   * @throws IllegalArgumentException when {@code rowCount} is negative
   */
  public Provenance {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount must be >= 0, was " + rowCount);
    }
  }

  /**
   * Provenance whose coverage is not known.
   *
   * @param sourceId the configured id of the source that answered
   * @param query the query or record kind asked for
   * @param window the time window asked for
   * @param fetchedAt when the source answered
   * @param rowCount how many rows (or series) the answer held
   */
  public Provenance(String sourceId, String query, TimeWindow window, Instant fetchedAt, long rowCount) {
    this(sourceId, query, window, fetchedAt, rowCount, null);
  }

  /**
   * Provenance of an answer not yet counted: {@link Dataset#of(List, Provenance)} and its siblings fill in the row
   * count from the rows they are given, so a source never counts by hand.
   *
   * @param sourceId the configured id of the source that answered
   * @param query the query or record kind asked for
   * @param window the time window asked for
   * @param fetchedAt when the source answered
   * @return the provenance, with a row count of 0 until a dataset counts its rows
   */
  public static Provenance of(String sourceId, String query, TimeWindow window, Instant fetchedAt) {
    return new Provenance(sourceId, query, window, fetchedAt, 0, null);
  }

  /**
   * This provenance with another row count.
   *
   * @param rows how many rows (or series) the answer held
   * @return the provenance with that count
   * @throws IllegalArgumentException when {@code rows} is negative
   */
  public Provenance withRowCount(long rows) {
    return rows == rowCount ? this : new Provenance(sourceId, query, window, fetchedAt, rows, covers);
  }

  /**
   * This provenance with the span the source's data covers.
   *
   * @param span the span, or null when unknown
   * @return the provenance with that span
   */
  public Provenance withCovers(@Nullable Coverage span) {
    return new Provenance(sourceId, query, window, fetchedAt, rowCount, span);
  }
}
