package io.companyos.scoring.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import io.companyos.model.slo.SloIndicator;
import io.companyos.model.slo.SloIndicator.QueryForm;
import io.companyos.model.slo.SloSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An SLO spec's counts from its queries in each query form, and its burn-rate tier over the workbook's four tiers. */
class SpecSloScoreTest {
  static SloSpec spec(double objective, SloIndicator i) {
    return new SloSpec("checkout-availability", "checkout", "", objective, Duration.ofDays(28), false,
        SloSpec.BudgetingMethod.OCCURRENCES, i, "slos/checkout.yaml:3:1 (OpenSLO v1)");
  }

  /** Answers fixed values per query and records what was asked. */
  static final class Fixed implements SpecSloScore.Events {
    final Map<String, Double> answers = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    Fixed put(String query, double v) {
      answers.put(query, v);
      return this;
    }

    @Override
    public double instant(String query) {
      asked.add(query);
      return answers.getOrDefault(query, 0.0);
    }

    @Override
    public double value(String query) {
      asked.add(query);
      return answers.getOrDefault(query, Double.NaN);
    }

    @Override
    public double sum(String selector, Duration length) {
      asked.add(selector + " over " + length);
      return answers.getOrDefault(selector + " over " + length, 0.0);
    }
  }

  @Test
  void aRawErrorRatioWithTheWindowPlaceholderIsEvaluatedWithTheWindowPutIn() {
    SloSpec s = spec(0.99, new SloIndicator.RawRatio("prometheus", "sum(rate(err[{{.window}}])) / sum(rate(req[{{.window}}]))", true));
    // 0.4% errors over a week against 99%: budget 1%, burn 0.4, budget left (0.01 - 0.004) / 0.01 = 60%.
    Fixed f = new Fixed().put("sum(rate(err[604800s])) / sum(rate(req[604800s]))", 0.004);
    SloResult r = SpecSloScore.over(s, Duration.ofDays(7), f);
    assertThat(r.attainment().getAsDouble()).isCloseTo(0.996, within(1e-12));
    assertThat(r.budgetRemaining().getAsDouble()).isCloseTo(0.6, within(1e-9));
    assertThat(r.burnRate().getAsDouble()).isCloseTo(0.4, within(1e-9));
    // No event counts: nothing to pool with other SLOs, and the evidence says it is a ratio.
    assertThat(r.total()).isZero();
    assertThat(Slo.pooledAttainment(List.of(r))).isEmpty();
    assertThat(SpecSloScore.evidence(s, r)).isEqualTo(
        "checkout-availability: error ratio 0.4% (a ratio query, no event counts), target 99% (slos/checkout.yaml:3:1 (OpenSLO v1))");
    assertThat(SpecSloScore.totalQuery(s, Duration.ofHours(1))).isEqualTo("sum(rate(err[3600s])) / sum(rate(req[3600s]))");
  }

  @Test
  void aRawGoodRatioSeriesIsAveragedOverTheWindowAndNoDataIsNotAHundredPercent() {
    SloSpec s = spec(0.999, new SloIndicator.RawRatio("prometheus", "slo:good:ratio_rate5m", false));
    Fixed f = new Fixed().put("avg_over_time((slo:good:ratio_rate5m)[86400s:1m])", 0.9985);
    SloResult r = SpecSloScore.over(s, Duration.ofDays(1), f);
    // Good 99.85% -> error ratio 0.15% against a 0.1% budget: burn 1.5, budget left -50%.
    assertThat(r.errorRatio().getAsDouble()).isCloseTo(0.0015, within(1e-12));
    assertThat(r.burnRate().getAsDouble()).isCloseTo(1.5, within(1e-9));
    assertThat(r.budgetRemaining().getAsDouble()).isCloseTo(-0.5, within(1e-9));
    assertThat(r.met()).isFalse();
    // The query has no series in the week: n/a, never 100%.
    SloResult none = SpecSloScore.over(s, Duration.ofDays(7), f);
    assertThat(none.attainment()).isEmpty();
    assertThat(none.met()).isFalse();
  }

  @Test
  void aRawRatioBurnTierComesFromTheRatioOverEachWindow() {
    // 2% errors in the last 5 minutes and hour, 0.05% over longer windows, against 99.9%: burn 20 > 14.4 on 1h and 5m.
    SloSpec s = spec(0.999, new SloIndicator.RawRatio("prometheus", "e[{{.window}}]", true));
    Fixed f = new Fixed().put("e[300s]", 0.02).put("e[3600s]", 0.02).put("e[1800s]", 0.0005).put("e[21600s]", 0.0005)
        .put("e[7200s]", 0.0005).put("e[86400s]", 0.0005).put("e[259200s]", 0.0005).put("e[10800s]", 0.0005);
    BurnRateAlerts.Tier t = SpecSloScore.tier(s, f);
    assertThat(t.factor()).isEqualTo(14.4);
    assertThat(t.hasData()).isTrue();
  }

