package io.companyos.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.data.ActionItem;
import io.companyos.model.data.DashboardView;
import io.companyos.model.data.Decision;
import io.companyos.model.data.MeetingRecord;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The RACI page's checks and the rhythm KPI page, each worked out by hand. */
class RhythmPagesTest {
  static final CompanyDefinition COMPANY = BuiltinDefinitions.load();
  static final Instant AS_OF = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void theSeedsMatrixHasNoErrorsAndSixWarnings() {
    // By hand from rhythm.yaml and raci.yaml: the owners of health-check (sre_oncall), security-standup
    // (security_lead) and product-metrics (product_lead) hold no R or A in their rows, and daily-standup,
    // sprint-review and board-pack have no row.
    assertThat(RaciPage.check(COMPANY)).extracting(c -> c.level() + " " + c.activity() + ": " + c.message())
        .containsExactly(
            "WARNING Daily Health Check: the meeting's owner 'sre_oncall' is neither responsible nor accountable for it",
            "WARNING Weekly Security: the meeting's owner 'security_lead' is neither responsible nor accountable for it",
            "WARNING Weekly Product: the meeting's owner 'product_lead' is neither responsible nor accountable for it",
            "WARNING Daily Standup: meeting 'daily-standup' has no RACI row",
            "WARNING Sprint Review: meeting 'sprint-review' has no RACI row",
            "WARNING Board Pack Preparation: meeting 'board-pack' has no RACI row");
  }

  @Test
  void theMarkdownMatrixIsTheSeedsTable() {
    String md = RaciPage.markdown(COMPANY);
    // Seed row: | Weekly Ops Review | I | **A** | C | **R** | I | **R** | I |
    assertThat(md).contains("| Weekly Ops Review | I | **A** | C | **R** | I | **R** | I |",
        "| Daily Health Check | I | I | I | I | I | **R/A** | I |",
        "| Activity | CEO | CTO | CISO | VP Engineering | VP Product | SRE Lead | FinOps Lead |",
        "**Legend**: R = Responsible, A = Accountable, C = Consulted, I = Informed");
    assertThat(RaciPage.html(COMPANY)).contains("<td><strong>R/A</strong></td>", "WARNING: Board Pack Preparation");
  }

  @Test
  void kpisAreMeasuredFromRecordsAndComparedWithTheSeedsTargets() {
    Instant d = AS_OF.minusSeconds(5 * 86_400);
    MetricSource records = new RecordsOnly(Map.of(
        // 4 meetings held, 3 started within the 2-minute grace: 75% (target >= 95: missed).
        RecordKind.MEETINGS, List.of(new MeetingRecord("m1", "ops-review", d, d.plusSeconds(60)),
            new MeetingRecord("m2", "ops-review", d, d.plusSeconds(120)), new MeetingRecord("m3", "ops-review", d, d),
            new MeetingRecord("m4", "ops-review", d, d.plusSeconds(600)), new MeetingRecord("m5", "ops-review", d, null)),
        // Decided after 10 h and 30 h: 20 h on average (target < 48: met).
        RecordKind.DECISIONS, List.of(new Decision("d1", "ops-review", "a", d, d.plusSeconds(10 * 3600)),
            new Decision("d2", "ops-review", "b", d, d.plusSeconds(30 * 3600))),
        // 2 due in the window, 1 done by its due date: 50% (target > 90: missed).
        RecordKind.ACTION_ITEMS, List.of(new ActionItem("a1", "ops-review", "x", "ana", d, d.plusSeconds(3600), d),
            new ActionItem("a2", "ops-review", "y", "bo", d, d.plusSeconds(3600), null)),
        // 3 distinct viewers of 4 people: 75% (target > 80: missed).
        RecordKind.DASHBOARD_VIEWS, List.of(new DashboardView(d, "u1", "x"), new DashboardView(d, "u2", "x"),
            new DashboardView(d, "u3", "x"), new DashboardView(d, "u1", "y"))));
    List<RhythmKpiPage.Row> rows = RhythmKpiPage.withGenerations(
        RhythmKpiPage.measure(COMPANY, List.of(records), AS_OF, null, OptionalInt.of(4)), 9, 10, AS_OF);
    assertThat(rows).extracting(r -> r.kpi().id() + " " + r.actual().text() + " " + r.met()).containsExactly(
        "meeting_start_adherence 75% false", "decision_time 20 h true", "action_item_completion 50% false",
        "dashboard_usage 75% false", "pack_generation_success 90% false");
    assertThat(rows).allSatisfy(r -> assertThat(r.actual().provenance()).isNotNull());
    String md = RhythmKpiPage.markdown(rows, AS_OF);
    assertThat(md).contains("| Decision Time (avg) | < 48 h | 20 h | met |", "| Pack Generation Success | >= 100% | 90% | missed |");
  }

  @Test
  void whatCannotBeMeasuredIsNotApplicableNotZero() {
    List<RhythmKpiPage.Row> rows = RhythmKpiPage.measure(COMPANY, List.of(new RecordsOnly(Map.of())), AS_OF, null,
        OptionalInt.empty());
    assertThat(rows).extracting(r -> r.actual().text()).containsExactly(
        "n/a (no meetings held in the window)", "n/a (no decisions taken in the window)",
        "n/a (no action items due in the window)",
        "n/a (population unknown: give the number of dashboard users)", "n/a (no generation log given)");
    assertThat(rows).allSatisfy(r -> assertThat(r.met()).isNull());
  }

  /** A source answering only the given record kinds, with every row it holds. */
  record RecordsOnly(Map<RecordKind<?>, List<?>> rows) implements MetricSource {
    @Override
    public String id() {
      return "test";
    }

    @Override
    public SourceDescription describe() {
      return new SourceDescription("test", Set.of(), List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
      List<T> all = (List<T>) rows.getOrDefault(kind, List.of());
      List<T> in = all.stream().filter(r -> window.contains(kind.timeOf(r))).toList();
      return new Dataset<>(in, new Provenance("test", kind.name(), window, AS_OF, in.size()));
    }
  }

}
