package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.KeyResult;
import io.companyos.model.data.ProductEvent;
import io.companyos.sources.RecordKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key result that names a KPI shows that KPI over the quarter to date, not the value typed into okrs.csv. */
class KeyResultFromKpiTest {
  static ProductEvent event(String at, String user, String kind) {
    return new ProductEvent(Instant.parse(at), user, "acme", user + "-s", kind, null);
  }

  static KeyResult kr(String id, double current, String kpi) {
    return new KeyResult("2026-Q4", "O1", "Grow", id, "Weekly active users " + id, "ann", 1, 5, current, "users",
        Instant.parse("2026-11-20T00:00:00Z"), kpi);
  }

  @Test
  void theCurrentValueComesFromTheKpiWhenTheKeyResultNamesOne() {
    // WAU over the 7 days ending at the quarter-to-date window's end (2026-11-16 to 2026-11-22): u1 and u2.
    // u3 only signed up, u4 was active before the week, u5 on the partial as-of morning: not counted. WAU = 2.
    List<ProductEvent> events = List.of(
        event("2026-11-17T10:00:00Z", "u1", "session_start"), event("2026-11-18T10:00:00Z", "u2", "page_view"),
        event("2026-11-20T10:00:00Z", "u3", "signup"), event("2026-11-10T10:00:00Z", "u4", "session_start"),
        event("2026-11-23T08:00:00Z", "u5", "session_start"));
    List<KeyResult> krs = List.of(kr("KR1", 4, "wau"), kr("KR2", 3, null), kr("KR3", 3, "no_such_kpi"));
    ScriptedSource source = new ScriptedSource("okrs", ScriptedSource.Mode.ANSWER,
        Map.of(RecordKind.KEY_RESULTS, krs, RecordKind.PRODUCT_EVENTS, events));
    PackDocument exec = new PackAssembler(SampleCompany.COMPANY, List.of(source))
        .assemble(SampleCompany.COMPANY.pack("exec-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    List<List<MetricValue>> rows = exec.section("okr_progress").orElseThrow().tables().get(0).rows();
    // KR1: typed 4 contradicts the KPI; shown 2, progress (2 - 1) / (5 - 1) = 25 %, over the quarter to date.
    assertThat(rows.get(0).get(3).text()).isEqualTo("2 / 5 users");
    assertThat(rows.get(0).get(4).value()).isEqualTo(25.0);
    assertThat(rows.get(0).get(3).provenance().window().end()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    // KR2 names no KPI: its typed 3 stands, (3 - 1) / 4 = 50 %.
    assertThat(rows.get(1).get(3).text()).isEqualTo("3 / 5 users");
    assertThat(rows.get(1).get(4).value()).isEqualTo(50.0);
    // KR3 names a KPI that cannot be computed: the typed value, saying why.
    assertThat(rows.get(2).get(3).text()).startsWith("3 / 5 users (typed; KPI n/a: KPI 'no_such_kpi' cannot feed a key result");
    assertThat(exec.section("okr_progress").orElseThrow().note())
        .contains("Key results that name a KPI show it over 2026-10-01 to 2026-11-22 (the quarter to date)");
  }
}
