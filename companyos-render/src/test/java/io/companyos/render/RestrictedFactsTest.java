package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fact a company restricts in one place is restricted wherever it appears: the security standup shows critical
 * CVEs to the security team, CISO, CTO and SRE lead only, so the exec review's risk line that names the same CVE and
 * component is shown in full to them and without the CVE to the CEO, in the section, the summary and every format.
 */
class RestrictedFactsTest {
  private static final AccessPolicy POLICY = AccessPolicy.of(SampleCompany.COMPANY);

  private static MetricValue cveRisk(PackDocument doc) {
    return doc.section("risks").orElseThrow().items().stream().filter(v -> v.restriction() != null).findFirst().orElseThrow();
  }

  @Test
  void theRiskLineThatNamesACveCarriesTheSecurityStandupsRestriction() {
    PackDocument exec = SampleCompany.assemble("exec-review");
    MetricValue risk = cveRisk(exec);
    assertThat(risk.text()).matches("CVE-\\d{4}-\\d+ in .+ open \\d+ days, past the 7-day SLA");
    assertThat(risk.restriction().visibleTo()).containsExactlyInAnyOrder("ciso", "cto", "security_team", "sre_lead");
  }

  @Test
  void aReaderWithoutSecurityAccessSeesTheRiskWithoutTheCveAnywhere() {
    PackDocument exec = SampleCompany.assemble("exec-review");
    String cve = cveRisk(exec).text().substring(0, cveRisk(exec).text().indexOf(' '));
    String component = cveRisk(exec).text().replaceFirst("^\\S+ in (.+) open .*$", "$1");

    PackDocument ceo = POLICY.redact(exec, List.of("ceo"));
    List<String> risks = ceo.section("risks").orElseThrow().items().stream().map(MetricValue::text).toList();
    assertThat(risks).anySatisfy(t -> assertThat(t).startsWith("a critical vulnerability open ")
        .endsWith("(details restricted: visible to CISO, CTO, Security Team, SRE Lead)"));
    for (PackFormat f : PackFormat.values()) {
      String out = new PackRenderer().render(ceo, f);
      assertThat(out).as(f.name()).doesNotContain(cve).doesNotContain(component);
    }

    PackDocument ciso = POLICY.redact(exec, List.of("ciso"));
    assertThat(ciso.section("risks").orElseThrow().items()).anySatisfy(v -> assertThat(v.text()).startsWith(cve));
    // One copy for the whole executive team (a channel) must suit the CEO too: no CVE.
    PackDocument team = POLICY.redactForAudience(exec, List.of("ceo", "ciso"));
    assertThat(new PackRenderer().render(team, PackFormat.MD)).doesNotContain(cve);
  }
}