  @Test
  void counterQueriesAreTheIncreaseOverTheWindowAndGoodIsTurnedIntoBad() {
    SloSpec s = spec(0.999, new SloIndicator.Ratio("prometheus", QueryForm.COUNTER, "req{code=\"200\"}", null, "req"));
    // A week: 604800 s. 12000 events, 11940.4 good -> rounded 11940 good, 60 bad.
    Fixed f = new Fixed().put("sum(increase(req[604800s]))", 12000.2).put("sum(increase(req{code=\"200\"}[604800s]))", 11940.4);
    SloResult r = SpecSloScore.over(s, Duration.ofDays(7), f);
    assertThat(r.total()).isEqualTo(12000);
    assertThat(r.bad()).isEqualTo(60);
    // 99.5% attainment against 99.9%: budget (0.001 - 0.005) / 0.001 = -4.
    assertThat(r.attainment().getAsDouble()).isCloseTo(0.995, within(1e-12));
    assertThat(r.budgetRemaining().getAsDouble()).isCloseTo(-4, within(1e-9));
    assertThat(SpecSloScore.evidence(s, r)).isEqualTo("checkout-availability: 12000 events, 60 bad, target 99.9% (slos/checkout.yaml:3:1 (OpenSLO v1))");
  }

  @Test
  void eachQueryFormSendsItsOwnQuery() {
    // Sloth rate template: 2 events/s over an hour is 7200 events, 0.01/s bad is 36.
    SloSpec sloth = spec(0.99, new SloIndicator.Ratio("prometheus", QueryForm.RATE_TEMPLATE, null,
        "sum(rate(err[{{.window}}]))", "sum(rate(req[{{.window}}]))"));
    SloResult r = SpecSloScore.over(sloth, Duration.ofHours(1), new Fixed().put("sum(rate(req[3600s]))", 2).put("sum(rate(err[3600s]))", 0.01));
    assertThat(r.total()).isEqualTo(7200);
    assertThat(r.bad()).isEqualTo(36);
    // Pyrra bool gauge: 60 samples in an hour, 57 of them 1 -> 3 bad.
    SloSpec probe = spec(0.95, new SloIndicator.Ratio("prometheus", QueryForm.BOOL_GAUGE, "up{job=\"probe\"}", null, "up{job=\"probe\"}"));
    r = SpecSloScore.over(probe, Duration.ofHours(1), new Fixed().put("sum(count_over_time(up{job=\"probe\"}[3600s]))", 60)
        .put("sum(sum_over_time(up{job=\"probe\"}[3600s]))", 57));
    assertThat(r.bad()).isEqualTo(3);
    // counter: false: the points of the window summed (three hourly points 100 + 100 + 100, errors 1 + 0 + 2).
    SloSpec samples = spec(0.99, new SloIndicator.Ratio("prometheus", QueryForm.SAMPLES, null, "errs{service=\"a\"}", "reqs{service=\"a\"}"));
    r = SpecSloScore.over(samples, Duration.ofHours(3), new Fixed().put("reqs{service=\"a\"} over PT3H", 300).put("errs{service=\"a\"} over PT3H", 3));
    assertThat(r.total()).isEqualTo(300);
    assertThat(r.bad()).isEqualTo(3);
    // Threshold: p95 latency sampled once a minute over 2 hours, 120 samples, 114 of them at most 0.3 s -> 6 bad.
    SloSpec latency = spec(0.95, new SloIndicator.Threshold("prometheus", "p95_latency_seconds", "lte", 0.3));
    Fixed f = new Fixed().put("sum(count_over_time((p95_latency_seconds)[7200s:1m]))", 120)
        .put("sum(count_over_time((p95_latency_seconds <= 0.3)[7200s:1m]))", 114);
    r = SpecSloScore.over(latency, Duration.ofHours(2), f);
    assertThat(r.total()).isEqualTo(120);
    assertThat(r.bad()).isEqualTo(6);
    assertThat(r.attainment().getAsDouble()).isCloseTo(0.95, within(1e-12)); // exactly met
    assertThat(SpecSloScore.totalQuery(latency, Duration.ofHours(2))).isEqualTo("sum(count_over_time((p95_latency_seconds)[7200s:1m]))");
  }

  @Test
  void whatIsNotComputedSaysWhy() {
    assertThat(SpecSloScore.notComputed(spec(0.99, new SloIndicator.Ratio("datadog", QueryForm.COUNTER, "a", null, "b"))))
        .contains("metric source datadog not configured");
    assertThat(SpecSloScore.notComputed(spec(0.99, new SloIndicator.Ratio("prometheus", QueryForm.COUNTER, "sum(rate(a[5m]))", null, "b"))))
        .contains("a counter query must be a series selector, not 'sum(rate(a[5m]))'");
    assertThat(SpecSloScore.notComputed(spec(0.99, new SloIndicator.Unsupported("prometheus", "plugin", "", "an SLI plugin is not run"))))
        .contains("an SLI plugin is not run");
    SloSpec plugin = spec(0.99, new SloIndicator.Unsupported("prometheus", "plugin", "", "an SLI plugin is not run"));
    assertThatThrownBy(() -> SpecSloScore.over(plugin, Duration.ofHours(1), new Fixed())).isInstanceOf(IllegalArgumentException.class);
  }

