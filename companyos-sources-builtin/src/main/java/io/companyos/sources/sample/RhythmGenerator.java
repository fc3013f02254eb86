package io.companyos.sources.sample;

import io.companyos.model.data.ActionItem;
import io.companyos.model.data.DashboardView;
import io.companyos.model.data.Decision;
import io.companyos.model.data.MeetingRecord;
import io.companyos.model.data.MetricNames;
import io.companyos.model.data.Sprint;
import io.companyos.model.data.SprintItem;
import io.companyos.model.time.SprintCalendar;
import io.companyos.sources.RecordKind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Two-week sprints on the built-in sprint calendar with goals and items (committed vs delivered,
 * escaped bugs, carry-over), meetings as they happened (start adherence), action items and decisions
 * raised in them, dashboard views, and daily test coverage.
 */
final class RhythmGenerator {
  private static final List<String> GOALS = List.of(
      "Ship usage-based billing beta", "Cut p95 search latency by 20%", "SSO for enterprise accounts",
      "Migrate notifications to the new queue", "Self-serve data exports", "Remove legacy session store",
      "Harden checkout retries", "Launch dashboards-v2 to all customers", "Automate quarterly access reviews");
  private static final List<String> DASHBOARDS = List.of("exec-cockpit", "cto", "ciso", "ops-review", "product-health", "finops");
  private static final List<String> ACTIONS = List.of(
      "Add alert for %s saturation", "Write postmortem for %s incident", "Review error budget policy for %s",
      "Rotate credentials used by %s", "Load-test %s before the release", "Document the %s runbook");

  private static final String DAY = "day";

  private final SampleCompanyProfile p;
  private final SampleDraws draws;
  private final SampleRows rows;

  RhythmGenerator(SampleCompanyProfile profile, long seed, SampleRows rows) {
    this.p = profile;
    this.draws = new SampleDraws(profile, seed, "rhythm");
    this.rows = rows;
  }

  void generate() {
    sprints();
    LocalDate first = p.start.atZone(ZoneOffset.UTC).toLocalDate();
    int actionSeq = 0;
    for (long d = 0; d <= p.lastDay; d++) {
      LocalDate date = first.plusDays(d);
      DayOfWeek dow = date.getDayOfWeek();
      if (dow.getValue() <= 5) {
        meeting("daily-standup", d, date, 9);
      }
      if (dow == DayOfWeek.MONDAY) {
        actionSeq = meetingWithActions("ops-review", d, date, 10, actionSeq, 7);
      }
      if (dow == DayOfWeek.TUESDAY) {
        actionSeq = meetingWithActions("security-standup", d, date, 10, actionSeq, 7);
      }
      if (dow == DayOfWeek.WEDNESDAY) {
        actionSeq = meetingWithActions("product-metrics", d, date, 14, actionSeq, 7);
      }
      if (dow == DayOfWeek.MONDAY && date.getDayOfMonth() <= 7) {
        actionSeq = meetingWithActions("exec-review", d, date, 11, actionSeq, 14);
      }
      Instant day = p.at(d, 0, 0);
      SampleRandom r = draws.day(DAY, d);
      double coverage = 0.71 + 0.08 * p.progress(day) + r.uniform(-0.004, 0.004);
      rows.metric(MetricNames.TEST_COVERAGE, Map.of(), day, Math.round(coverage * 1000) / 1000.0);
      dashboardViews(d, r);
    }
  }

