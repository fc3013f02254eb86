package io.companyos.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SeverityTest {

  @Test
  void cvssBandsAtTheirEdges() {
    assertThat(Severity.fromScore(new BigDecimal("10.0"))).isEqualTo("critical");
    assertThat(Severity.fromScore(new BigDecimal("9.0"))).isEqualTo("critical");
    assertThat(Severity.fromScore(new BigDecimal("8.9"))).isEqualTo("high");
    assertThat(Severity.fromScore(new BigDecimal("7.0"))).isEqualTo("high");
    assertThat(Severity.fromScore(new BigDecimal("6.9"))).isEqualTo("medium");
    assertThat(Severity.fromScore(new BigDecimal("4.0"))).isEqualTo("medium");
    assertThat(Severity.fromScore(new BigDecimal("3.9"))).isEqualTo("low");
    assertThat(Severity.fromScore(new BigDecimal("0.1"))).isEqualTo("low");
    assertThat(Severity.fromScore(BigDecimal.ZERO)).isNull();
    assertThatThrownBy(() -> Severity.fromScore(new BigDecimal("10.1"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyScoreInTenthsFallsInExactlyTheBandOfItsRange() {
    qt().forAll(integers().between(1, 100)).checkAssert(tenths -> {
      String band = Severity.fromScore(BigDecimal.valueOf(tenths, 1));
      String expected = tenths >= 90 ? "critical" : tenths >= 70 ? "high" : tenths >= 40 ? "medium" : "low";
      assertThat(band).isEqualTo(expected);
    });
  }

  @Test
  void wordsOfScannersAndDatabases() {
    assertThat(Severity.fromWord("CRITICAL")).isEqualTo("critical");
    assertThat(Severity.fromWord("Important")).isEqualTo("high");
    assertThat(Severity.fromWord("MODERATE")).isEqualTo("medium");
    assertThat(Severity.fromWord(" low ")).isEqualTo("low");
    assertThat(Severity.fromWord("UNKNOWN")).isNull();
    assertThat(Severity.fromWord("negligible")).isNull();
  }

  @Test
  void cvss3BaseScoresWorkedByHand() {
    // ISS = 1 - 0.44^3 = 0.914816; impact 6.42 * ISS = 5.8731; exploitability 8.22*.85*.77*.85*.85 = 3.8870; sum 9.76 -> 9.8
    assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).isEqualByComparingTo("9.8");
    // Scope changed: ISS = 0.3916; impact 7.52*0.3626 = 2.7268; exploitability 2.8353; 1.08 * 5.5620 = 6.007 -> 6.1
    assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N")).isEqualByComparingTo("6.1");
    // No impact: 0.0, whatever the exploitability.
    assertThat(Cvss3.baseScore("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N")).isEqualByComparingTo("0.0");
    // Temporal metrics do not change the base score.
    assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O")).isEqualByComparingTo("9.8");
    assertThatThrownBy(() -> Cvss3.baseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
