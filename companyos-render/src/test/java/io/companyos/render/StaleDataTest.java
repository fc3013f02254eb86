package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.source.SourceSpec;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incidents export that stopped on 2026-11-10 read on 2026-11-23: the sections built from it say
 * their data ends 13 days before the as-of, the pack header counts them, and the sections of fresh
 * sources are not marked.
 */
class StaleDataTest {
  @TempDir Path dir;

  /** One P3 incident a day, 2026-11-01 .. 2026-11-10, each resolved two hours later. */
  private void writeIncidents() throws IOException {
    StringBuilder csv = new StringBuilder("incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n");
    for (int d = 1; d <= 10; d++) {
      csv.append(String.format("INC-%d,2026-11-%02dT08:00:00Z,2026-11-%02dT10:00:00Z,P3,search,search: slow,%n", d, d, d));
    }
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/incidents.csv"), csv.toString());
  }

  private PackDocument render(SourceSpec files) throws IOException {
    writeIncidents();
    Sources sources = SourceRegistry.discover().open(List.of(files,
        SourceSpec.of("sample", "sample", Map.of())), Clock.fixed(SampleCompany.AS_OF, SampleCompany.UTC), dir);
    try (sources) {
      return new PackAssembler(SampleCompany.COMPANY, sources.all())
          .assemble(SampleCompany.COMPANY.pack("ops-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    }
  }

  private static SourceSpec exports(Duration staleAfter) {
    return new SourceSpec("exports", "files", Map.of("dir", "data"), SourceSpec.DEFAULT_TIMEOUT, 0,
        new io.companyos.model.source.SourceClaims(List.of(RecordKind.INCIDENTS.name()), List.of(), "sources.yaml:2:5",
            staleAfter));
  }

  @Test
  void sectionsReadFromAnExportThatStoppedSaySoAndThePackCountsThem() throws IOException {
    PackDocument doc = render(exports(null));
    // Ten rows over 9 days: one a day, so up to 5 days without a row is normal (5 x the spacing > the
    // 3-day default); the export ends 2026-11-10T08:00Z, 13 days and 1 hour before the as-of 2026-11-23T09:00Z.
    String notice = "data of incidents.csv (exports) ends 2026-11-10, 13 days before the as-of";
    assertThat(doc.section("incident_summary").orElseThrow().stale()).isEqualTo(notice);
    assertThat(doc.section("slo_performance").orElseThrow().stale()).isNull();
    assertThat(doc.section("action_items").orElseThrow().stale()).isNull();
    assertThat(doc.sections().stream().filter(PackSection::isStale)).extracting(PackSection::type)
        .containsExactly("incident_summary");
    assertThat(doc.availabilityLine()).isEqualTo("5 of 5 sections available, 1 stale");
    String md = new PackRenderer().render(doc, PackFormat.MD);
    assertThat(md).contains("_5 of 5 sections available, 1 stale · as of 2026-11-23T09:00:00Z")
        .contains("**Stale:** " + notice);
    assertThat(new PackRenderer().render(doc, PackFormat.JSON)).contains("\"stale\" : \"" + notice + "\"");
  }

  @Test
  void theHealthScoreNamesItsStaleInputPerDimension() throws IOException {
    writeIncidents();
    Sources sources = SourceRegistry.discover().open(List.of(exports(null), SourceSpec.of("sample", "sample", Map.of())),
        Clock.fixed(SampleCompany.AS_OF, SampleCompany.UTC), dir);
    PackDocument doc;
    try (sources) {
      doc = new PackAssembler(SampleCompany.COMPANY, sources.all())
          .assemble(SampleCompany.COMPANY.pack("exec-review").orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
    }
    String md = new PackRenderer().render(doc, PackFormat.MD);
    // The exec review scores November 1-22: the incidents stop on the 10th, 13 days before the as-of; every
    // dimension is still scored, and Reliability says which of its inputs stopped.
    String stale = "incidents stale (data of incidents.csv (exports) ends 2026-11-10, 13 days before the as-of)";
    assertThat(md).containsPattern("\\*\\*Overall Health Score: \\d+\\.\\d/100 \\(Reliability: "
        + java.util.regex.Pattern.quote(stale) + "\\)");
    assertThat(md).contains("stale incidents: data of incidents.csv (exports) ends 2026-11-10, 13 days before the as-of");
  }

  @Test
  void aSourcesFreshnessLimitIsHonoured() throws IOException {
    // The company says this export may be up to three weeks old: nothing is marked.
    PackDocument doc = render(exports(Duration.ofDays(21)));
    assertThat(doc.section("incident_summary").orElseThrow().stale()).isNull();
    assertThat(doc.availabilityLine()).isEqualTo("5 of 5 sections available");
  }

  @Test
  void theCoverageRuleAllowsFiveTimesTheSpacingOfTheRows() {
    Instant first = Instant.parse("2026-10-01T00:00:00Z");
    Instant last = Instant.parse("2026-11-01T00:00:00Z");
    // Two monthly points: spacing 31 days, so 155 days may pass before the series is stale.
    Provenance.Coverage monthly = new Provenance.Coverage(first, last, 2, null);
    assertThat(monthly.staleBy(last.plus(Duration.ofDays(155)))).isEmpty();
    assertThat(monthly.staleBy(last.plus(Duration.ofDays(156)))).contains(Duration.ofDays(156));
    // Hourly points: the 3-day default applies (a weekend without rows is not stale).
    Provenance.Coverage hourly = new Provenance.Coverage(last.minus(Duration.ofHours(99)), last, 100, null);
    assertThat(hourly.staleBy(last.plus(Duration.ofHours(72)))).isEmpty();
    assertThat(hourly.staleBy(last.plus(Duration.ofHours(73)))).contains(Duration.ofHours(73));
    // A source's own limit replaces the default: 12 hours.
    assertThat(hourly.withStaleAfter(Duration.ofHours(12)).staleBy(last.plus(Duration.ofHours(13)))).contains(Duration.ofHours(13));
  }
}
