package io.companyos.scoring.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSlosTest {
  @Test
  void eachServiceIsHeldToItsOwnTargetFromRoundedCounts() {
    ServiceSlos.Result r = ServiceSlos.of(
        Map.of("web", 1000.4, "api", 2000.0, "batch", 50.0, "legacy", 10.0),
        Map.of("web", 2.6, "api", 5000.0),                  // api reports more errors than requests: capped
        Map.of("web", 0.99, "api", 0.999, "batch", 0.995)); // legacy has no target
    assertThat(r.slos()).extracting(ServiceSlos.ServiceSlo::service).containsExactly("api", "batch", "web");
    assertThat(r.withoutTarget()).containsExactly("legacy");
    ServiceSlos.ServiceSlo web = r.slos().get(2);
    // 1000.4 -> 1000 events, 2.6 -> 3 bad: attainment 997/1000 = 99.7% against 99%: met.
    assertThat(web.result().total()).isEqualTo(1000);
    assertThat(web.result().bad()).isEqualTo(3);
    assertThat(web.result().met()).isTrue();
    assertThat(web.evidence()).isEqualTo("web: 1000 events, 3 bad, target 99%");
    assertThat(r.slos().get(0).result().bad()).isEqualTo(2000);
    assertThat(r.slos().get(1).result().bad()).isZero(); // batch had no errors reported
    assertThat(r.evidence()).containsExactly("api: 2000 events, 2000 bad, target 99.9%", "batch: 50 events, 0 bad, target 99.5%",
        "web: 1000 events, 3 bad, target 99%");
    assertThat(Slo.met(r.results())).isEqualTo(2);
  }
}
