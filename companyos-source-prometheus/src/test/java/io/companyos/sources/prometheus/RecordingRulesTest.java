package io.companyos.sources.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped recording rules are valid and compute what their comments say (promtool unit tests). */
class RecordingRulesTest {
  static final Path RULES = Path.of("..", "docs", "prometheus");

  @Test
  void rulesPassPromtoolCheckAndTheirUnitTests() throws Exception {
    PrometheusServer.get(); // same skip/fail policy as the server tests: promtool is part of the prometheus package
    String promtool = PrometheusServer.which("promtool");
    assertThat(Files.isRegularFile(RULES.resolve("companyos-rules.yml"))).isTrue();
    String check = PrometheusServer.run(promtool, "check", "rules", RULES.resolve("companyos-rules.yml").toString());
    assertThat(check).contains("SUCCESS: 24 rules found");
    ProcessBuilder pb = new ProcessBuilder(promtool, "test", "rules", "companyos-rules.test.yml").directory(RULES.toFile())
        .redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("SUCCESS");
  }

  @Test
  void rulesDefineTheSeedHealthCheckMetrics() throws Exception {
    String rules = Files.readString(RULES.resolve("companyos-rules.yml"));
    assertThat(rules).contains("record: companyos:service:error_budget_burn_rate:ratio")
        .contains("record: companyos:security:critical_cve_count:gauge")
        // The four multiwindow tiers of the SRE workbook: 14.4 (1h/5m) and 6 (6h/30m) page, 3 (1d/2h) and 1 (3d/6h) ticket.
        .contains("record: companyos:service:error_budget_burn_tier:factor")
        .contains("alert: CompanyOSErrorBudgetBurn14x").contains("alert: CompanyOSErrorBudgetBurn6x")
        .contains("alert: CompanyOSErrorBudgetBurn3x").contains("alert: CompanyOSErrorBudgetBurn1x");
  }
}
