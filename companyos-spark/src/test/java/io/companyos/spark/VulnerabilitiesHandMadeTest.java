package io.companyos.spark;

import static io.companyos.spark.DoraHandMadeTest.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Vulnerability;
import io.companyos.scoring.security.RemediationSla;
import io.companyos.scoring.security.VulnerabilityStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Twenty findings with the vulnerability table of the week [2026-11-01, 2026-11-08) worked out by hand, with the default
 * SLA (critical 7, high 30, medium 90, low 180 days; past it means older than that at the week's end, 2026-11-08);
 * Spark and the Java reference must both give it.
 */
class VulnerabilitiesHandMadeTest {
  static final List<Vulnerability> FINDINGS = List.of(
      v("v01", "critical", "2026-10-31T00:00:00Z", null), // open, 8 days: past
      v("v02", "critical", "2026-11-01T00:00:00Z", null), // opened on the start, 7 days: not past
      v("v03", "critical", "2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z"), // opened and closed
      v("v04", "CRITICAL", "2026-11-07T23:00:00Z", "2026-11-08T00:00:00Z"), // resolved at the end: still open then
      v("v05", "high", "2026-10-01T00:00:00Z", null), // 38 days: past
      v("v06", "High", "2026-10-09T00:00:00Z", null), // exactly 30 days: not past
      v("v07", "high", "2026-10-20T00:00:00Z", "2026-11-05T00:00:00Z"), // closed
      v("v08", "high", "2026-11-08T00:00:00Z", null), // detected at the end: neither open nor opened
      v("v09", "medium", "2026-08-01T00:00:00Z", null), // 99 days: past
      v("v10", "medium", "2026-11-03T00:00:00Z", null), // opened, open
      v("v11", "medium", "2026-09-01T00:00:00Z", "2026-10-15T00:00:00Z"), // before the week
      v("v12", "low", "2026-05-01T00:00:00Z", null), // 191 days: past
      v("v13", "low", "2026-11-04T00:00:00Z", "2026-11-06T00:00:00Z"), // opened and closed
      v("v14", "Low", "2026-11-05T00:00:00Z", null), // opened, open
      v("v15", "unknown", "2026-01-01T00:00:00Z", null), // a severity not asked for
      v("v16", "medium", "2026-11-06T00:00:00Z", "2026-11-07T00:00:00Z"), // opened and closed
      v("v17", "critical", "2026-10-25T00:00:00Z", "2026-10-30T00:00:00Z"), // before the week
      v("v18", "high", "2026-11-01T12:00:00Z", null), // opened, open
      v("v19", "low", "2026-10-10T00:00:00Z", "2026-11-09T00:00:00Z"), // open at the end, 29 days
      v("v20", "critical", "2026-11-05T00:00:00Z", "2026-11-06T00:00:00Z")); // opened and closed

  @Test
  void sparkAndTheReferenceGiveTheHandWorkedTable() {
    List<String> severities = List.of("critical", "high", "medium", "low");
    List<VulnerabilityStats.Row> want = List.of(
        new VulnerabilityStats.Row("critical", 3, 4, 2, 1, 7), // open v01 v02 v04; opened v02 v03 v04 v20; closed v03 v20
        new VulnerabilityStats.Row("high", 3, 1, 1, 1, 30), // open v05 v06 v18; opened v18; closed v07; past v05
        new VulnerabilityStats.Row("medium", 2, 2, 1, 1, 90), // open v09 v10; opened v10 v16; closed v16; past v09
        new VulnerabilityStats.Row("low", 3, 2, 1, 1, 180)); // open v12 v14 v19; opened v13 v14; closed v13; past v12
    assertThat(VulnerabilityStats.table(FINDINGS, DoraHandMadeTest.WEEK, severities, RemediationSla.DEFAULT))
        .isEqualTo(want);
    assertThat(SparkKpis.over(LocalSpark.vulnerabilities(FINDINGS))
        .vulnerabilities(DoraHandMadeTest.WEEK, severities, RemediationSla.DEFAULT).value()).isEqualTo(want);
  }

  private static Vulnerability v(String id, String severity, String detected, String resolved) {
    return new Vulnerability(id, null, severity, "openssl", "finding " + id, t(detected),
        resolved == null ? null : t(resolved));
  }
}