  private void sprints() {
    SprintCalendar cal = SprintCalendar.DEFAULT;
    LocalDate last = p.at(p.lastDay, 0, 0).atZone(ZoneOffset.UTC).toLocalDate();
    for (long n = cal.sprintNumber(p.start.atZone(ZoneOffset.UTC).toLocalDate()); n <= cal.sprintNumber(last); n++) {
      Instant start = cal.startOf(n).atStartOfDay().toInstant(ZoneOffset.UTC);
      Instant end = cal.startOf(n + 1).atStartOfDay().toInstant(ZoneOffset.UTC);
      String id = "sprint-" + n;
      List<String> goals = new ArrayList<>();
      for (int g = 0; g < 3; g++) {
        goals.add(GOALS.get((int) ((n * 3 + g) % GOALS.size())));
      }
      rows.add(RecordKind.SPRINTS, new Sprint(id, start, end, goals));
      SampleRandom r = draws.at(start, id);
      for (int k = 1, items = r.between(18, 26); k <= items; k++) {
        boolean committed = r.chance(0.9);
        Instant added = committed ? start : start.plus(r.between(2, 9), ChronoUnit.DAYS);
        String kind = switch (r.weighted(70, 15, 15)) {
          case 0 -> "story";
          case 1 -> "task";
          default -> "bug";
        };
        Instant started = added.plus(r.between(0, 5 * 24), ChronoUnit.HOURS);
        Instant done = started.plus((long) r.normal(3.5 * 24, 2 * 24, 4), ChronoUnit.HOURS);
        boolean finished = done.isBefore(end) && r.chance(0.88);
        SampleRandom x = draws.at(added, id);
        String goal = x.chance(0.6) ? goals.get(x.between(0, 2)) : null;
        rows.add(RecordKind.SPRINT_ITEMS, new SprintItem(id, String.format(Locale.ROOT, "ACME-%d%02d", n, k),
            title(x, kind, goal), kind, x.pick(List.of(1.0, 2.0, 3.0, 3.0, 5.0, 5.0, 8.0)), committed, added,
            p.known(started), finished ? p.known(done) : null, kind.equals("bug") && x.chance(0.3), goal));
      }
    }
  }

  private static String title(SampleRandom r, String kind, @Nullable String goal) {
    String area = goal != null ? goal : r.pick(SampleCompanyProfile.SERVICES);
    return switch (kind) {
      case "bug" -> "Fix: " + r.pick(List.of("timeout in ", "wrong total in ", "crash in ")) + area;
      case "task" -> "Chore: " + r.pick(List.of("upgrade libraries for ", "clean up flags in ")) + area;
      default -> r.pick(List.of("Build ", "Design ", "Roll out ")) + area;
    };
  }

  /** A meeting as it happened: it starts up to two minutes late, sometimes up to twelve. */
  private Instant meeting(String meeting, long day, LocalDate date, int hour) {
    Instant scheduled = date.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    SampleRandom r = draws.at(DAY, day, scheduled);
    long lateSeconds = r.chance(0.92) ? r.between(0, 110) : r.between(180, 720);
    rows.add(RecordKind.MEETINGS, new MeetingRecord(meeting + "-" + date, meeting, scheduled,
        p.known(scheduled.plusSeconds(lateSeconds))));
    return scheduled;
  }

  private int meetingWithActions(String meeting, long day, LocalDate date, int hour, int seq, int dueDays) {
    Instant at = meeting(meeting, day, date, hour);
    SampleRandom r = draws.at(DAY, day, at);
    for (int k = r.between(2, 4); k > 0; k--) {
      Instant due = at.plus(dueDays, ChronoUnit.DAYS);
      Instant done = at.plus((long) (r.uniform(0.5, dueDays + 4) * 24), ChronoUnit.HOURS);
      boolean completes = r.chance(0.9);
      rows.add(RecordKind.ACTION_ITEMS, new ActionItem(String.format(Locale.ROOT, "AI-%05d", ++seq), meeting,
          String.format(Locale.ROOT, r.pick(ACTIONS), r.pick(SampleCompanyProfile.SERVICES)), r.pick(SampleCompanyProfile.PEOPLE),
          at, due, completes ? p.known(done) : null));
    }
    if (meeting.equals("ops-review") || meeting.equals("exec-review")) {
      for (int k = r.between(0, 2); k > 0; k--) {
        Instant decided = at.plus((long) r.normal(30, 25, 2), ChronoUnit.HOURS);
        rows.add(RecordKind.DECISIONS, new Decision(String.format(Locale.ROOT, "DEC-%05d", seq * 10 + k), meeting,
            r.pick(List.of("Approve reserved capacity for ", "Freeze feature work on ", "Staff an on-call rotation for ",
                "Fund a rewrite of ")) + r.pick(SampleCompanyProfile.SERVICES), at, p.known(decided)));
      }
    }
    return seq;
  }

  private void dashboardViews(long d, SampleRandom r) {
    for (int u = 0; u < 45; u++) {
      if (p.isWeekday(d) && r.chance(0.3)) {
        Instant t = p.at(d, r.between(8, 18), r.between(0, 59));
        rows.add(RecordKind.DASHBOARD_VIEWS, new DashboardView(t, String.format(Locale.ROOT, "staff-%02d", u),
            draws.at(DAY, d, t).pick(DASHBOARDS)));
      }
    }
  }
}
