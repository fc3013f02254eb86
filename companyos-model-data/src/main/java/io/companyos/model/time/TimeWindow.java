package io.companyos.model.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open interval {@code [start, end)} of time. Every query and every value in a pack is bound
 * to one, so that a reader can tell which period a number describes.
 */
public record TimeWindow(Instant start, Instant end) {

  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("window end " + end + " is before start " + start);
    }
  }

  /** The window of the given length that ends at {@code end}. */
  public static TimeWindow ending(Instant end, Duration length) {
    return new TimeWindow(end.minus(length), end);
  }

  /** True when {@code t} lies in {@code [start, end)}. */
  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  /** The window of the same length immediately before this one. */
  public TimeWindow previous() {
    return new TimeWindow(start.minus(length()), start);
  }

  public boolean isEmpty() {
    return start.equals(end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
