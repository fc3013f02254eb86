package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * End to end: every built-in pack rendered from the sample company as of Monday 2026-11-23 09:00 UTC
 * shows every heading and field of the seed's pack, and nothing leaks (template syntax, "null", NaN).
 */
class SeedPacksTest {
  /** The seed's headings, table headers and field labels, copied from the seed document, per pack. */
  static final Map<String, List<String>> SEED = Map.of(
      "daily-standup", List.of("## Daily Standup Pack - 2026-11-23", "### Health Snapshot", "- Platform Health Score: ", "/100",
          "- Active Incidents: ", "- SLO Status: ", "### Yesterday's Deploys", "### Open Pull Requests (>24h)",
          "### Today's Scheduled", "- Deployments: ", "- Maintenance: "),
      "ops-review", List.of("## Weekly Ops Review - Week 47", "### Incident Summary",
          "| Severity | Count | MTTR (avg) | Repeat? |", "|----------|-------|------------|---------|", "### SLO Performance",
          "| Service | SLO Target | Actual | Budget Remaining |", "|---------|------------|--------|------------------|",
          "### DORA Metrics (WoW)", "- Deployment Frequency: ", "- Lead Time: ", "- Change Failure Rate: ", "- MTTR: ",
          "### Action Items from Last Week", "### This Week's Focus"),
      "security-standup", List.of("## Weekly Security Standup - 2026-11-23", "### Vulnerability Summary",
          "| Severity | Open | New This Week | Closed | SLA Status |", "|----------|------|---------------|--------|------------|",
          "### Critical CVEs Requiring Action", "### Security Events (7d)", "- Failed Auth Attempts: ",
          "- Blocked Requests (WAF): ", "- Anomaly Detections: ", "### ABAC Policy Coverage: ", "### Compliance Control Status: ",
          "### Pending Security Reviews"),
      "product-metrics", List.of("## Weekly Product Metrics - 2026-11-23", "### Engagement Summary",
          "| Metric | This Week | Last Week | Delta | Trend |", "|--------|-----------|-----------|-------|-------|", "| DAU | ",
          "| WAU | ", "| Sessions/User | ", "### Feature Adoption", "### Customer Health Signals", "- New Signups: ",
          "- Churn Risk Accounts: ", "- Open Support Tickets: ", "- NPS (rolling 30d): ", "### Top Feature Requests (from feedback)"),
      "sprint-review", List.of("## Sprint 76 Review - 2026-11-23", "### Sprint Goals", "| Goal | Status | Evidence |",
          "|------|--------|----------|", "### Completed Work", "### Sprint Metrics", "- Story Points Committed: ",
          "- Story Points Delivered: ", "- Velocity Trend: ", "- Cycle Time (avg): ", "- Bug Escape Rate: ", "### Quality Metrics",
          "- Test Coverage: ", "- Build Success Rate: ", "- Code Review Turnaround: ", "### Carryover to Next Sprint"),
      "exec-review", List.of("## Monthly Executive Review - November 2026", "### Executive Summary", "**Overall Health Score: ",
          "| Dimension | Score | Trend | Key Highlight |", "|-----------|-------|-------|---------------|", "| Reliability | ",
          "| Security | ", "| Product | ", "| Financials | ", "| Efficiency | ", "### Top 3 Wins", "### Top 3 Risks",
          "### Key Decisions Required", "### OKR Progress"),
      "finops-review", List.of("## Monthly FinOps Review - November 2026", "### Cost Summary", "| Metric | Actual | Budget | Variance |",
          "|--------|--------|--------|----------|", "| Total Cloud Spend | $", "| Cost per MAU | $", "| Infrastructure | $",
          "### Top Cost Drivers", "### Cost by Team/Domain", "### Optimization Opportunities", "### Reserved Capacity Status",
          "- Savings Plans Coverage: ", "- Reserved Instances: ", "- Spot Instance Usage: ", "### Next Month Forecast: $"),
      "board-pack", List.of("### Financial Summary", "- ARR: $", "- NRR: ", "- Gross Margin: ", "### Customer Metrics", "- DAU: ",
          "- WAU: ", "- Churn: ", "### Platform Health (SLOs, Incidents)", "### Security Posture Summary", "### Key Accomplishments",
          "### Top 3 Risks"),
      "qbr", List.of("## Q4 2026 Business Review", "### Quarter Summary", "**Health Score Trend**: ", " → ", "### OKR Results",
          "### Dimension Performance", "### Key Achievements", "### Misses & Learnings", "### Customer Metrics", "- Net New ARR: $",
          "- Churned ARR: $", "- Net Revenue Retention: ", "- Logo Retention: ", "### Platform Metrics",
          "- Total Incidents (P1/P2): ", "- SLO Attainment: ", "- Deploys: ", "- Features Shipped: ", "### Next Quarter Focus"),
      "quarterly-planning", List.of("Day 1 - Strategic Alignment", "Day 2 - Tactical Planning", "| Company strategy review | ",
          "| Market/competitive landscape | ", "| Customer feedback synthesis | ", "| Priority themes identification | ",
          "| OKR drafting | ", "| Resource allocation | ", "| Dependency mapping | ", "| Risk assessment | "));

  /** Every "n/a (...)" in the sample packs, with the reason the reader sees. */
  private static final Pattern NA = Pattern.compile("n/a \\(([^)]*)\\)");

