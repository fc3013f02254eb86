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

  /** Meetings scheduled in the window that started within {@link #ON_TIME_GRACE} / those that took place. */
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

  /** Mean hours from raised to decided over decisions decided in the window. */
  public static OptionalDouble decisionTimeHours(List<Decision> decisions, TimeWindow window) {
    return decisions.stream().filter(d -> d.decidedAt() != null && window.contains(d.decidedAt()))
        .mapToDouble(d -> Duration.between(d.raisedAt(), d.decidedAt()).toMinutes() / 60.0).average();
  }

  /** Action items due in the window that were completed by their due time / action items due in the window. */
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
    DONE("done"),
    OVERDUE("overdue"),
    OPEN("open");

    private final String label;

    ActionStatus(String label) {
      this.label = label;
    }

    /** The status as shown in a pack. */
    public String label() {
      return label;
    }
  }

  /** Done when completed by {@code at}; otherwise overdue when its due time is before {@code at}; otherwise open. */
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
   */
  public record FollowThrough(long done, long overdue, long total) {
    /** done / total; empty without items. */
    public OptionalDouble doneShare() {
      return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) done / total);
    }
  }

  /** {@link FollowThrough} of {@code items} at {@code at}. */
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

  /** Distinct users who opened a dashboard in the window / {@code population}. */
  public static OptionalDouble dashboardUsage(List<DashboardView> views, TimeWindow window, int population) {
    if (population <= 0) {
      return OptionalDouble.empty();
    }
    Set<String> users = new HashSet<>();
    views.stream().filter(v -> window.contains(v.timestamp())).forEach(v -> users.add(v.userId()));
    return OptionalDouble.of(Math.min(1.0, (double) users.size() / population));
  }

  /** Successful generations / all generations; empty when nothing was generated. */
  public static OptionalDouble packGenerationSuccess(long succeeded, long attempted) {
    if (succeeded < 0 || attempted < succeeded) {
      throw new IllegalArgumentException("need 0 <= succeeded <= attempted");
    }
    return attempted == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) succeeded / attempted);
  }
}
