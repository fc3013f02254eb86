package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.ActionItem;
import io.companyos.model.data.MeetingRecord;
import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Action items of the previous meeting carried into the ops review with owner and status. */
class ActionItemsTest {
  static Instant t(String s) {
    return Instant.parse(s);
  }

  @Test
  void itemsOfThePreviousMeetingAreDoneOverdueOrOpen() {
    // As-of Monday 2026-11-23 09:00. Previous ops review: Monday 2026-11-16 10:00; an older one on 11-09.
    List<MeetingRecord> meetings = List.of(
        new MeetingRecord("ops-review-2026-11-09", "ops-review", t("2026-11-09T10:00:00Z"), t("2026-11-09T10:01:00Z")),
        new MeetingRecord("ops-review-2026-11-16", "ops-review", t("2026-11-16T10:00:00Z"), t("2026-11-16T10:02:00Z")));
    List<ActionItem> items = List.of(
        // From 11-09: not carried (older meeting).
        new ActionItem("AI-1", "ops-review", "Old item", "sam", t("2026-11-09T10:00:00Z"), t("2026-11-16T10:00:00Z"), null),
        // From 11-16: done before as-of, due in the past but not done (overdue), due after as-of (open).
        new ActionItem("AI-2", "ops-review", "Fix alert routing", "alex", t("2026-11-16T10:00:00Z"), t("2026-11-20T10:00:00Z"),
            t("2026-11-19T12:00:00Z")),
        new ActionItem("AI-3", "ops-review", "Write postmortem", "jo", t("2026-11-16T10:00:00Z"), t("2026-11-21T10:00:00Z"), null),
        new ActionItem("AI-4", "ops-review", "Tune autoscaling", "lee", t("2026-11-16T10:00:00Z"), t("2026-11-30T10:00:00Z"), null),
        // Completed only after as-of: still open at as-of.
        new ActionItem("AI-5", "ops-review", "Rotate keys", "kim", t("2026-11-16T10:00:00Z"), t("2026-11-27T10:00:00Z"),
            t("2026-11-24T10:00:00Z")),
        // Another meeting's item: not shown.
        new ActionItem("AI-6", "exec-review", "Budget", "ceo", t("2026-11-16T10:00:00Z"), t("2026-11-20T10:00:00Z"), null));
    ScriptedSource src = new ScriptedSource("tracker", ScriptedSource.Mode.ANSWER,
        Map.of(RecordKind.MEETINGS, meetings, RecordKind.ACTION_ITEMS, items));
    PackDocument doc = new PackAssembler(SampleCompany.COMPANY, List.of(src))
        .assemble(SampleCompany.COMPANY.pack("ops-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    String md = new PackRenderer().render(doc, PackFormat.MD);
    // 1 of 4 carried items done = 25%; 1 overdue.
    assertThat(md).contains("- Completion: 25% (1 of 4 done, 1 overdue; from the ops-review of 2026-11-16)",
        "| Action | Owner | Due | Status |",
        "| AI-2 Fix alert routing[^", "| alex | 2026-11-20 | done[^",
        "| AI-3 Write postmortem[^", "| jo | 2026-11-21 | overdue[^",
        "| AI-4 Tune autoscaling[^", "| lee | 2026-11-30 | open[^",
        "| AI-5 Rotate keys[^", "| kim | 2026-11-27 | open[^");
    assertThat(md).doesNotContain("AI-1 ").doesNotContain("AI-6 ");
  }
}
