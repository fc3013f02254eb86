package io.companyos.scoring.rhythm;

import io.companyos.model.data.ActionItem;
import io.companyos.model.data.DashboardView;
import io.companyos.model.data.Decision;
import io.companyos.model.data.MeetingRecord;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The seed's rhythm-effectiveness KPIs. Targets (seed): start adherence 95%, decision time &lt; 48 h,
 * action completion &gt; 90%, weekly dashboard usage &gt; 80% of users, pack generation success 100%.
 */
public final class RhythmKpis {
  /** A meeting counts as on time when it starts at most this long after its scheduled time. */
  public static final Duration ON_TIME_GRACE = Duration.ofMinutes(2);

  private RhythmKpis() {}

  /**
   * Start adherence: meetings scheduled in the window that started within {@link #ON_TIME_GRACE} / those of them
   * that took place (have an actual start).
   *
   * @param meetings the meeting records
   * @param window the half-open window {@code [start, end)}
   * @return the share in [0, 1]; empty when no meeting scheduled in the window took place
   */
  public static OptionalDouble startAdherence(List<MeetingRecord> meetings, TimeWindow window) {
    long held = 0;
    long onTime = 0;
    for (MeetingRecord m : meetings) {
      if (window.contains(m.scheduledStart()) && m.actualStart() != null) {
        held++;
        if (Duration.between(m.scheduledStart(), m.actualStart()).compareTo(ON_TIME_GRACE) <= 0) {
          onTime++;
        }
      }
    }
    return held == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) onTime / held);
  }

  /**
   * Decision time: mean hours from raised to decided over decisions decided in the window.
   *
   * @param decisions the decisions
   * @param window the half-open window {@code [start, end)}
   * @return the mean in hours, to the minute; empty when none was decided in the window
   */
  public static OptionalDouble decisionTimeHours(List<Decision> decisions, TimeWindow window) {
    return decisions.stream().filter(d -> d.decidedAt() != null && window.contains(d.decidedAt()))
        .mapToDouble(d -> Duration.between(d.raisedAt(), d.decidedAt()).toMinutes() / 60.0).average();
  }

  /**
   * Action completion: action items due in the window that were completed by their due time (at or before it) /
   * action items due in the window.
   *
   * @param items the action items
   * @param window the half-open window {@code [start, end)}
   * @return the share in [0, 1]; empty when nothing was due in the window
   */
  public static OptionalDouble actionCompletion(List<ActionItem> items, TimeWindow window) {
    long due = 0;
    long done = 0;
    for (ActionItem a : items) {
      if (window.contains(a.dueAt())) {
        due++;
        if (a.completedAt() != null && !a.completedAt().isAfter(a.dueAt())) {
          done++;
        }
      }
    }
    return due == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) done / due);
  }

  /** Where an action item stands at an instant. */
  public enum ActionStatus {
    /** Completed at or before the instant. */
    DONE("done"),
    /** Not completed, and due before the instant. */
    OVERDUE("overdue"),
    /** Not completed, and not yet due. */
    OPEN("open");

    private final String label;

    ActionStatus(String label) {
      this.label = label;
    }

    /**
     * The status as shown in a pack.
     *
     * @return "done", "overdue" or "open"
     */
    public String label() {
      return label;
    }
  }

  /**
   * Where an action item stands at an instant.
   *
   * @param a the action item
   * @param at the instant
   * @return done when completed by {@code at}; otherwise overdue when its due time is before {@code at}; otherwise
   *     open
   */
  public static ActionStatus status(ActionItem a, java.time.Instant at) {
    if (a.completedAt() != null && !a.completedAt().isAfter(at)) {
      return ActionStatus.DONE;
    }
    return a.dueAt().isBefore(at) ? ActionStatus.OVERDUE : ActionStatus.OPEN;
  }

  /**
   * Follow-through on a set of action items (say, those raised in the previous meeting) at an instant: how many
   * are done, overdue, and in all. Unlike {@link #actionCompletion}, which judges items due in a window against
   * their due times, this is a snapshot of where a meeting's items stand now.
   *
   * @param done items done at the instant
   * @param overdue items overdue at the instant
   * @param total all items
   */
  public record FollowThrough(long done, long overdue, long total) {
    /**
     * The share of items done.
     *
     * @return done / total in [0, 1]; empty without items
     */
    public OptionalDouble doneShare() {
      return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) done / total);
    }
  }

  /**
   * {@link FollowThrough} of {@code items} at {@code at}.
   *
   * @param items the action items, e.g. those raised in the previous meeting
   * @param at the instant
   * @return the counts by {@link #status}
   */
  public static FollowThrough followThrough(List<ActionItem> items, java.time.Instant at) {
    long done = 0;
    long overdue = 0;
    for (ActionItem a : items) {
      ActionStatus s = status(a, at);
      if (s == ActionStatus.DONE) {
        done++;
      } else if (s == ActionStatus.OVERDUE) {
        overdue++;
      }
    }
    return new FollowThrough(done, overdue, items.size());
  }

  /**
   * Dashboard usage: distinct users who opened a dashboard in the window / {@code population}.
   *
   * @param views the dashboard views
   * @param window the half-open window {@code [start, end)}
   * @param population the users expected to use the dashboards
   * @return the share, capped at 1; empty when {@code population} is not positive
   */
  public static OptionalDouble dashboardUsage(List<DashboardView> views, TimeWindow window, int population) {
    if (population <= 0) {
      return OptionalDouble.empty();
    }
    Set<String> users = new HashSet<>();
    views.stream().filter(v -> window.contains(v.timestamp())).forEach(v -> users.add(v.userId()));
    return OptionalDouble.of(Math.min(1.0, (double) users.size() / population));
  }

  /**
   * Pack generation success: successful generations / all generations.
   *
   * @param succeeded generations that succeeded
   * @param attempted all generations
   * @return the share in [0, 1]; empty when nothing was generated
   * @throws IllegalArgumentException unless {@code 0 ≤ succeeded ≤ attempted}
   */
  public static OptionalDouble packGenerationSuccess(long succeeded, long attempted) {
    if (succeeded < 0 || attempted < succeeded) {
      throw new IllegalArgumentException("need 0 <= succeeded <= attempted");
    }
    return attempted == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) succeeded / attempted);
  }
}
