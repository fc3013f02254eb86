package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack copied verbatim from the seed, {{ placeholders }} and all, works as a template override. */
class SeedLayoutOverrideTest {
  /** The seed's "Weekly Ops Review" pack, exactly as printed. */
  static final String OPS_REVIEW = """
      ## Weekly Ops Review - Week {{ week_number }}

      ### Incident Summary
      | Severity | Count | MTTR (avg) | Repeat? |
      |----------|-------|------------|---------|
      {{ incident_table }}

      ### SLO Performance
      | Service | SLO Target | Actual | Budget Remaining |
      |---------|------------|--------|------------------|
      {{ slo_table }}

      ### DORA Metrics (WoW)
      - Deployment Frequency: {{ deploy_freq }} ({{ deploy_freq_delta }})
      - Lead Time: {{ lead_time }} ({{ lead_time_delta }})
      - Change Failure Rate: {{ cfr }} ({{ cfr_delta }})
      - MTTR: {{ mttr }} ({{ mttr_delta }})

      ### Action Items from Last Week
      {{ previous_actions_status }}

      ### This Week's Focus
      {{ auto_recommendations }}
      """;

  @Test
  void theSeedsOpsReviewTextRendersWithRealValues(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ops-review.md"), OPS_REVIEW);
    String md = new PackRenderer(dir).render(SampleCompany.assemble("ops-review"), PackFormat.MD);
    assertThat(md).startsWith("## Weekly Ops Review - Week 47\n").doesNotContain("{{").doesNotContain("null");
    // The incident rows follow the seed's header directly; P1 has no incidents in week 47.
    assertThat(md).contains("|----------|-------|------------|---------|\n| P1 | 0[^1] | n/a (no incidents) | no[^1] |\n| P2 | ");
    assertThat(md).containsPattern("- Deployment Frequency: [0-9.]+/day\\[\\^\\d+] \\([+-][0-9.]+/day \\([+-][0-9.]+%\\)\\)");
    assertThat(md).contains("| Action | Owner | Due | Status |");
    // The provenance of every marker is appended, since the seed's layout has no footnote block.
    // The footnote of the incident counts states the 7 days they cover, not the 37 days read to find repeats.
    assertThat(md).contains("\n---\n[^1]: sample · incidents \\| incidents created in the window by severity (repeats: same "
        + "fingerprint in the 30 days before) · window 2026-11-16T09:00:00Z to 2026-11-23T09:00:00Z");
  }

  @Test
  void everySeedPackTextFillsEveryPlaceholder(@TempDir Path dir) throws Exception {
    // The eight Markdown packs of the seed document, copied verbatim into test resources.
    for (String id : java.util.List.of("daily-standup", "ops-review", "security-standup", "product-metrics", "sprint-review",
        "exec-review", "finops-review", "qbr")) {
      try (var in = getClass().getResourceAsStream("/seed-templates/" + id + ".md")) {
        Files.write(dir.resolve(id + ".md"), in.readAllBytes());
      }
      String md = new PackRenderer(dir).render(SampleCompany.assemble(id), PackFormat.MD);
      assertThat(md).as(id).doesNotContain("{{").doesNotContain("no value for").doesNotContain("null").doesNotContain("NaN")
          .doesNotContain("$$").doesNotContain("%%");
    }
  }

  @Test
  void percentAndDollarSignsAreNotDoubled(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("finops-review.md"), """
        ## Monthly FinOps Review - {{ month }} {{ year }}
        | Total Cloud Spend | ${{ total_spend }} | ${{ budget }} | {{ variance }}% |
        - Spot Instance Usage: {{ spot_percentage }}%
        ### Next Month Forecast: ${{ forecast }}
        - Unknown: {{ no_such_variable }}
        """);
    String md = new PackRenderer(dir).render(SampleCompany.assemble("finops-review"), PackFormat.MD);
    assertThat(md).startsWith("## Monthly FinOps Review - November 2026\n")
        .containsPattern("\\| Total Cloud Spend \\| \\$[0-9,]+\\[\\^\\d+] \\| \\$[0-9,]+\\[\\^\\d+] \\| -?[0-9.]+\\[\\^\\d+]% \\|")
        .containsPattern("- Spot Instance Usage: [0-9.]+\\[\\^\\d+]%")
        .doesNotContain("$$").doesNotContain("%%")
        .contains("- Unknown: n/a (no value for no_such_variable in this pack)");
  }
}
