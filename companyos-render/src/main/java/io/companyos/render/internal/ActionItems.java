package io.companyos.render.internal;

import io.companyos.scoring.rhythm.RhythmKpis;
import io.companyos.model.data.ActionItem;
import io.companyos.model.data.MeetingRecord;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Action items carried over from the previous meeting (or all open ones), with owner, due date and
 * status: done when completed by as-of, overdue when past due and not done, otherwise open. The completion
 * shown is where the chosen items stand at the as-of ({@link RhythmKpis#followThrough}); the rhythm KPI
 * "Action Item Completion" is a different number, items due in a window done by their due time
 * ({@link RhythmKpis#actionCompletion}).
 */
final class ActionItems extends FixedSection {
  static final List<String> COLUMNS = List.of("Action", "Owner", "Due", "Status");

  ActionItems() {
    super("action_items", List.of(f("completion", "Completion")), List.of(COLUMNS));
  }

  /** done, overdue or open at {@code at} ({@link RhythmKpis#status}). */
  static String status(ActionItem a, Instant at) {
    return RhythmKpis.status(a, at).label();
  }

  @Override
  public PackSection assemble(SectionContext ctx) {
    String meeting = ctx.pack().meeting() != null ? ctx.pack().meeting() : ctx.pack().id();
    Instant at = ctx.asOf();
    Dataset<ActionItem> items = ctx.records(RecordKind.ACTION_ITEMS, TimeWindow.ending(at, Duration.ofDays(120)));
    String source = ctx.string("source", "previous_meeting");
    List<ActionItem> mine = items.rows().stream().filter(a -> a.meeting().equals(meeting)).toList();
    List<ActionItem> chosen;
    String scope;
    if (source.equals("previous_meeting")) {
      Dataset<MeetingRecord> meetings = ctx.records(RecordKind.MEETINGS, TimeWindow.ending(at, Duration.ofDays(120)));
      Optional<MeetingRecord> last = meetings.rows().stream().filter(m -> m.meeting().equals(meeting))
          .max(Comparator.comparing(MeetingRecord::scheduledStart));
      if (last.isEmpty()) {
        return ctx.builder().field("completion", "Completion", MetricValue.absent("no previous " + meeting + " meeting recorded", Unit.PERCENT))
            .table(new SectionTable("", COLUMNS, List.of(), "No previous meeting recorded in the last 120 days.")).build();
      }
      Instant start = last.get().scheduledStart();
      chosen = mine.stream().filter(a -> !a.createdAt().isBefore(start) && a.createdAt().isBefore(start.plus(Duration.ofDays(1)))).toList();
      scope = "from the " + meeting + " of " + Rows.date(start, ctx.zone());
    } else if (source.equals("open")) {
      chosen = mine.stream().filter(a -> RhythmKpis.status(a, at) != RhythmKpis.ActionStatus.DONE).toList();
      scope = "open " + meeting + " items";
    } else {
      chosen = mine;
      scope = meeting + " items of the last 120 days";
    }
    boolean showStatus = ctx.bool("show_status", true);
    List<String> cols = showStatus ? COLUMNS : COLUMNS.subList(0, 3);
    List<List<MetricValue>> rows = new ArrayList<>();
    chosen.stream().sorted(Comparator.comparing(ActionItem::actionId)).limit(ctx.integer("limit", 50)).forEach(a -> {
      List<MetricValue> r = new ArrayList<>(List.of(MetricValue.text(a.actionId() + " " + a.title(), items.provenance()),
          MetricValue.label(a.owner()), MetricValue.label(Rows.date(a.dueAt(), ctx.zone()))));
      if (showStatus) {
        r.add(MetricValue.text(status(a, at), items.provenance()));
      }
      rows.add(r);
    });
    RhythmKpis.FollowThrough ft = RhythmKpis.followThrough(chosen, at);
    SectionBuilder b = ctx.builder();
    b.field("completion", "Completion", ft.doneShare().isEmpty() ? MetricValue.absent("no action items " + scope, Unit.PERCENT)
        : MetricValue.of(100.0 * ft.doneShare().getAsDouble(), Unit.PERCENT, String.format(java.util.Locale.ROOT,
            "%.0f%% (%d of %d done, %d overdue; %s)", 100.0 * ft.doneShare().getAsDouble(), ft.done(), ft.total(), ft.overdue(), scope),
            SectionContext.derived(items.provenance(), "items " + scope + ": done / all", ft.total()))
            .withEvidence(chosen.stream().map(ActionItem::actionId).sorted().toList()));
    b.table(new SectionTable("", cols, rows, "No action items " + scope + "."));
    return b.build();
  }
}
