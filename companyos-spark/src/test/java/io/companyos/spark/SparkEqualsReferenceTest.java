package io.companyos.spark;

import io.companyos.model.time.TimeWindow;
import io.companyos.scoring.dora.DoraBenchmark;
import io.companyos.scoring.product.Engagement;
import io.companyos.scoring.testkit.LawRunner;
import io.companyos.scoring.testkit.ReferenceLaws;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The testkit's law "Spark result equals the Java reference" on {@code local[2]}: random record sets with empty windows,
 * single rows, ties, rows on window edges, DST days, incidents resolved before creation or still open, and late rows.
 * Each example starts several Spark jobs, so the count is small; the seeds are fixed so a failure repeats.
 */
class SparkEqualsReferenceTest {
  private static final int EXAMPLES = 12;

  @Test
  void doraKeysEqualTheReference() {
    LawRunner.check(ReferenceLaws.doraEqualsReference(d -> SparkKpis.over(
        LocalSpark.views(d.deployments(), d.changes(), d.incidents(), List.of())).dora(d.window(), DoraBenchmark.newest())
        .value()), EXAMPLES, 20261205L);
  }

  @Test
  void engagementEqualsTheReference() {
    LawRunner.check(ReferenceLaws.engagementEqualsReference(p -> SparkKpis.over(
        LocalSpark.views(List.of(), List.of(), List.of(), p.events())).engagement(p.window()).value()), EXAMPLES, 20261206L);
  }

  @Test
  void featureAdoptionEqualsTheReference() {
    LawRunner.check(ReferenceLaws.featureUseEqualsReference(p -> SparkKpis.over(
        LocalSpark.views(List.of(), List.of(), List.of(), p.events())).featureUse(p.window(), p.previous()).value()),
        EXAMPLES, 20261207L);
  }

  @Test
  void costGroupsEqualTheReference() {
    LawRunner.check(ReferenceLaws.costGroupsEqualReference(c -> SparkKpis.over(LocalSpark.costs(c.rows()))
        .costGroups(c.window(), c.previous(), c.tag() == null ? SparkKpis.CostKey.SERVICE : SparkKpis.CostKey.tag(c.tag()))
        .value()), EXAMPLES, 20261208L);
  }

  @Test
  void dauOverCompleteDaysInAnyZoneEqualsTheReference() {
    LawRunner.check(ReferenceLaws.meanDailyActiveEqualsReference(d -> SparkKpis.over(
        LocalSpark.views(List.of(), List.of(), List.of(), d.events())).meanDailyActive(d.window(), d.zone()).value()),
        EXAMPLES, 20261209L);
  }

  @Test
  void theProductKpisInOnePassEqualTheReference() {
    String[] zones = {"UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"};
    io.companyos.scoring.testkit.Generator<ReferenceLaws.Product> events = ReferenceLaws.productEvents();
    io.companyos.scoring.testkit.Generator<ReferenceLaws.Daily> g = r -> {
      ReferenceLaws.Product p = events.next(r);
      return new ReferenceLaws.Daily(p.events(), p.window(), java.time.ZoneId.of(zones[r.nextInt(zones.length)]));
    };
    LawRunner.check(new io.companyos.scoring.testkit.Law<>("the product KPIs in one pass equal the Java reference's", g,
        d -> {
          List<io.companyos.model.data.ProductEvent> e = d.events();
          TimeWindow w = d.window();
          ProductKpis want = new ProductKpis(Engagement.meanDailyActive(e, w, d.zone()),
              Engagement.activeUsers(e, TimeWindow.ending(w.end(), java.time.Duration.ofDays(7))),
              Engagement.activeUsers(e, TimeWindow.ending(w.end(), java.time.Duration.ofDays(30))),
              Engagement.compute(e, w).signups(),
              Engagement.featureUse(e.stream().filter(x -> w.contains(x.timestamp())).toList(),
                  e.stream().filter(x -> w.previous().contains(x.timestamp())).toList()));
          ProductKpis got = SparkKpis.over(LocalSpark.views(List.of(), List.of(), List.of(), e)).productKpis(w, d.zone())
              .value();
          return want.equals(got) ? java.util.Optional.empty()
              : java.util.Optional.of("reference " + want + ", one pass " + got);
        }), EXAMPLES, 20261212L);
  }

  @Test
  void incidentSummaryEqualsTheReference() {
    LawRunner.check(ReferenceLaws.incidentSummaryEqualsReference(in -> SparkKpis.over(
        LocalSpark.views(List.of(), List.of(), in.incidents(), List.of()))
        .incidents(in.window(), List.of("P1", "P2", "P3"), java.time.Duration.ofDays(30)).value()), 6, 20261210L); // many Spark jobs per example (one per severity)
  }

