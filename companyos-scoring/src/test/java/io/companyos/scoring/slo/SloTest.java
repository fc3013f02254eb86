package io.companyos.scoring.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloTest {

  @Test
  void halfTheBudgetSpent() {
    // target 99.9%: budget 0.001. 50 bad of 100000: error ratio 0.0005, attainment 0.9995,
    // remaining (0.001 - 0.0005) / 0.001 = 0.5, burn 0.0005 / 0.001 = 0.5.
    SloResult r = Slo.ofCounts(0.999, 100_000, 50);
    assertThat(r.attainment().getAsDouble()).isCloseTo(0.9995, within(1e-12));
    assertThat(r.budgetRemaining().getAsDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(r.burnRate().getAsDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(r.met()).isTrue();
  }

  @Test
  void overspentBudgetGoesNegative() {
    // 300 bad of 100000: error 0.003; remaining (0.001 - 0.003) / 0.001 = -2; burn 3.
    SloResult r = Slo.ofCounts(0.999, 100_000, 300);
    assertThat(r.budgetRemaining().getAsDouble()).isCloseTo(-2.0, within(1e-9));
    assertThat(r.burnRate().getAsDouble()).isCloseTo(3.0, within(1e-9));
    assertThat(r.met()).isFalse();
  }

  @Test
  void noEventsIsNoDataNotSuccess() {
    SloResult r = Slo.ofCounts(0.99, 0, 0);
    assertThat(r.attainment()).isEmpty();
    assertThat(r.burnRate()).isEmpty();
    assertThat(r.met()).isFalse();
  }

  @Test
  void timeSlicesCountSlicesThatMetTheTarget() {
    // target 0.99; slices: 1000/5 bad (0.995 ok), 1000/20 bad (0.98 not ok), empty (skipped), 10/0 (ok) -> 2 of 3.
    assertThat(Slo.timeSliceAttainment(0.99, new long[] {1000, 1000, 0, 10}, new long[] {5, 20, 0, 0}).getAsDouble())
        .isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void burnRateTimesBudgetIsTheErrorRatio() {
    qt().forAll(doubles().between(0.5, 0.99999), longs().between(1, 10_000_000), doubles().between(0, 1))
        .checkAssert((target, total, share) -> {
          long bad = (long) Math.floor(total * share);
          SloResult r = Slo.ofCounts(target, total, bad);
          assertThat(r.burnRate().getAsDouble() * (1 - target)).isCloseTo(r.errorRatio().getAsDouble(), within(1e-9));
        });
  }

  @Test
  void fastBurnPagesOnlyWhileTheShortWindowStillBurns() {
    // target 0.99 (budget 0.01). Twelve 5-minute buckets in the last hour, each 1000 events / 200 bad:
    // error 0.2 -> burn 20 in both the 1h and the 5m window; 20 > 14.4 -> page-fast fires.
    Instant at = Instant.parse("2026-11-23T09:00:00Z");
    List<SliBucket> buckets = new ArrayList<>();
    for (int i = 12; i >= 1; i--) {
      buckets.add(new SliBucket(at.minus(Duration.ofMinutes(5L * i)), 1000, 200));
    }
    BurnRateAlerts.AlertState fast = BurnRateAlerts.evaluate(buckets, at, 0.99, BurnRateWindow.sreWorkbookDefaults()).get(0);
    assertThat(fast.longBurn().getAsDouble()).isCloseTo(20, within(1e-9));
    assertThat(fast.firing()).isTrue();
    // Last bucket recovered (0 bad): short burn 0 -> no page, although the hour still burns 11*200/12000/0.01 = 18.33.
    buckets.set(11, new SliBucket(at.minus(Duration.ofMinutes(5)), 1000, 0));
    fast = BurnRateAlerts.evaluate(buckets, at, 0.99, BurnRateWindow.sreWorkbookDefaults()).get(0);
    assertThat(fast.longBurn().getAsDouble()).isCloseTo(2200.0 / 12000 / 0.01, within(1e-9));
    assertThat(fast.shortBurn().getAsDouble()).isZero();
    assertThat(fast.firing()).isFalse();
  }

  @Test
  void pooledAttainmentSumsEventsBeforeDividingAndMetCountsAgainstEachOwnTarget() {
    SloResult api = Slo.ofCounts(0.999, 1000, 10);   // 99.0%: misses 99.9%
    SloResult web = Slo.ofCounts(0.99, 10, 0);       // 100%: meets 99%
    SloResult idle = Slo.ofCounts(0.99, 0, 0);       // no events: neither met nor counted
    // (990 + 10) / 1010 = 0.990099...; the mean of the ratios would read (0.99 + 1.0) / 2 = 0.995.
    org.assertj.core.api.Assertions.assertThat(Slo.pooledAttainment(java.util.List.of(api, web, idle)).getAsDouble())
        .isCloseTo(1000.0 / 1010, org.assertj.core.api.Assertions.within(1e-12));
    org.assertj.core.api.Assertions.assertThat(Slo.met(java.util.List.of(api, web, idle))).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThat(Slo.pooledAttainment(java.util.List.of(idle))).isEmpty();
  }
}
