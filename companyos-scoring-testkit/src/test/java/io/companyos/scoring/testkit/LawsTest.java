package io.companyos.scoring.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.scoring.health.HealthModel;
import io.companyos.scoring.health.StandardHealthModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The kit checks the standard model and the metric laws, both with the plain runner and with QuickTheories. */
class LawsTest {
  static final Map<String, double[]> RANGES = new LinkedHashMap<>();

  static {
    RANGES.put(StandardHealthModel.SLO_BUDGET_CONSUMED, new double[] {0, 5});
    RANGES.put(StandardHealthModel.P1P2_INCIDENTS, new double[] {0, 20});
    RANGES.put(StandardHealthModel.MTTR_HOURS, new double[] {0, 48});
    RANGES.put(StandardHealthModel.CRITICAL_VULNS_OPEN, new double[] {0, 6});
    RANGES.put(StandardHealthModel.NPS, new double[] {-50, 80});
    RANGES.put(StandardHealthModel.NRR, new double[] {80, 130});
    RANGES.put(StandardHealthModel.BUDGET_VARIANCE, new double[] {-20, 30});
    RANGES.put(StandardHealthModel.CHANGE_FAILURE_RATE, new double[] {0, 0.5});
  }

  @Test
  void theStandardModelObeysEveryHealthScoreLaw() {
    HealthModel model = StandardHealthModel.create(io.companyos.model.BuiltinDefinitions.load().healthModel());
    for (Law<?> law : HealthScoreLaws.all(model, RANGES)) {
      LawRunner.check(law, 500, 42);
    }
  }

  @Test
  void theMetricLawsHoldUnderQuickTheories() {
    QuickTheoriesLaws.verify(MetricLaws.medianIsInvariantUnderPermutation());
    QuickTheoriesLaws.verify(MetricLaws.changeFailureRateLiesBetweenZeroAndOne());
    QuickTheoriesLaws.verify(MetricLaws.burnRateTimesBudgetIsTheErrorRatio());
    QuickTheoriesLaws.verify(HealthScoreLaws.pointsSumToTheScore(StandardHealthModel.create(io.companyos.model.BuiltinDefinitions.load().healthModel()), RANGES));
  }

