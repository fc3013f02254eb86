package io.companyos.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.connectors.revenue.RevenueExportsSourceProvider;
import io.companyos.connectors.work.WorkExportsSourceProvider;
import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-written Jira pages of {@code companyos-connectors-work} and Stripe lists of
 * {@code companyos-connectors-revenue} (their test resources, read where they are) reach the packs: the sprint review's
 * points committed and delivered, and the QBR's net new and churned ARR, NRR and logo retention, each worked out by hand
 * and footnoted with the files. Everything else comes from the sample company.
 */
class SprintsAndRevenueToPackTest {
  static final Path JIRA = Path.of("..", "companyos-connectors-work", "src", "test", "resources", "work", "jira");
  static final Path STRIPE = Path.of("..", "companyos-connectors-revenue", "src", "test", "resources", "revenue", "stripe");

  static String render(String pack, Instant asOf, MetricSource source) {
    CompanyDefinition company = BuiltinDefinitions.load();
    Clock clock = Clock.fixed(asOf, ZoneOffset.UTC);
    try (Sources sample = SourceRegistry.discover().openDefault(clock); source) {
      List<MetricSource> sources = new ArrayList<>(List.of(source));
      sources.addAll(sample.all());
      PackDocument doc = new PackAssembler(company, sources).assemble(company.pack(pack).orElseThrow(), asOf, ZoneOffset.UTC);
      return new PackRenderer().render(doc, PackFormat.MD);
    }
  }

  @Test
  void theSprintReviewCountsTheJiraSprintsPoints() {
    assertThat(Files.isDirectory(JIRA)).as(JIRA.toAbsolutePath().toString()).isTrue();
    // The review of ACME Sprint 46 (16 to 30 November; Jira started it at 09:30 on the 16th) on its last day, 29 November
    // at 15:00; the pack is made a day earlier.
    Instant asOf = Instant.parse("2026-11-28T15:00:00Z");
    MetricSource jira = new WorkExportsSourceProvider().create(SourceContext.of("jira", Map.of("path", JIRA.toString(),
        "escaped_label", "escaped"), Clock.fixed(asOf, ZoneOffset.UTC), Path.of(".")));
    String md = render("sprint-review", asOf, jira);
    List<String> footnotes = md.lines().filter(l -> l.startsWith("[^")).toList();
    assertThat(footnotes).anySatisfy(f -> assertThat(f).contains("jira · ").contains("sprints-page-1.json (Jira sprints)"));
    // Sprint 46 committed (created before its start): ACME-453 8 + ACME-461 3 + ACME-463 2 = 13 points; sprint 45 had
    // 451 5 + 453 8 + 454 3 = 16.
    assertThat(md).contains("- Story Points Committed: 13 pts");
    // Delivered by the as-of: ACME-461, 3 points. Sprint 45 by the same elapsed time (12 days 5.5 hours after its start,
    // 14 November 15:30): 451 5, 452 2, 454 3 and the unestimated 455 = 10.
    assertThat(md).contains("- Story Points Delivered: 3 pts");
    // Delivered points of sprints 44, 45 and 46 at their ends: 0 (ACME-454 moved on to 45), 10, 3.
    assertThat(md).contains("0 → 10 → 3 pts (last 3 sprints)");
    // Jira knows no start time of a done issue, so there is no cycle time; the one bug of sprint 46 did not escape.
    assertThat(md).contains("- Cycle Time (avg): n/a").contains("- Bug Escape Rate: 0%");
    // Completed: ACME-461. Carried over: 453 (in progress), 462 (not started), 463 (in progress).
    assertThat(md).contains("ACME-461 Checkout retries with backoff (story, 3 pts)");
    assertThat(md).contains("ACME-462 Timeout in search export (bug, 1 pts, not started)")
        .contains("ACME-453 Automate quarterly access reviews (story, 8 pts)");
  }

  @Test
  void theQbrCountsTheStripeMovements() {
    assertThat(Files.isDirectory(STRIPE)).as(STRIPE.toAbsolutePath().toString()).isTrue();
    Instant asOf = Instant.parse("2026-11-23T09:00:00Z");
    MetricSource stripe = new RevenueExportsSourceProvider().create(SourceContext.of("billing", Map.of("path", STRIPE.toString()),
        Clock.fixed(asOf, ZoneOffset.UTC), Path.of(".")));
    String md = render("qbr", asOf, stripe);
    List<String> footnotes = md.lines().filter(l -> l.startsWith("[^")).toList();
    assertThat(footnotes).anySatisfy(f -> assertThat(f).contains("billing · ").contains("invoices.json (Stripe invoices)"));
    // The fourth quarter's complete days, 1 October to 22 November: Umbrella new 4,680, Hooli -9,600 (24,000 to 14,400
    // when it changed plans), Initech churned 24,000. Net new = 4,680 - 9,600 - 24,000 = -28,920.
    assertThat(md).contains("- Net New ARR: -$28,920").contains("- Churned ARR: $24,000");
    // NRR over the year to 23 November: (60,000 + 6,000 - 9,600 - 24,000) / 60,000 = 54%.
    assertThat(md).contains("- Net Revenue Retention: 54%");
    // Paying on 1 October: Globex, Initech, Hooli, Pied Piper; Initech is gone: 3 of 4.
    assertThat(md).contains("- Logo Retention: 75%");
  }
}
