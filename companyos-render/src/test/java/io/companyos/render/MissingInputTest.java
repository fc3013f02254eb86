package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.source.SourceClaims;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A company without a vulnerability feed: only the numbers that need vulnerabilities are n/a. Compliance
 * and ABAC (metrics) stay, the Security dimension is scored from what it has and says what it lacks, and
 * the headline health score names the missing input instead of silently rescaling.
 */
class MissingInputTest {

  /** The sample company, serving every record kind but vulnerabilities. */
  static final class WithoutVulnerabilities implements MetricSource {
    private final MetricSource sample = SampleCompany.SOURCE;

    @Override
    public String id() {
      return "no-vulns";
    }

    @Override
    public SourceDescription describe() {
      return sample.describe();
    }

    @Override
    public SourceClaims claims() {
      return new SourceClaims(RecordKind.builtIn().stream().map(RecordKind::name)
          .filter(k -> !k.equals(RecordKind.VULNERABILITIES.name())).toList(), List.of(), "test");
    }

    @Override
    public Dataset<Series> instant(String query, Instant at) {
      return sample.instant(query, at);
    }

    @Override
    public Dataset<Series> range(String query, TimeWindow window, Duration step) {
      return sample.range(query, window, step);
    }

    @Override
    public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
      return sample.records(kind, window);
    }

    @Override
    public Optional<Instant> snapshotAsOf() {
      return sample.snapshotAsOf();
    }
  }

  private static PackDocument assemble(String pack) {
    return new PackAssembler(SampleCompany.COMPANY, List.of(new WithoutVulnerabilities()))
        .assemble(SampleCompany.COMPANY.pack(pack).orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
  }

  @Test
  void onlyTheSectionsThatNeedVulnerabilitiesAreUnavailable() {
    PackDocument doc = assemble("security-standup");
    String md = new PackRenderer().render(doc, PackFormat.MD);
    assertThat(md).contains("n/a (no source configured for vulnerabilities; COS-RND-001)");
    // ABAC coverage and compliance come from metrics and are shown with their values.
    assertThat(md).containsPattern("### ABAC Policy Coverage: \\d+\\.\\d%")
        .containsPattern("### Compliance Control Status: \\d+\\.\\d%");
    assertThat(doc.section("security_events").orElseThrow().available()).isTrue();
  }

  @Test
  void theHealthScoreNamesTheMissingInputPerDimension() {
    PackDocument doc = assemble("exec-review");
    String md = new PackRenderer().render(doc, PackFormat.MD);
    // The Security row is scored from compliance alone and says what it lacks.
    assertThat(md).contains("| Security | 79.3[^1] |")
        .contains("n/a (vulnerabilities: no source configured for vulnerabilities); compliance 93.80%");
    // 79.3 by hand: compliance 93.80 % on the standard model's linear rule from 70 % (0) to 100 % (100):
    // (0.938 - 0.70) / 0.30 = 0.7933 -> 79.3; the two vulnerability KPIs are absent, not zero.
    assertThat(md).containsPattern("\\*\\*Overall Health Score: \\d+\\.\\d/100 \\(Security: vulnerabilities n/a: no source "
        + "configured for vulnerabilities\\)");
  }
}
