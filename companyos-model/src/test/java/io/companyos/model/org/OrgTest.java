package io.companyos.model.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.check.Threshold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrgTest {

  @Test
  void groupsExpandTransitivelyAndToleratesCycles() {
    Roles roles = new Roles(List.of(
        Role.of("ceo", "CEO"),
        new Role("executive_team", "Exec", List.of("ceo")),
        new Role("leadership", "Leadership", List.of("executive_team")),
        new Role("a", "A", List.of("b")),
        new Role("b", "B", List.of("a"))));
    assertThat(roles.expand("leadership")).containsExactlyInAnyOrder("leadership", "executive_team", "ceo");
    assertThat(roles.expand("a")).containsExactlyInAnyOrder("a", "b");
    assertThat(roles.allows(List.of("leadership"), "ceo")).isTrue();
    assertThat(roles.allows(List.of("executive_team"), "leadership")).isFalse();
    assertThatThrownBy(() -> new Roles(List.of(Role.of("ceo", "x"), Role.of("ceo", "y"))))
        .hasMessageContaining("twice");
  }

  @Test
  void raciRowsNeedExactlyOneAccountableRole() {
    Map<String, RaciAssignment> cells = new LinkedHashMap<>();
    cells.put("ceo", RaciAssignment.I);
    cells.put("cto", RaciAssignment.A);
    cells.put("vp_engineering", RaciAssignment.R);
    cells.put("sre_lead", RaciAssignment.R);
    RaciActivity ops = new RaciActivity("Weekly Ops Review", "ops-review", cells);
    assertThat(ops.accountable()).isEqualTo("cto");
    assertThat(ops.responsible()).containsExactly("vp_engineering", "sre_lead");
    assertThat(ops.assignment("ciso")).isEmpty();

    assertThatThrownBy(() -> new RaciActivity("x", null, Map.of("ceo", RaciAssignment.A, "cto", RaciAssignment.RA)))
        .hasMessageContaining("2 accountable");
    assertThatThrownBy(() -> new RaciActivity("x", null, Map.of("ceo", RaciAssignment.R)))
        .hasMessageContaining("0 accountable");
  }

  @Test
  void raciSymbolsAreTheSeeds() {
    assertThat(RaciAssignment.fromSymbol("R/A")).contains(RaciAssignment.RA);
    assertThat(RaciAssignment.RA.accountable()).isTrue();
    assertThat(RaciAssignment.RA.responsible()).isTrue();
    assertThat(RaciAssignment.C.accountable()).isFalse();
    assertThat(RaciAssignment.fromSymbol("r")).isEmpty();
  }

  @Test
  void matrixCellsMustBeColumns() {
    RaciActivity row = new RaciActivity("QBR", "qbr", Map.of("ceo", RaciAssignment.RA, "cfo", RaciAssignment.R));
    assertThatThrownBy(() -> new RaciMatrix(List.of("ceo"), List.of(row))).hasMessageContaining("'cfo'");
    RaciMatrix m = new RaciMatrix(List.of("ceo", "cfo"), List.of(row));
    assertThat(m.forMeeting("qbr")).contains(row);
    assertThat(m.activity("QBR")).contains(row);
  }

  @Test
  void kpiTargetsAreThresholds() {
    RhythmKpi completion = new RhythmKpi("action_item_completion", "Action Item Completion",
        Threshold.parse("> 90"), KpiUnit.PERCENT, "Task tracking");
    assertThat(completion.met(90.5)).isTrue();
    assertThat(completion.met(90)).isFalse();
    assertThat(completion.met(Double.NaN)).isFalse();
    assertThat(KpiUnit.HOURS.suffix()).isEqualTo("h");
  }
}
