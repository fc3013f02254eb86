package io.companyos.scoring.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.companyos.scoring.Direction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WinsTest {
  @Test
  void keyResultsWinWhenAchievedOrAheadOfPlanNotWhenMerelyHalfDone() {
    assertThat(Wins.keyResult("KR1", "t", 1.0, 0.6).orElseThrow().strength()).isEqualTo(1.0);
    // 0.8 done with 0.5 of the quarter gone: 0.3 ahead ≥ 0.1; strength (0.8 − 0.5) / (1 − 0.5) = 0.6.
    assertThat(Wins.keyResult("KR2", "t", 0.8, 0.5).orElseThrow().strength()).isCloseTo(0.6, within(1e-12));
    // 0.55 done with 0.5 gone: only 0.05 ahead; 0.46 or 0.64 at the quarter's end are not wins either.
    assertThat(Wins.keyResult("KR3", "t", 0.55, 0.5)).isEmpty();
    assertThat(Wins.keyResult("KR4", "t", 0.64, 1.0)).isEmpty();
  }

  @Test
  void aKpiWinsOnlyBeyondItsNoiseBandInTheGoodDirection() {
    double[] history = {70, 72, 71, 69, 73, 70};
    // median 70.5; |x − 70.5| = 0.5, 1.5, 0.5, 1.5, 2.5, 0.5 → MAD 1; sd = 1.4826.
    // current 75: z = 4.5 / 1.4826 = 3.035 ≥ 2; strength 1 − 2 / 3.035 = 0.341.
    Wins.Win w = Wins.kpi("NPS", 75, history, Direction.HIGHER_IS_BETTER, "").orElseThrow();
    assertThat(w.strength()).isCloseTo(1 - 2 / (4.5 / 1.4826), within(1e-9));
    assertThat(w.text()).contains("NPS up to 75").contains("3.0 noise bands");
    // 72.5: z = 1.35, inside the band. 75 for a lower-is-better KPI is a bad move.
    assertThat(Wins.kpi("NPS", 72.5, history, Direction.HIGHER_IS_BETTER, "")).isEmpty();
    assertThat(Wins.kpi("MTTR", 75, history, Direction.LOWER_IS_BETTER, " h")).isEmpty();
    // No spread, no band: no claim.
    assertThat(Wins.kpi("x", 99, new double[] {5, 5, 5, 5}, Direction.HIGHER_IS_BETTER, "")).isEmpty();
  }

  @Test
  void sloWinsNeedTheTargetMetAndHalfTheBudgetLeft() {
    // 99.95% against 99.9% with 50.77% of the budget left: a win of strength 0.5077.
    assertThat(Wins.slo("api", 0.9995, 0.999, 0.5077).orElseThrow().strength()).isEqualTo(0.5077);
    assertThat(Wins.slo("search", 0.9968, 0.995, 0.3625)).isEmpty();
    assertThat(Wins.slo("x", 0.998, 0.999, 0.9)).isEmpty();
  }

  @Test
  void theTopIsNeverPadded() {
    List<Wins.Win> one = new ArrayList<>();
    Wins.keyResult("KR1", "t", 1.0, 0.6).ifPresent(one::add);
    Wins.keyResult("KR3", "t", 0.55, 0.5).ifPresent(one::add);
    assertThat(Wins.top(one, 3)).hasSize(1);
    List<Wins.Win> many = new ArrayList<>(one);
    Wins.slo("api", 0.9995, 0.999, 0.9).ifPresent(many::add);
    Wins.slo("billing", 0.9996, 0.999, 0.6).ifPresent(many::add);
    Wins.slo("identity", 0.9999, 0.9995, 0.7).ifPresent(many::add);
    assertThat(Wins.top(many, 3)).extracting(Wins.Win::strength).containsExactly(1.0, 0.9, 0.7);
  }
}