  @Test
  void vulnerabilityTableEqualsTheReference() {
    LawRunner.check(ReferenceLaws.vulnerabilityTableEqualsReference(f -> SparkKpis.over(LocalSpark.vulnerabilities(f.findings()))
        .vulnerabilities(f.window(), List.of("critical", "high", "medium", "low"),
            io.companyos.scoring.security.RemediationSla.DEFAULT).value()), EXAMPLES, 20261211L);
  }

  @Test
  void churnRiskEqualsTheReference() {
    LawRunner.check(ReferenceLaws.churnRiskEqualsReference(p -> SparkKpis.over(
        LocalSpark.views(List.of(), List.of(), List.of(), p.events())).churnRisk(p.window(), 0.7).value()), EXAMPLES,
        20261212L);
  }

  @Test
  void arrAndRetentionEqualTheReference() {
    LawRunner.check(ReferenceLaws.arrEqualsReference(rv -> SparkKpis.over(LocalSpark.revenue(rv.accounts(), rv.movements()))
        .arr(rv.window(), rv.asOf()).value()), EXAMPLES, 20261213L);
  }

  @Test
  void commitmentCoverageEqualsTheReference() {
    LawRunner.check(ReferenceLaws.commitmentCoverageEqualsReference(c -> SparkKpis.over(LocalSpark.costs(c.rows()))
        .commitmentCoverage(c.window()).value()), EXAMPLES, 20261214L);
  }

  @Test
  void commitmentFiguresEqualTheReference() {
    LawRunner.check(ReferenceLaws.commitmentFiguresEqualReference(c -> SparkKpis.over(LocalSpark.costs(c.rows()))
        .commitmentFigures(c.window()).value()), EXAMPLES, 20261231L);
  }

  @Test
  void sprintGoalsEqualTheReference() {
    LawRunner.check(ReferenceLaws.sprintGoalsEqualReference(sp -> SparkKpis.over(LocalSpark.sprintItems(sp.items()))
        .sprintGoals(sp.sprint()).value()), EXAMPLES, 20261232L);
  }

  @Test
  void velocityTrendEqualsTheReference() {
    LawRunner.check(ReferenceLaws.velocityChangeEqualsReference(h -> SparkKpis.over(LocalSpark.sprints(h.sprints(),
        h.items())).velocityChange(h.at(), h.n()).value()), EXAMPLES, 20261233L);
  }

  @Test
  void committedDiscountAndOnDemandComputeEqualTheReference() {
    LawRunner.check(ReferenceLaws.savingsEqualReference(c -> {
      SparkKpis kpis = SparkKpis.over(LocalSpark.costs(c.rows()));
      return new ReferenceLaws.Savings(kpis.committedDiscount(c.window()).value(),
          kpis.onDemandCompute(c.window(), io.companyos.scoring.finops.SavingsOpportunities.ON_DEMAND_SHARE).value());
    }), EXAMPLES, 20261215L);
  }

  @Test
  void sloAttainmentEqualsTheReference() {
    LawRunner.check(ReferenceLaws.sloAttainmentEqualsReference(s -> SparkKpis.over(LocalSpark.metrics(s.points()))
        .sloAttainment(s.window()).value()), EXAMPLES, 20261235L);
  }

  @Test
  void sprintMetricsEqualTheReference() {
    LawRunner.check(ReferenceLaws.sprintEqualsReference(sp -> SparkKpis.over(LocalSpark.sprintItems(sp.items()))
        .sprint(sp.sprint()).value()), EXAMPLES, 20261216L);
  }

  @Test
  void pointsDeliveredByACutoffEqualTheReference() {
    LawRunner.check(ReferenceLaws.pointsDeliveredByEqualsReference(sp -> SparkKpis.over(LocalSpark.sprintItems(sp.items()))
        .pointsDeliveredBy(sp.sprint(), sp.cutoff()).value()), EXAMPLES, 20261217L);
  }

  @Test
  void unusualCostDaysEqualTheReference() {
    LawRunner.check(ReferenceLaws.costOutliersEqualReference(h -> SparkKpis.over(LocalSpark.costs(h.rows()))
        .costOutliers(h.history(), h.zone(), h.from(), io.companyos.scoring.finops.SavingsOpportunities.OUTLIERS).value()),
        EXAMPLES, 20261218L);
  }

  @Test
  void buildSuccessRateEqualsTheReference() {
    LawRunner.check(ReferenceLaws.buildSuccessRateEqualsReference(q -> SparkKpis.over(LocalSpark.quality(q.builds(), q.prs()))
        .buildSuccessRate(q.window()).value()), EXAMPLES, 20261219L);
  }

  @Test
  void reviewTurnaroundEqualsTheReference() {
    LawRunner.check(ReferenceLaws.reviewTurnaroundEqualsReference(q -> SparkKpis.over(LocalSpark.quality(q.builds(), q.prs()))
        .reviewTurnaround(q.window()).value()), EXAMPLES, 20261220L);
  }
}
