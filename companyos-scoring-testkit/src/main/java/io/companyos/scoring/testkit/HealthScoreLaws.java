package io.companyos.scoring.testkit;

import io.companyos.scoring.Direction;
import io.companyos.scoring.health.Dimension;
import io.companyos.scoring.health.HealthModel;
import io.companyos.scoring.health.HealthScore;
import io.companyos.scoring.health.HealthScorer;
import io.companyos.scoring.health.Kpi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The laws of a composite health score, for any {@link HealthModel} (the standard one or yours):
 * bounds, explanation points adding up to the score, monotonicity in each KPI's good direction, and
 * invariance under scaling every weight.
 */
public final class HealthScoreLaws {
  private HealthScoreLaws() {}

  /**
   * A KPI value vector: each KPI present with probability 0.8, in its own [lo, hi] range.
   *
   * @param ranges each KPI's {@code [lo, hi]} range of values
   * @return the generator
   */
  public static Generator<Map<String, Double>> values(Map<String, double[]> ranges) {
    return r -> {
      Map<String, Double> m = new HashMap<>();
      ranges.forEach((kpi, range) -> {
        if (r.nextDouble() < 0.8) {
          m.put(kpi, range[0] + r.nextDouble() * (range[1] - range[0]));
        }
      });
      return m;
    };
  }

  /** One KPI moved by a step in its good direction, with the rest of the vector. */
  public record Move(Map<String, Double> values, String kpi, double step) {}

  /**
   * Every law of this class.
   *
   * @param model the health model under test
   * @param ranges each KPI's {@code [lo, hi]} range of values
   * @return the laws
   */
  public static List<Law<?>> all(HealthModel model, Map<String, double[]> ranges) {
    return List.of(scoreIsBetweenZeroAndHundred(model, ranges), pointsSumToTheScore(model, ranges),
        scoreIsMonotoneInEveryKpisGoodDirection(model, ranges), scalingAllWeightsChangesNothing(model, ranges));
  }

  /**
   * The score lies in [0, 100].
   *
   * @param model the health model under test
   * @param ranges each KPI's {@code [lo, hi]} range of values
   * @return the law
   */
  public static Law<Map<String, Double>> scoreIsBetweenZeroAndHundred(HealthModel model, Map<String, double[]> ranges) {
    return new Law<>("the score lies in [0, 100]", values(ranges), v -> {
      HealthScore s = HealthScorer.score(model, v);
      return s.score().isPresent() && (s.score().getAsDouble() < 0 || s.score().getAsDouble() > 100)
          ? Optional.of("score " + s.score().getAsDouble()) : Optional.empty();
    });
  }

  /**
   * The explanation's points add up to the score (to a tenth).
   *
   * @param model the health model under test
   * @param ranges each KPI's {@code [lo, hi]} range of values
   * @return the law
   */
  public static Law<Map<String, Double>> pointsSumToTheScore(HealthModel model, Map<String, double[]> ranges) {
    return new Law<>("the explanation's points add up to the score", values(ranges), v -> {
      HealthScore s = HealthScorer.score(model, v);
      if (s.score().isEmpty()) {
        return Optional.empty();
      }
      long sum = Math.round(s.kpis().stream().mapToDouble(HealthScore.KpiContribution::points).sum() * 10);
      long score = Math.round(s.score().getAsDouble() * 10);
      return sum == score ? Optional.empty() : Optional.of("points sum to " + sum / 10.0 + ", score is " + score / 10.0);
    });
  }

  /**
   * Moving one KPI in its good direction never lowers the score (beyond rounding).
   *
   * @param model the health model under test
   * @param ranges each KPI's {@code [lo, hi]} range of values
   * @return the law
   */
  public static Law<Move> scoreIsMonotoneInEveryKpisGoodDirection(HealthModel model, Map<String, double[]> ranges) {
    List<String> kpis = new ArrayList<>(ranges.keySet());
    Generator<Map<String, Double>> base = values(ranges);
    Generator<Move> moves = r -> {
      String kpi = kpis.get(r.nextInt(kpis.size()));
      Map<String, Double> v = new HashMap<>(base.next(r));
      double[] range = ranges.get(kpi);
      v.put(kpi, range[0] + r.nextDouble() * (range[1] - range[0]));
      return new Move(v, kpi, r.nextDouble() * (range[1] - range[0]) / 4);
    };
    return new Law<>("moving a KPI its good way never lowers the score", moves, m -> {
      Kpi kpi = model.kpis().stream().filter(k -> k.id().equals(m.kpi())).findFirst().orElseThrow();
      if (kpi.good() == Direction.NEUTRAL) {
        return Optional.empty();
      }
      Map<String, Double> better = new HashMap<>(m.values());
      better.put(m.kpi(), m.values().get(m.kpi()) + (kpi.good() == Direction.HIGHER_IS_BETTER ? m.step() : -m.step()));
      double before = HealthScorer.score(model, m.values()).score().orElse(0);
      double after = HealthScorer.score(model, better).score().orElse(0);
      // One tenth of slack: both scores are rounded to tenths.
      return after + 0.1 + 1e-9 >= before ? Optional.empty() : Optional.of("score fell from " + before + " to " + after);
    });
  }

  /**
   * Multiplying every weight by the same factor leaves the score as it was.
   *
   * @param model the health model under test
   * @param ranges each KPI's {@code [lo, hi]} range of values
   * @return the law
   */
  public static Law<Map<String, Double>> scalingAllWeightsChangesNothing(HealthModel model, Map<String, double[]> ranges) {
    return new Law<>("scaling every weight by the same factor changes nothing", values(ranges), v -> {
      double c = 7.5;
      HealthModel scaled = new HealthModel(
          model.dimensions().stream().map(d -> new Dimension(d.id(), d.label(), d.weight() * c)).toList(),
          model.kpis().stream().map(k -> new Kpi(k.id(), k.label(), k.dimension(), k.weight() * c, k.rule(), k.good(), k.unit())).toList(),
          model.bands());
      return HealthScorer.score(model, v).score().equals(HealthScorer.score(scaled, v).score())
          ? Optional.empty() : Optional.of("scores differ after scaling by " + c);
    });
  }
}