  @Test
  void everySeedHeadingAndFieldAppearsInEveryPack() {
    PackRenderer renderer = new PackRenderer();
    assertThat(SEED.keySet()).containsExactlyInAnyOrderElementsOf(BuiltinDefinitions.PACK_IDS);
    for (String id : BuiltinDefinitions.PACK_IDS) {
      PackDocument doc = SampleCompany.assemble(id);
      String md = renderer.render(doc, PackFormat.MD);
      assertThat(md).as(id).contains(SEED.get(id));
      assertThat(md).as(id).contains(doc.sections().size() + " of " + doc.sections().size() + " sections available");
      for (String leak : List.of("{{", "}}", "${", "null", "NaN", "Infinity", "<#")) {
        assertThat(md).as(id + " leaks " + leak).doesNotContain(leak);
      }
      String html = renderer.render(doc, PackFormat.HTML);
      assertThat(html).as(id).doesNotContain("null").doesNotContain("NaN").doesNotContain("${");
      assertThat(renderer.render(doc, PackFormat.JSON)).as(id).doesNotContain("NaN").contains("\"schema\" : \"companyos.pack/v1\"");
    }
  }

  @Test
  void everyNotAvailableSaysWhy() {
    PackRenderer renderer = new PackRenderer();
    List<String> reasons = new ArrayList<>();
    for (String id : BuiltinDefinitions.PACK_IDS) {
      Matcher m = NA.matcher(renderer.render(SampleCompany.assemble(id), PackFormat.MD));
      while (m.find()) {
        reasons.add(id + ": " + m.group(1));
      }
    }
    assertThat(reasons).allSatisfy(r -> assertThat(r.substring(r.indexOf(':') + 2)).isNotBlank());
    // The sample has no P1 in week 47 and no market or dependency data: those are the only gaps of the sections.
    // Its history starts on 2025-08-20, so the weekly-business-review chart's prior year has no cost per MAU for the
    // months Dec 2024 to Jul 2025, and two of the twelve weeks the DORA chart shows had no deploy-caused incident
    // resolved.
    List<String> expected = new ArrayList<>(List.of("ops-review: no incidents",
        "quarterly-planning: no source holds data for this topic", "quarterly-planning: no source holds data for this topic",
        "ops-review: no incident caused by a deploy was resolved", "ops-review: no incident caused by a deploy was resolved"));
    List<String> monthEnds = List.of("2024-12-31", "2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31",
        "2025-06-30", "2025-07-31");
    for (String pack : List.of("exec-review", "board-pack", "qbr", "quarterly-planning")) {
      for (String end : monthEnds) {
        expected.add(pack + ": no spend or no active users in the 30 days to " + end);
      }
    }
    assertThat(reasons).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void htmlHasSparklinesBadgesAndFootnoteLinks() {
    PackRenderer renderer = new PackRenderer();
    String ops = renderer.render(SampleCompany.assemble("ops-review"), PackFormat.HTML);
    // Deployment frequency carries one point per day of week 47: a 7-point sparkline.
    assertThat(ops).containsPattern("<svg class=\"spark\"[^>]*><polyline [^>]*points=\"0\\.0,[0-9.]+( [0-9.]+,[0-9.]+){6}\"/></svg>");
    assertThat(ops).contains("<h2>Weekly Ops Review - Week 47</h2>", "<sup><a href=\"#fn1\" id=\"ref1\">1</a></sup>",
        "<li id=\"fn1\">");
    String standup = renderer.render(SampleCompany.assemble("daily-standup"), PackFormat.HTML);
    assertThat(standup).containsPattern("<svg class=\"badge\"[^>]*aria-label=\"health score \\d+\\.\\d/100\"");
  }

  @Test
  void leadershipPacksOpenWithARuleBasedSummary() {
    for (String id : List.of("exec-review", "board-pack", "qbr", "quarterly-planning")) {
      PackDocument doc = SampleCompany.assemble(id);
      assertThat(doc.summary()).as(id).isNotNull();
      assertThat(doc.summary().headline()).as(id).matches("Health score \\d+\\.\\d/100 \\((Healthy|Watch|At risk)\\) for \\d{4}-\\d\\d-\\d\\d to \\d{4}-\\d\\d-\\d\\d.*");
      assertThat(doc.summary().biggestRisk()).startsWith("Biggest risk: ");
      assertThat(doc.summary().biggestWin()).startsWith("Biggest win: ");
      assertThat(doc.summary().decisionsNeeded()).startsWith("Decisions needed: ");
    }
    // Operational packs have none.
    assertThat(SampleCompany.assemble("ops-review").summary()).isNull();
  }

  @Test
  void sampleStoryShowsUpInThePacks() {
    PackRenderer renderer = new PackRenderer();
    String ops = renderer.render(SampleCompany.assemble("ops-review"), PackFormat.MD);
    // The repeat "checkout: payment provider timeouts (EU)" six days before as-of is flagged.
    assertThat(ops).containsPattern("\\| P2 \\| \\d+\\[\\^\\d+\\] \\| [^|]+ \\| yes \\(INC-");
    // The search error spike three days before as-of is an anomaly highlight.
    assertThat(ops).containsPattern("- search: error budget burn rate reached .* ⚠ anomaly");
    String standup = renderer.render(SampleCompany.assemble("daily-standup"), PackFormat.MD);
    // "search: index lag above 10 minutes" (P3) opened five hours before as-of is active.
    assertThat(standup).containsPattern("Active Incidents: \\d+ \\(.*INC-\\d+ P3 search");
    String finops = renderer.render(SampleCompany.assemble("finops-review"), PackFormat.MD);
    // Twelve days before as-of (2026-11-11) data-warehouse cost four times its normal day.
    assertThat(finops).contains("Investigate data-warehouse on 2026-11-11");
  }
}
