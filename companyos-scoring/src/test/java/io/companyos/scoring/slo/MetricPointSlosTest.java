package io.companyos.scoring.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.model.data.MetricNames;
import io.companyos.model.data.MetricPoint;
import io.companyos.model.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SLOs from metric points, worked by hand: window edges, the target's look-back, exact sums. */
class MetricPointSlosTest {
  private static final Instant END = Instant.parse("2026-11-23T00:00:00Z");
  private static final TimeWindow WEEK = new TimeWindow(END.minus(Duration.ofDays(7)), END);

  private static MetricPoint p(Instant t, String metric, String service, double v) {
    return new MetricPoint(t, metric, Map.of("service", service), v);
  }

  private static List<MetricPoint> points() {
    Instant mon = WEEK.start();
    return List.of(
        // api: 1,000 + 3,000 requests in the week; the 500 at the window's end and the 700 before its start are out.
        p(mon, MetricNames.SLO_REQUESTS, "api", 1000), p(mon.plusSeconds(3600), MetricNames.SLO_REQUESTS, "api", 3000),
        p(END, MetricNames.SLO_REQUESTS, "api", 500), p(mon.minusSeconds(1), MetricNames.SLO_REQUESTS, "api", 700),
        // api errors 0.6 + 0.7 + 0.2 = 1.5 exactly (1.4999999999999998 in doubles): rounded, 2 bad events.
        p(mon.plusSeconds(60), MetricNames.SLO_ERRORS, "api", 0.6), p(mon.plusSeconds(120), MetricNames.SLO_ERRORS, "api", 0.7),
        p(mon.plusSeconds(180), MetricNames.SLO_ERRORS, "api", 0.2),
        // api target: 0.95 ten days before the end, 0.99 one day before (the latest in the 35 days), 0.5 at the end (out).
        p(END.minus(Duration.ofDays(10)), MetricNames.SLO_TARGET, "api", 0.95),
        p(END.minus(Duration.ofDays(1)), MetricNames.SLO_TARGET, "api", 0.99), p(END, MetricNames.SLO_TARGET, "api", 0.5),
        // web: 200 requests, no errors, its only target 36 days old (outside the look-back): no target.
        p(mon.plusSeconds(7200), MetricNames.SLO_REQUESTS, "web", 200),
        p(END.minus(Duration.ofDays(36)), MetricNames.SLO_TARGET, "web", 0.9));
  }

  @Test
  void attainmentAndBudgetByHand() {
    ServiceSlos.Result r = MetricPointSlos.of(points(), WEEK);
    assertThat(r.withoutTarget()).containsExactly("web");
    assertThat(r.slos()).hasSize(1);
    SloResult api = r.slos().get(0).result();
    // 4,000 events, 2 bad: attainment 3,998 / 4,000 = 0.9995; allowed 1% of 4,000 = 40 bad, 2 used: 95% left.
    assertThat(api.target()).isEqualTo(0.99);
    assertThat(api.total()).isEqualTo(4000);
    assertThat(api.bad()).isEqualTo(2);
    assertThat(api.attainment().getAsDouble()).isCloseTo(0.9995, within(1e-12));
    assertThat(api.budgetRemaining().getAsDouble()).isCloseTo(0.95, within(1e-12));
  }

  @Test
  void theOrderOfThePointsDoesNotMatter() {
    ServiceSlos.Result expected = MetricPointSlos.of(points(), WEEK);
    for (long seed = 0; seed < 20; seed++) {
      List<MetricPoint> shuffled = new ArrayList<>(points());
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(MetricPointSlos.of(shuffled, WEEK)).as("seed %d", seed).isEqualTo(expected);
    }
  }

  @Test
  void noRequestsNoSlo() {
    assertThat(MetricPointSlos.of(points(), new TimeWindow(END.plusSeconds(1), END.plusSeconds(3600))).slos()).isEmpty();
  }
}
