package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.HealthChecks;
import io.companyos.model.check.Threshold;
import io.companyos.model.pack.CompareTo;
import io.companyos.model.pack.Delivery;
import io.companyos.model.pack.DeliveryChannel;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.pack.SectionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two YAML blocks printed in the seed document load exactly as printed (copied verbatim into test resources). */
class SeedYamlTest {

  static String resource(String name) throws IOException {
    try (InputStream in = SeedYamlTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theSeedOpsReviewPackLoadsAsPrinted() throws IOException {
    PackDefinition pack = new DefinitionLoader().parsePack("ops-review.yaml", "ops-review", resource("/seed/ops-review.yaml"));

    assertThat(pack.id()).isEqualTo("ops-review");
    assertThat(pack.name()).isEqualTo("Weekly Ops Review");
    assertThat(pack.schedule()).isEqualTo("0 8 * * 1");
    assertThat(pack.timezone()).isEqualTo(ZoneOffset.UTC);
    assertThat(pack.meeting()).isNull();
    assertThat(pack.effectiveLeadTime()).isEqualTo(Duration.ofHours(24));
    assertThat(pack.recipientRoles()).containsExactly("sre_team", "engineering_leads");
    assertThat(pack.sectionTypes())
        .containsExactly("incident_summary", "slo_performance", "dora_metrics", "action_items", "recommendations");

    SectionSpec incidents = pack.sections().get(0);
    assertThat(incidents.lookback()).contains(Duration.ofDays(7));
    assertThat(incidents.stringList("severity")).containsExactly("P1", "P2");
    SectionSpec slo = pack.sections().get(1);
    assertThat(slo.stringList("services")).containsExactly("all");
    assertThat(slo.bool("include_budget_remaining")).contains(true);
    assertThat(pack.sections().get(2).compareTo()).contains(CompareTo.PREVIOUS_WEEK);
    SectionSpec actions = pack.sections().get(3);
    assertThat(actions.string("source")).contains("previous_meeting");
    assertThat(actions.bool("show_status", false)).isTrue();
    SectionSpec recs = pack.sections().get(4);
    assertThat(recs.string("model")).contains("anomaly_detector");
    assertThat(recs.decimal("threshold")).contains(new BigDecimal("0.8"));

    assertThat(pack.delivery()).containsExactly(
        Delivery.to(DeliveryChannel.SLACK, "#ops-review"),
        Delivery.to(DeliveryChannel.EMAIL, "{{recipients}}"),
        Delivery.dashboard("/dashboards/ops-review"));
    assertThat(pack.delivery().get(1).toRecipients()).isTrue();
  }

  @Test
  void theSeedHealthChecksLoadAsPrinted() throws IOException {
    HealthChecks checks = new DefinitionLoader().parseHealthChecks("health-checks.yaml", resource("/seed/health-checks.yaml"));

    assertThat(checks.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(checks.checks()).containsExactly(
        new HealthCheck("SLO Budget Check", "companyos:service:error_budget_burn_rate:ratio",
            new Threshold(Threshold.Operator.GT, 6), "page_oncall"),
        new HealthCheck("Security Posture", "companyos:security:critical_cve_count:gauge",
            new Threshold(Threshold.Operator.GT, 0), "slack_security_channel"),
        new HealthCheck("Active Incidents", "pagerduty_incidents_active_total",
            new Threshold(Threshold.Operator.GT, 0), "update_status_page"));
  }

  @Test
  void theShippedHealthChecksAreTheSeedBlockVerbatim() throws IOException {
    assertThat(resource("/companyos/health-checks.yaml")).isEqualTo(resource("/seed/health-checks.yaml"));
  }

  @Test
  void theShippedOpsReviewIsTheSeedPackPlusItsMeetingLink() throws IOException {
    List<String> shipped = resource("/companyos/meeting-packs/ops-review.yaml").lines().toList();
    List<String> seed = resource("/seed/ops-review.yaml").lines().toList();
    assertThat(shipped).contains("meeting: ops-review");
    assertThat(shipped.stream().filter(l -> !l.equals("meeting: ops-review")).toList()).isEqualTo(seed);
  }
}