  @Test
  void aBrokenLawIsReportedWithItsInput() {
    Law<Integer> alwaysSmall = new Law<>("numbers are below 10", r -> r.nextInt(100), n -> n < 10 ? Optional.empty() : Optional.of(n + " is not"));
    assertThatThrownBy(() -> LawRunner.check(alwaysSmall, 100, 1)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("numbers are below 10 is broken by").hasMessageContaining("seed 1");
    assertThatThrownBy(() -> QuickTheoriesLaws.verify(alwaysSmall)).isInstanceOf(AssertionError.class);
  }

  @Test
  void generatorsAreDeterministicForASeed() {
    Generator<Map<String, Double>> g = HealthScoreLaws.values(RANGES);
    assertThat(g.next(new java.util.SplittableRandom(7))).isEqualTo(g.next(new java.util.SplittableRandom(7)));
  }

  @Test
  void theReferenceLawsHoldForTheReferenceAndCatchAWrongImplementation() {
    LawRunner.check(ReferenceLaws.doraEqualsReference(d -> io.companyos.scoring.dora.DoraMetrics.compute(d.changes(),
        d.deployments(), d.incidents(), d.window(), io.companyos.scoring.dora.DoraBenchmark.newest())), 300, 3);
    LawRunner.check(ReferenceLaws.engagementEqualsReference(
        p -> io.companyos.scoring.product.Engagement.compute(p.events(), p.window())), 300, 4);
    LawRunner.check(ReferenceLaws.costGroupsEqualReference(c -> io.companyos.scoring.finops.CostBreakdown.groups(
        c.rows().stream().filter(r -> c.window().contains(r.chargePeriodStart())).toList(),
        c.rows().stream().filter(r -> c.previous().contains(r.chargePeriodStart())).toList(),
        c.tag() == null ? io.companyos.model.data.CostRow::serviceName : r -> r.tags().getOrDefault(c.tag(), "(untagged)"))),
        300, 7);
    LawRunner.check(ReferenceLaws.incidentSummaryEqualsReference(in -> io.companyos.scoring.incident.IncidentStats.summarize(
        in.incidents(), in.window(), List.of("P1", "P2", "P3"), java.time.Duration.ofDays(30))), 300, 8);
    LawRunner.check(ReferenceLaws.vulnerabilityTableEqualsReference(f -> io.companyos.scoring.security.VulnerabilityStats.table(
        f.findings(), f.window(), List.of("critical", "high", "medium", "low"),
        io.companyos.scoring.security.RemediationSla.DEFAULT)), 300, 9);
    LawRunner.check(ReferenceLaws.churnRiskEqualsReference(p -> io.companyos.scoring.product.ChurnRisk.accountsAtRisk(
        p.events(), p.window(), 0.7)), 300, 10);
    LawRunner.check(ReferenceLaws.arrEqualsReference(rv -> io.companyos.scoring.finops.ArrMetrics.compute(rv.accounts(),
        rv.movements(), rv.window(), rv.asOf())), 300, 12);
    LawRunner.check(ReferenceLaws.commitmentCoverageEqualsReference(c -> io.companyos.scoring.finops.CommitmentCoverage.shares(
        c.rows().stream().filter(r -> c.window().contains(r.chargePeriodStart())).toList())), 300, 15);
    LawRunner.check(ReferenceLaws.savingsEqualReference(c -> {
      List<io.companyos.model.data.CostRow> now = c.rows().stream().filter(r -> c.window().contains(r.chargePeriodStart())).toList();
      return new ReferenceLaws.Savings(io.companyos.scoring.finops.SavingsOpportunities.committedDiscount(now),
          io.companyos.scoring.finops.SavingsOpportunities.onDemandCompute(now, 0.3));
    }), 300, 16);
    // Counting the unused part of commitments as usage, or credits in the committed discount, is caught.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.commitmentCoverageEqualsReference(c ->
        io.companyos.scoring.finops.CommitmentCoverage.shares(c.rows().stream()
            .filter(r -> c.window().contains(r.chargePeriodStart())).map(r -> new io.companyos.model.data.CostRow(
                r.chargePeriodStart(), r.chargePeriodEnd(), r.billedCost(), r.effectiveCost(), r.listCost(), r.serviceName(),
                r.serviceCategory(), r.providerName(), r.chargeCategory(), r.pricingCategory(), r.commitmentDiscountType(),
                null, r.tags())).toList())), 300, 17))
        .isInstanceOf(AssertionError.class).hasMessageContaining("commitment coverage equals the Java reference's");
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.savingsEqualReference(c -> {
      List<io.companyos.model.data.CostRow> now = c.rows().stream().filter(r -> c.window().contains(r.chargePeriodStart()))
          .map(r -> new io.companyos.model.data.CostRow(r.chargePeriodStart(), r.chargePeriodEnd(), r.billedCost(),
              r.effectiveCost(), r.listCost(), r.serviceName(), r.serviceCategory(), r.providerName(), "Usage",
              r.pricingCategory(), r.commitmentDiscountType(), r.commitmentDiscountStatus(), r.tags())).toList();
      return new ReferenceLaws.Savings(io.companyos.scoring.finops.SavingsOpportunities.committedDiscount(now),
          io.companyos.scoring.finops.SavingsOpportunities.onDemandCompute(now, 0.3));
    }), 300, 18)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("the committed discount and on-demand compute equal the Java reference's");
    LawRunner.check(ReferenceLaws.commitmentFiguresEqualReference(c -> io.companyos.scoring.recommend.CommitmentFigures.of(
        c.rows(), c.window())), 300, 31);
    // Counting purchases as usage (their cost reaches usage rows amortized, so it would count twice) is caught.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.commitmentFiguresEqualReference(c ->
        io.companyos.scoring.recommend.CommitmentFigures.of(c.rows().stream().map(r -> new io.companyos.model.data.CostRow(
            r.chargePeriodStart(), r.chargePeriodEnd(), r.billedCost(), r.effectiveCost(), r.listCost(), r.serviceName(),
            r.serviceCategory(), r.providerName(), "Purchase".equals(r.chargeCategory()) ? "Usage" : r.chargeCategory(),
            r.pricingCategory(), r.commitmentDiscountType(), r.commitmentDiscountStatus(), r.tags())).toList(),
            c.window())), 300, 32))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the FinOps commitment figures equal the Java reference's");
    LawRunner.check(ReferenceLaws.sprintGoalsEqualReference(sp -> io.companyos.scoring.sprint.SprintMetrics.goals(
        sp.sprint(), sp.items())), 300, 33);
    LawRunner.check(ReferenceLaws.velocityChangeEqualsReference(h -> io.companyos.scoring.sprint.SprintMetrics
        .velocityChange(h.sprints(), h.items(), h.at(), h.n())), 300, 34);
    // Counting an item completed on the sprint's end as done, for a goal or for the velocity, is caught.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.sprintGoalsEqualReference(sp ->
        io.companyos.scoring.sprint.SprintMetrics.goals(sp.sprint(), sp.items().stream().map(i -> i.completedAt() != null
            && i.completedAt().equals(sp.sprint().end()) ? withCompletion(i, i.completedAt().minusSeconds(1)) : i)
            .toList())), 300, 35))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the sprint's goals equal the Java reference's");
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.velocityChangeEqualsReference(h -> {
      java.util.Map<String, java.time.Instant> ends = new java.util.HashMap<>();
      h.sprints().forEach(sp -> ends.put(sp.sprintId(), sp.end()));
      return io.companyos.scoring.sprint.SprintMetrics.velocityChange(h.sprints(), h.items().stream()
          .map(i -> i.completedAt() != null && i.completedAt().equals(ends.get(i.sprintId()))
              ? withCompletion(i, i.completedAt().minusSeconds(1)) : i).toList(), h.at(), h.n());
    }), 300, 36)).isInstanceOf(AssertionError.class).hasMessageContaining("the velocity trend equals the Java reference's");
    LawRunner.check(ReferenceLaws.sprintEqualsReference(sp -> io.companyos.scoring.sprint.SprintMetrics.compute(sp.sprint(),
        sp.items())), 300, 19);
    LawRunner.check(ReferenceLaws.pointsDeliveredByEqualsReference(sp -> io.companyos.scoring.sprint.SprintMetrics.deliveredBy(
        sp.sprint(), sp.items(), sp.cutoff())), 300, 20);
    // Summing the points in double in the order given, or counting an item completed on the sprint's end, is caught.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.pointsDeliveredByEqualsReference(sp -> {
      java.time.Instant until = sp.cutoff().isBefore(sp.sprint().end()) ? sp.cutoff() : sp.sprint().end();
      double sum = 0;
      for (io.companyos.model.data.SprintItem i : sp.items()) {
        if (i.sprintId().equals(sp.sprint().sprintId()) && i.completedAt() != null && i.completedAt().isBefore(until)) {
          sum += i.points();
        }
      }
      return sum;
    }), 300, 21)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("the points delivered by a cutoff equal the Java reference's");
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.sprintEqualsReference(sp -> io.companyos.scoring.sprint.SprintMetrics
        .compute(new io.companyos.model.data.Sprint(sp.sprint().sprintId(), sp.sprint().start(), sp.sprint().end().plusNanos(1),
            sp.sprint().goals()), sp.items())), 300, 22)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("the sprint's metrics equal the Java reference's");
    LawRunner.check(ReferenceLaws.buildSuccessRateEqualsReference(q -> io.companyos.scoring.sprint.QualityMetrics
        .buildSuccessRate(q.builds(), q.window())), 300, 25);
    LawRunner.check(ReferenceLaws.reviewTurnaroundEqualsReference(q -> io.companyos.scoring.sprint.QualityMetrics
        .reviewTurnaround(q.prs(), q.window())), 300, 26);
    // Counting a build on the window's end, or turnarounds in seconds rather than whole minutes, is caught.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.buildSuccessRateEqualsReference(q -> io.companyos.scoring.sprint
        .QualityMetrics.buildSuccessRate(q.builds(), new io.companyos.model.time.TimeWindow(q.window().start(),
            q.window().end().plusNanos(1)))), 300, 27)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("the build success rate equals the Java reference's");
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.reviewTurnaroundEqualsReference(q -> {
      List<io.companyos.model.data.PullRequest> counted = io.companyos.scoring.sprint.QualityMetrics.reviewed(q.prs(), q.window());
      double[] h = counted.stream().mapToDouble(p -> java.time.Duration.between(p.openedAt(), p.firstReviewAt()).toSeconds()
          / 3600.0).toArray();
      return new io.companyos.scoring.sprint.QualityMetrics.ReviewTurnaround(io.companyos.scoring.Percentiles.median(h),
          counted.stream().map(io.companyos.model.data.PullRequest::prId).sorted().toList());
    }), 300, 28)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("the review turnaround equals the Java reference's");
    LawRunner.check(ReferenceLaws.costOutliersEqualReference(h -> io.companyos.scoring.finops.SavingsOpportunities.outliers(
        h.rows().stream().filter(r -> h.history().contains(r.chargePeriodStart())).toList(), h.zone(), h.from(),
        io.companyos.scoring.finops.SavingsOpportunities.OUTLIERS)), 100, 23);
    // Calendar days in UTC whatever the zone is caught; the generator has outliers to find.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.costOutliersEqualReference(h ->
        io.companyos.scoring.finops.SavingsOpportunities.outliers(h.rows().stream()
            .filter(r -> h.history().contains(r.chargePeriodStart())).toList(), java.time.ZoneOffset.UTC, h.from(),
            io.companyos.scoring.finops.SavingsOpportunities.OUTLIERS)), 100, 24)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("the unusual cost days equal the Java reference's");
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.costOutliersEqualReference(h -> List.of()), 100, 25))
        .isInstanceOf(AssertionError.class);
    // Counting the movements on the window's end in the window, or dropping the sums' trailing zeros, is caught.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.arrEqualsReference(rv -> io.companyos.scoring.finops.ArrMetrics
        .compute(rv.accounts(), rv.movements(), new io.companyos.model.time.TimeWindow(rv.window().start(),
            rv.window().end().plusNanos(1)), rv.asOf())), 300, 13))
        .isInstanceOf(AssertionError.class).hasMessageContaining("ARR and retention equal the Java reference's");
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.arrEqualsReference(rv -> {
      io.companyos.scoring.finops.ArrMetrics.Result x = io.companyos.scoring.finops.ArrMetrics.compute(rv.accounts(),
          rv.movements(), rv.window(), rv.asOf());
      return new io.companyos.scoring.finops.ArrMetrics.Result(x.arrStart().stripTrailingZeros(), x.arrEnd(), x.newArr(),
          x.expansion(), x.contraction(), x.churned(), x.netNew(), x.nrr(), x.grr(), x.logoRetention());
    }), 300, 14)).isInstanceOf(AssertionError.class).hasMessageContaining("ARR and retention equal the Java reference's");
    // Counting sign-ups as activity, or taking the window's end as inclusive, is caught.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.engagementEqualsReference(
        p -> io.companyos.scoring.product.Engagement.compute(p.events().stream()
            .map(e -> new io.companyos.model.data.ProductEvent(e.timestamp(), e.userId(), e.accountId(), e.sessionId(),
                e.event().equals("signup") ? "session_start" : e.event(), e.feature())).toList(), p.window())), 300, 5))
        .isInstanceOf(AssertionError.class).hasMessageContaining("product engagement equals the Java reference's");
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.doraEqualsReference(d -> io.companyos.scoring.dora.DoraMetrics
        .compute(d.changes(), d.deployments(), d.incidents(), new io.companyos.model.time.TimeWindow(d.window().start(),
            d.window().end().plusNanos(1)), io.companyos.scoring.dora.DoraBenchmark.newest())), 300, 6))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the DORA keys equal the Java reference's");
  }

  @Test
  void theRecordGeneratorsHoldTheHardCases() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    boolean empty = false;
    boolean onEdges = false;
    boolean backwards = false;
    boolean open = false;
    boolean late = false;
    for (int i = 0; i < 300; i++) {
      ReferenceLaws.Delivery d = ReferenceLaws.deliveryRecords().next(r);
      empty |= d.deployments().stream().noneMatch(x -> d.window().contains(x.timeCreated()));
      onEdges |= d.deployments().stream().anyMatch(x -> x.timeCreated().equals(d.window().start()))
          && d.deployments().stream().anyMatch(x -> x.timeCreated().equals(d.window().end()));
      backwards |= d.incidents().stream().anyMatch(x -> x.timeResolved() != null && x.timeResolved().isBefore(x.timeCreated()));
      open |= d.incidents().stream().anyMatch(x -> x.timeResolved() == null);
      late |= d.deployments().stream().anyMatch(x -> x.timeCreated().isAfter(d.window().end()));
    }
    assertThat(List.of(empty, onEdges, backwards, open, late)).containsOnly(true);
    boolean atRisk = false;
    Law<ReferenceLaws.Product> churn = ReferenceLaws.churnRiskEqualsReference(p -> List.of());
    for (int i = 0; i < 300 && !atRisk; i++) {
      atRisk = churn.violation(churn.generator().next(r)).isPresent(); // an empty answer is wrong: someone was at risk
    }
    assertThat(atRisk).isTrue();
  }

  @Test
  void theSloLawHoldsForTheReferenceAndCatchesWrongImplementations() {
    LawRunner.check(ReferenceLaws.sloAttainmentEqualsReference(s -> io.companyos.scoring.slo.MetricPointSlos.of(s.points(),
        s.window())), 300, 35);
    // Counting the points on the window's end (a closed window) is caught.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.sloAttainmentEqualsReference(s ->
        io.companyos.scoring.slo.MetricPointSlos.of(s.points().stream().map(p -> p.timestamp().equals(s.window().end())
            ? new io.companyos.model.data.MetricPoint(p.timestamp().minusNanos(1), p.metric(), p.labels(), p.value()) : p)
            .toList(), s.window())), 300, 36))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the SLO attainment per service equals the Java reference's");
    // Taking a service's latest target over all its series (not that of the series whose labels sort last) is caught.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.sloAttainmentEqualsReference(s ->
        io.companyos.scoring.slo.MetricPointSlos.of(s.points().stream().map(p -> new io.companyos.model.data.MetricPoint(
            p.timestamp(), p.metric(), p.labels().containsKey("service") ? java.util.Map.of("service",
            p.labels().get("service")) : java.util.Map.of(), p.value())).toList(), s.window())), 300, 37))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the SLO attainment per service equals the Java reference's");
    // Summing the counters in double in the order given (rounding to whole events only hides most differences) is caught.
    assertThatThrownBy(() -> LawRunner.check(ReferenceLaws.sloAttainmentEqualsReference(s -> {
      java.util.Map<String, Double> req = new java.util.TreeMap<>();
      java.util.Map<String, Double> err = new java.util.TreeMap<>();
      for (io.companyos.model.data.MetricPoint p : s.points()) {
        if (s.window().contains(p.timestamp()) && p.metric().endsWith(":count")) {
          (p.metric().equals(io.companyos.model.data.MetricNames.SLO_REQUESTS) ? req : err)
              .merge(p.labels().getOrDefault("service", ""), p.value(), Double::sum);
        }
      }
      return io.companyos.scoring.slo.ServiceSlos.of(req, err, io.companyos.scoring.slo.MetricPointSlos.targets(s.points(),
          s.window().end()));
    }), 2000, 38)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("the SLO attainment per service equals the Java reference's");
  }

  private static io.companyos.model.data.SprintItem withCompletion(io.companyos.model.data.SprintItem i,
      java.time.Instant completed) {
    return new io.companyos.model.data.SprintItem(i.sprintId(), i.itemId(), i.title(), i.kind(), i.points(), i.committed(),
        i.addedAt(), i.startedAt(), completed, i.escaped(), i.goal());
  }
}
