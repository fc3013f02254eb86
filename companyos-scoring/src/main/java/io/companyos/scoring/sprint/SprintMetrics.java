package io.companyos.scoring.sprint;

import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.scoring.Percentiles;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Sprint metrics: <b>committed</b> = points of items committed at sprint start; <b>delivered</b> = points
 * of items completed before the sprint's end; <b>cycle time</b> = days from start to completion of the
 * delivered items in whole minutes (mean of the exact sum, p50, p85, PERCENTILE_CONT); points are summed as exact
 * decimals, so no figure depends on the items' order; <b>bug escape rate</b> = bugs marked escaped
 * (found in production) / all bugs in the sprint; <b>carry-over</b> = items not completed by the end.
 */
public final class SprintMetrics {
  private SprintMetrics() {}

  /**
   * The metrics of one sprint.
   *
   * @param sprintId the sprint's id
   * @param committedPoints points of the items committed at sprint start
   * @param deliveredPoints points of the items completed before the sprint's end
   * @param deliveredItems the number of those items
   * @param carryover the sprint's items not completed before its end, in the order given
   * @param cycleDaysMean mean cycle time in days of the delivered items with a start time; empty when none has one
   * @param cycleDaysP50 median of the same
   * @param cycleDaysP85 85th percentile of the same
   * @param bugEscapeRate escaped bugs / bugs of the sprint; empty without bugs
   * @param bugs the sprint's items of kind {@code bug}
   * @param escapedBugIds ids of the escaped bugs, sorted
   * @param cycleItems the delivered items the cycle time is over
   */
  public record Result(String sprintId, double committedPoints, double deliveredPoints, long deliveredItems,
      List<SprintItem> carryover, OptionalDouble cycleDaysMean, OptionalDouble cycleDaysP50,
      OptionalDouble cycleDaysP85, OptionalDouble bugEscapeRate, long bugs, List<String> escapedBugIds,
      long cycleItems) {
    /**
     * Copies both lists, which are unmodifiable afterwards.
     *
     * @param sprintId the sprint's id
     * @param committedPoints points of the items committed at sprint start
     * @param deliveredPoints points of the items completed before the sprint's end
     * @param deliveredItems the number of those items
     * @param carryover the sprint's items not completed before its end, in the order given
     * @param cycleDaysMean mean cycle time in days of the delivered items with a start time; empty when none has one
     * @param cycleDaysP50 median of the same
     * @param cycleDaysP85 85th percentile of the same
     * @param bugEscapeRate escaped bugs / bugs of the sprint; empty without bugs
     * @param bugs the sprint's items of kind {@code bug}
     * @param escapedBugIds ids of the escaped bugs, sorted
     * @param cycleItems the delivered items the cycle time is over
     */
    public Result {
      carryover = List.copyOf(carryover);
      escapedBugIds = List.copyOf(escapedBugIds);
    }
  }

  /** How far a sprint goal got: by its items done before the sprint's end. */
  public enum GoalStatus {
    /** No item is linked to the goal. */
    NO_ITEMS("no items"),
    /** None of its items was done before the sprint's end. */
    NOT_STARTED("not started"),
    /** Some but not all of its items were done. */
    PARTIAL("partial"),
    /** All of its items were done. */
    ACHIEVED("achieved");

    private final String label;

    GoalStatus(String label) {
      this.label = label;
    }

    /**
     * The status as shown in a pack.
     *
     * @return "no items", "not started", "partial" or "achieved"
     */
    public String label() {
      return label;
    }
  }

  /**
   * One goal of a sprint: the items linked to it (sorted by id), how many of them were done before the sprint's
   * end, and the resulting status (achieved when all are done, not started when none is).
   *
   * @param goal the goal as written in the sprint
   * @param itemIds ids of the items linked to it
   * @param done how many of them were done before the sprint's end
   * @param status the resulting status
   */
  public record Goal(String goal, List<String> itemIds, long done, GoalStatus status) {
    /**
     * Copies the item ids, which are unmodifiable afterwards.
     *
     * @param goal the goal
     * @param itemIds ids of the items linked to it
     * @param done how many were done
     * @param status the resulting status
     */
    public Goal {
      itemIds = List.copyOf(itemIds);
    }
  }

  /**
   * The metrics of a sprint.
   *
   * @param sprint the sprint
   * @param items sprint items; those of other sprints are ignored
   * @return the sprint's metrics
   */
  public static Result compute(Sprint sprint, List<SprintItem> items) {
    BigDecimal committed = BigDecimal.ZERO;
    BigDecimal delivered = BigDecimal.ZERO;
    long deliveredItems = 0;
    long bugs = 0;
    long cycleMinutes = 0;
    List<String> escaped = new java.util.ArrayList<>();
    List<SprintItem> carry = new java.util.ArrayList<>();
    double[] cycle = new double[items.size()];
    int n = 0;
    for (SprintItem i : items) {
      if (!i.sprintId().equals(sprint.sprintId())) {
        continue;
      }
      if (i.committed()) {
        committed = committed.add(points(i));
      }
      if (i.kind().equals("bug")) {
        bugs++;
        if (i.escaped()) {
          escaped.add(i.itemId());
        }
      }
      if (delivered(i, sprint)) {
        delivered = delivered.add(points(i));
        deliveredItems++;
        if (i.startedAt() != null) {
          long minutes = cycleMinutes(i);
          cycleMinutes += minutes;
          cycle[n++] = minutes / 1440.0;
        }
      } else {
        carry.add(i);
      }
    }
    double[] c = java.util.Arrays.copyOf(cycle, n);
    escaped.sort(null);
    return assemble(sprint.sprintId(), committed, delivered, deliveredItems, carry, n, cycleMinutes,
        Percentiles.cont(c, 0.5), Percentiles.cont(c, 0.85), bugs, escaped.size(), escaped);
  }

