package io.companyos.scoring.sprint;

import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.scoring.Percentiles;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Sprint metrics: <b>committed</b> = points of items committed at sprint start; <b>delivered</b> = points
 * of items completed before the sprint's end; <b>cycle time</b> = days from start to completion of the
 * delivered items (mean, p50, p85, PERCENTILE_CONT); <b>bug escape rate</b> = bugs marked escaped
 * (found in production) / all bugs in the sprint; <b>carry-over</b> = items not completed by the end.
 */
public final class SprintMetrics {
  private SprintMetrics() {}

  /** The metrics of one sprint. */
  public record Result(String sprintId, double committedPoints, double deliveredPoints, long deliveredItems,
      List<SprintItem> carryover, OptionalDouble cycleDaysMean, OptionalDouble cycleDaysP50,
      OptionalDouble cycleDaysP85, OptionalDouble bugEscapeRate) {}

  public static Result compute(Sprint sprint, List<SprintItem> items) {
    double committed = 0;
    double delivered = 0;
    long deliveredItems = 0;
    long bugs = 0;
    long escaped = 0;
    List<SprintItem> carry = new java.util.ArrayList<>();
    double[] cycle = new double[items.size()];
    int n = 0;
    for (SprintItem i : items) {
      if (!i.sprintId().equals(sprint.sprintId())) {
        continue;
      }
      if (i.committed()) {
        committed += i.points();
      }
      if (i.kind().equals("bug")) {
        bugs++;
        if (i.escaped()) {
          escaped++;
        }
      }
      boolean done = i.completedAt() != null && i.completedAt().isBefore(sprint.end());
      if (done) {
        delivered += i.points();
        deliveredItems++;
        if (i.startedAt() != null) {
          cycle[n++] = Duration.between(i.startedAt(), i.completedAt()).toMinutes() / 1440.0;
        }
      } else {
        carry.add(i);
      }
    }
    double[] c = java.util.Arrays.copyOf(cycle, n);
    return new Result(sprint.sprintId(), committed, delivered, deliveredItems, List.copyOf(carry), Percentiles.mean(c),
        Percentiles.cont(c, 0.5), Percentiles.cont(c, 0.85),
        bugs == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) escaped / bugs));
  }

  /**
   * Velocity trend: delivered points of the latest sprint against the mean of up to {@code n} sprints
   * before it, in percent; empty without earlier sprints or when their mean is 0.
   */
  public static OptionalDouble velocityChange(double[] deliveredOldestFirst, int n) {
    int len = deliveredOldestFirst.length;
    if (len < 2) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    int k = 0;
    for (int i = len - 2; i >= 0 && k < n; i--, k++) {
      sum += deliveredOldestFirst[i];
    }
    double mean = sum / k;
    return mean == 0 ? OptionalDouble.empty() : OptionalDouble.of((deliveredOldestFirst[len - 1] - mean) / mean * 100);
  }

  /**
   * Points of {@code sprint}'s items completed before {@code cutoff} (or the sprint's end, whichever comes first).
   * Comparing a running sprint with the previous one uses the same elapsed time in both: the previous sprint's
   * points delivered by the same day of the sprint, not all of them.
   */
  public static double deliveredBy(Sprint sprint, List<SprintItem> items, java.time.Instant cutoff) {
    java.time.Instant until = cutoff.isBefore(sprint.end()) ? cutoff : sprint.end();
    return items.stream().filter(i -> i.sprintId().equals(sprint.sprintId()))
        .filter(i -> i.completedAt() != null && i.completedAt().isBefore(until)).mapToDouble(SprintItem::points).sum();
  }
}
