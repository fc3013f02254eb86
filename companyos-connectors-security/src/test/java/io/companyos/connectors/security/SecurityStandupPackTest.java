package io.companyos.connectors.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.render.MetricValue;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in security-standup pack fed by one export only (its other sections have no source): the
 * vulnerability table's open counts per severity are the ones worked out by hand from the fixture.
 */
class SecurityStandupPackTest {
  private static final CompanyDefinition COMPANY = BuiltinDefinitions.load();

  private static PackSection vulnerabilitySummary(String fixture) {
    PackDocument doc = new PackAssembler(COMPANY, List.of(Fixtures.source(fixture)))
        .assemble(COMPANY.pack("security-standup").orElseThrow(), Fixtures.NOW, ZoneOffset.UTC);
    return doc.section("vulnerability_summary").orElseThrow();
  }

  /** Severity label and open count of each table row. */
  private static List<String> openBySeverity(PackSection s) {
    return s.tables().get(0).rows().stream().map(r -> r.get(0).text() + "=" + Math.round(r.get(1).value())).toList();
  }

  @Test
  void trivyReportOpenCountsPerSeverity() {
    PackSection s = vulnerabilitySummary("trivy/trivy-report.json");
    // openssl, @babel/traverse critical; busybox high; libcurl (twice in the report, once here) and zlib medium; musl left out.
    assertThat(openBySeverity(s)).containsExactly("Critical=2", "High=1", "Medium=2", "Low=0");
    MetricValue open = s.tables().get(0).rows().get(0).get(1);
    assertThat(open.provenance().sourceId()).isEqualTo("scans");
    assertThat(open.provenance().query()).isEqualTo("trivy-report.json (Trivy JSON); 1 finding without severity left out");
  }

  @Test
  void dependabotAlertsOpenCountsPerSeverity() {
    PackSection s = vulnerabilitySummary("dependabot/alerts.json");
    // Open at the as-of: @babel/traverse (critical) and semver (low); lodash fixed, minimist dismissed, debug auto-dismissed.
    assertThat(openBySeverity(s)).containsExactly("Critical=1", "High=0", "Medium=0", "Low=1");
    assertThat(s.tables().get(0).rows().get(0).get(1).provenance().query()).isEqualTo("alerts.json (Dependabot alerts)");
  }
}