  /**
   * An item's points as an exact decimal: the shortest decimal that reads back as its {@code double}
   * ({@link BigDecimal#valueOf(double)}), so sums of points are exact and do not depend on the items' order.
   *
   * @param item the item
   * @return its points
   */
  public static BigDecimal points(SprintItem item) {
    return BigDecimal.valueOf(item.points());
  }

  /**
   * An item's cycle time in whole minutes, from its start to its completion, as {@link Duration#toMinutes()} gives it
   * (negative when it was completed before it was started).
   *
   * @param item a completed item with a start time
   * @return the minutes
   */
  public static long cycleMinutes(SprintItem item) {
    return Duration.between(java.util.Objects.requireNonNull(item.startedAt(), "startedAt"),
        java.util.Objects.requireNonNull(item.completedAt(), "completedAt")).toMinutes();
  }

  /**
   * A sprint's metrics from its sums and counts, the step {@link #compute} ends with; another implementation that sums
   * the items elsewhere (e.g. on Spark) calls it so that the points, the mean cycle time and the escape rate are turned
   * into {@code double}s in one place. The mean cycle time is the exact sum of whole minutes divided once.
   *
   * @param sprintId the sprint's id
   * @param committedPoints exact sum of the committed items' {@link #points}
   * @param deliveredPoints exact sum of the delivered items' {@link #points}
   * @param deliveredItems the number of delivered items
   * @param carryover the items not completed before the sprint's end
   * @param cycleItems the delivered items with a start time
   * @param cycleMinutes the sum of their {@link #cycleMinutes}
   * @param cycleDaysP50 the median of their cycle times in days ({@code minutes / 1440.0})
   * @param cycleDaysP85 the 85th percentile of the same
   * @param bugs the sprint's items of kind {@code bug}
   * @param escapedBugs how many of them escaped
   * @param escapedBugIds ids of the escaped bugs, sorted (all of them, or the first ones when an implementation bounds
   *     its evidence)
   * @return the sprint's metrics
   */
  public static Result assemble(String sprintId, BigDecimal committedPoints, BigDecimal deliveredPoints, long deliveredItems,
      List<SprintItem> carryover, long cycleItems, long cycleMinutes, OptionalDouble cycleDaysP50,
      OptionalDouble cycleDaysP85, long bugs, long escapedBugs, List<String> escapedBugIds) {
    OptionalDouble mean = cycleItems == 0 ? OptionalDouble.empty() : OptionalDouble.of(cycleMinutes / 1440.0 / cycleItems);
    return new Result(sprintId, committedPoints.doubleValue(), deliveredPoints.doubleValue(), deliveredItems, carryover,
        mean, cycleDaysP50, cycleDaysP85, bugs == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) escapedBugs / bugs),
        bugs, escapedBugIds, cycleItems);
  }

  /**
   * Whether an item counts as delivered by a sprint.
   *
   * @param item the item
   * @param sprint the sprint
   * @return true when {@code item} was completed before {@code sprint}'s end (the end is exclusive)
   */
  public static boolean delivered(SprintItem item, Sprint sprint) {
    return item.completedAt() != null && item.completedAt().isBefore(sprint.end());
  }

  /**
   * The items of {@code sprint} delivered by its end.
   *
   * @param sprint the sprint
   * @param items sprint items; those of other sprints are ignored
   * @return the delivered items, sorted by item id
   */
  public static List<SprintItem> deliveredItems(Sprint sprint, List<SprintItem> items) {
    return items.stream().filter(i -> i.sprintId().equals(sprint.sprintId()) && delivered(i, sprint))
        .sorted(java.util.Comparator.comparing(SprintItem::itemId)).toList();
  }

  /**
   * The sprint under way at {@code at} — the latest whose start is not after it — or, with {@code back} &gt; 0,
   * the sprint that many before it; empty when there is none.
   *
   * @param sprints the sprints, in any order
   * @param at the instant
   * @param back how many sprints to go back, 0 for the one under way
   * @return the sprint, or empty when there is none
   */
  public static java.util.Optional<Sprint> startedBy(List<Sprint> sprints, java.time.Instant at, int back) {
    List<Sprint> started = sprints.stream().filter(s -> !s.start().isAfter(at))
        .sorted(java.util.Comparator.comparing(Sprint::start)).toList();
    int idx = started.size() - 1 - back;
    return idx < 0 ? java.util.Optional.empty() : java.util.Optional.of(started.get(idx));
  }

  /**
   * Each goal of {@code sprint} with its items and status.
   *
   * @param sprint the sprint
   * @param items sprint items; those of other sprints are ignored
   * @return one goal per goal of the sprint, in the sprint's order
   */
  public static List<Goal> goals(Sprint sprint, List<SprintItem> items) {
    List<Goal> out = new java.util.ArrayList<>();
    for (String g : sprint.goals()) {
      List<SprintItem> its = items.stream().filter(i -> i.sprintId().equals(sprint.sprintId()) && g.equals(i.goal())).toList();
      long done = its.stream().filter(i -> delivered(i, sprint)).count();
      out.add(new Goal(g, its.stream().map(SprintItem::itemId).toList(), done, goalStatus(its.size(), done)));
    }
    return out;
  }

  /**
   * The step {@link #goals} ends with, for an implementation that counts elsewhere (e.g. on Spark): a goal's status
   * from the count of its items and of those done before the sprint's end.
   *
   * @param items the items linked to the goal
   * @param done of them, those done before the sprint's end
   * @return no items, achieved (all done), not started (none done) or partial
   */
  public static GoalStatus goalStatus(long items, long done) {
    return items == 0 ? GoalStatus.NO_ITEMS : done == items ? GoalStatus.ACHIEVED
        : done == 0 ? GoalStatus.NOT_STARTED : GoalStatus.PARTIAL;
  }

  /**
   * Stories completed inside {@code window}, whichever sprint they belong to ("features shipped").
   *
   * @param items the sprint items
   * @param window the half-open window {@code [start, end)} the completion time must lie in
   * @return the items of kind {@code story} completed in the window, sorted by item id
   */
  public static List<SprintItem> storiesCompleted(List<SprintItem> items, io.companyos.model.time.TimeWindow window) {
    return items.stream().filter(i -> i.kind().equals("story") && i.completedAt() != null && window.contains(i.completedAt()))
        .sorted(java.util.Comparator.comparing(SprintItem::itemId)).toList();
  }

  /**
   * Velocity trend: delivered points of the latest sprint against the mean of up to {@code n} sprints
   * before it, in percent; empty without earlier sprints or when their mean is 0.
   *
   * @param deliveredOldestFirst delivered points per sprint, oldest first, the latest last
   * @param n how many earlier sprints at most the mean is over
   * @return the change in percent, or empty
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
   * Velocity trend at an instant, from the records: the sprint under way at {@code at} (the latest started by then) and
   * up to {@code n} sprints before it ({@link #startedBy}), each with the points of its items completed before its end
   * ({@link #deliveredBy} at its end, summed exactly), then {@link #velocityChange(double[], int)}.
   *
   * @param sprints the sprints, in any order
   * @param items the sprint items
   * @param at the instant
   * @param n how many earlier sprints at most the mean is over, at least 1
   * @return the change in percent, or empty without a sprint started by {@code at}, without earlier sprints, or when
   *     their mean is 0
   */
  public static OptionalDouble velocityChange(List<Sprint> sprints, List<SprintItem> items, java.time.Instant at, int n) {
    List<Sprint> chosen = velocitySprints(sprints, at, n);
    double[] delivered = new double[chosen.size()];
    for (int i = 0; i < delivered.length; i++) {
      delivered[i] = deliveredBy(chosen.get(i), items, chosen.get(i).end());
    }
    return velocityChange(delivered, n);
  }

  /**
   * The sprints a velocity trend at {@code at} is over: up to {@code n} sprints started before the one under way at
   * {@code at}, and that one last.
   *
   * @param sprints the sprints, in any order
   * @param at the instant
   * @param n how many earlier sprints at most
   * @return the sprints, oldest first; empty without a sprint started by {@code at}
   */
  public static List<Sprint> velocitySprints(List<Sprint> sprints, java.time.Instant at, int n) {
    List<Sprint> chosen = new java.util.ArrayList<>();
    for (int back = n; back >= 0; back--) {
      startedBy(sprints, at, back).ifPresent(chosen::add);
    }
    return chosen;
  }

  /**
   * Points of {@code sprint}'s items completed before {@code cutoff} (or the sprint's end, whichever comes first).
   * Comparing a running sprint with the previous one uses the same elapsed time in both: the previous sprint's
   * points delivered by the same day of the sprint, not all of them.
   *
   * @param sprint the sprint
   * @param items sprint items; those of other sprints are ignored
   * @param cutoff the exclusive cutoff
   * @return the points completed before the cutoff, summed exactly ({@link #points}) and turned into a {@code double}
   *     once
   */
  public static double deliveredBy(Sprint sprint, List<SprintItem> items, java.time.Instant cutoff) {
    java.time.Instant until = cutoff.isBefore(sprint.end()) ? cutoff : sprint.end();
    return items.stream().filter(i -> i.sprintId().equals(sprint.sprintId()))
        .filter(i -> i.completedAt() != null && i.completedAt().isBefore(until)).map(SprintMetrics::points)
        .reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
  }
}
