package io.companyos.examples.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.config.CompanyFolder;
import io.companyos.model.pack.PackDefinition;
import io.companyos.render.MetricValue;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackSection;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample company's six SLOs written by hand as OpenSLO files (src/main/resources/sample-company/slos) give the ops
 * review the same SLO rows as the sample's own SLO series and targets: same services, targets, attainment and budget
 * left, and the same burn-rate tier.
 */
class SampleSlosAsOpenSloTest {
  static final Instant AS_OF = Instant.parse("2026-11-23T09:00:00Z");
  static final Path FOLDER = Path.of("src", "main", "resources", "sample-company");

  /** A pack with the ops review's SLO section and the tier column shown, for a company with or without specs. */
  static final String TIER_PACK = """
      name: "SLO rows"
      schedule: "0 8 * * 1"
      recipients:
        - role: sre_team
      sections:
        - type: slo_performance
          burn_tier: shown
      """;

  static List<List<MetricValue>> sloRows(CompanyDefinition company, String packId) {
    PackDefinition pack = company.pack(packId).orElseThrow();
    try (Sources sources = SourceRegistry.discover().openDefault(Clock.fixed(AS_OF, ZoneOffset.UTC))) {
      PackSection slo = new PackAssembler(company, sources.all()).assemble(pack, AS_OF, ZoneId.of("UTC"))
          .section("slo_performance").orElseThrow();
      assertThat(slo.available()).as(String.valueOf(slo.unavailableReason())).isTrue();
      return slo.tables().get(0).rows();
    }
  }

  /** Each spec row equals the recording-rule row of the same service in its first {@code columns} cells. */
  static void sameRows(List<List<MetricValue>> builtin, List<List<MetricValue>> fromSpecs, int columns) {
    // The recording-rule rows are sorted by service; the spec rows come in file order (edge, then platform).
    assertThat(builtin).extracting(r -> r.get(0).text())
        .containsExactly("api-gateway", "billing", "checkout", "identity", "notifications", "search");
    assertThat(fromSpecs).extracting(r -> r.get(0).text())
        .containsExactly("api-gateway", "checkout", "search", "identity", "billing", "notifications");
    for (List<MetricValue> spec : fromSpecs) {
      List<MetricValue> rule = builtin.stream().filter(r -> r.get(0).text().equals(spec.get(0).text())).findFirst().orElseThrow();
      for (int col = 0; col < columns; col++) {
        assertThat(spec.get(col).text()).as(spec.get(0).text() + " column " + col).isEqualTo(rule.get(col).text());
        assertThat(spec.get(col).value()).as(spec.get(0).text() + " column " + col).isEqualTo(rule.get(col).value());
      }
      // Only the evidence says where the numbers came from: the spec's counts and file.
      assertThat(spec.get(2).evidence()).singleElement().asString().contains("openslo.yaml:");
    }
  }

  @Test
  void theOpsReviewShowsTheSameSloRowsFromTheOpenSloFiles(@TempDir Path dir) throws IOException {
    Path withSpecs = dir.resolve("with-specs");
    Path without = dir.resolve("without");
    Files.createDirectories(withSpecs.resolve("slos"));
    try (var files = Files.list(FOLDER.resolve("slos"))) {
      for (Path f : files.toList()) {
        Files.copy(f, withSpecs.resolve("slos").resolve(f.getFileName()));
      }
    }
    for (Path d : List.of(withSpecs, without)) {
      Files.createDirectories(d.resolve("meeting-packs"));
      Files.writeString(d.resolve("meeting-packs/slo-rows.yaml"), TIER_PACK);
    }
    CompanyDefinition specs = CompanyFolder.of(List.of(withSpecs)).load();
    CompanyDefinition builtin = CompanyFolder.of(List.of(without)).load();
    assertThat(specs.slos().slos()).extracting(s -> s.name())
        .containsExactly("api-gateway", "checkout", "search", "identity", "billing", "notifications");
    assertThat(specs.slos().warnings()).isEmpty();
    assertThat(builtin.slos().slos()).isEmpty();

    // The ops review: service, target, actual and budget remaining alike (with specs it adds the tier column).
    List<List<MetricValue>> ops = sloRows(specs, "ops-review");
    assertThat(ops).allMatch(r -> r.size() == 5);
    sameRows(sloRows(builtin, "ops-review"), ops, 4);
    // The tier column shown for both: the same tiers, from the same hourly counts.
    sameRows(sloRows(builtin, "slo-rows"), sloRows(specs, "slo-rows"), 5);
  }
}