  /** Events per window length (seconds -> total, bad) for a counter SLI on {@code req} and {@code err}. */
  static Fixed windows(long[][] perLength) {
    Fixed f = new Fixed();
    for (long[] w : perLength) {
      f.put("sum(increase(req[" + w[0] + "s]))", w[1]).put("sum(increase(err[" + w[0] + "s]))", w[2]);
    }
    return f;
  }

  static final SloSpec COUNTER = spec(0.999, new SloIndicator.Ratio("prometheus", QueryForm.COUNTER, null, "err", "req"));

  @Test
  void theFastestTierBurningOverBothWindowsIsTheTier() {
    // Target 99.9%: budget 0.001. Burn = bad / total / 0.001.
    // 5m: 1000 events, 20 bad -> burn 20; 1h: 12000, 180 bad -> 15. Both > 14.4: page at 14.4x.
    // 30m 6000/60 -> 10; 6h 72000/500 -> 6.94; 2h 24000/200 -> 8.33; 1d 288000/900 -> 3.125; 6h; 3d 864000/1000 -> 1.157.
    Fixed f = windows(new long[][] {{300, 1000, 20}, {3600, 12000, 180}, {1800, 6000, 60}, {21600, 72000, 500},
        {7200, 24000, 200}, {86400, 288000, 900}, {259200, 864000, 1000}});
    BurnRateAlerts.Tier t = SpecSloScore.tier(COUNTER, f);
    assertThat(t.states()).extracting(s -> s.window().name()).containsExactly("page-fast", "page-slow", "ticket-fast", "ticket-slow");
    assertThat(t.states()).extracting(BurnRateAlerts.AlertState::firing).containsExactly(true, true, true, true);
    assertThat(t.factor()).isEqualTo(14.4);
    assertThat(t.firing().orElseThrow().window().pages()).isTrue();
    assertThat(t.states().get(0).longBurn().getAsDouble()).isCloseTo(15, within(1e-9));
    // Seven distinct lengths, each asked once for total and bad (the 6h window serves two tiers).
    assertThat(f.asked).hasSize(14);

    // The 5m window recovered (0 bad): the 14.4x tier stops; 6x still burns over 6h (6.94) and 30m (10): page at 6x.
    f.put("sum(increase(err[300s]))", 0);
    assertThat(SpecSloScore.tier(COUNTER, f).factor()).isEqualTo(6);
    // Only the three days above 1x (1.157) with its 6h window (6.94): a ticket at 1x.
    Fixed slow = windows(new long[][] {{300, 1000, 0}, {3600, 12000, 0}, {1800, 6000, 0}, {21600, 72000, 100},
        {7200, 24000, 0}, {86400, 288000, 0}, {259200, 864000, 1000}});
    BurnRateAlerts.Tier ticket = SpecSloScore.tier(COUNTER, slow);
    assertThat(ticket.factor()).isEqualTo(1);
    assertThat(ticket.firing().orElseThrow().window().name()).isEqualTo("ticket-slow");
    assertThat(ticket.firing().orElseThrow().window().pages()).isFalse();
  }

  @Test
  void noEventsIsNoDataNotATier() {
    BurnRateAlerts.Tier t = SpecSloScore.tier(COUNTER, new Fixed());
    assertThat(t.hasData()).isFalse();
    assertThat(t.firing()).isEmpty();
    assertThat(t.factor()).isZero();
  }

  @Test
  void aConstantErrorRatioFiresExactlyTheTiersBelowItsBurnRate() {
    // The same error ratio in every window: the burn rate is the same everywhere, so the tier is the largest factor below it.
    qt().forAll(longs().between(1_000, 10_000_000), doubles().between(0, 0.05)).checkAssert((total, share) -> {
      long bad = (long) Math.floor(total * share);
      Fixed f = new Fixed();
      for (long secs : new long[] {300, 1800, 3600, 7200, 21600, 86400, 259200}) {
        f.put("sum(increase(req[" + secs + "s]))", total).put("sum(increase(err[" + secs + "s]))", bad);
      }
      double burn = (double) bad / total / (1 - 0.999);
      double expected = burn > 14.4 ? 14.4 : burn > 6 ? 6 : burn > 3 ? 3 : burn > 1 ? 1 : 0;
      assertThat(SpecSloScore.tier(COUNTER, f).factor()).isEqualTo(expected);
    });
  }
}
