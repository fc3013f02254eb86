package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.slo.specs.SloSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code companyos slos list} and {@code slos export}, and {@code validate} over a folder's slos/. */
class SlosCommandTest {
  static final String PYRRA = """
      apiVersion: pyrra.dev/v1alpha1
      kind: ServiceLevelObjective
      metadata:
        name: notifications-errors
        labels:
          service: notifications
      spec:
        target: "99"
        window: 4w
        indicator:
          ratio:
            errors:
              metric: notifications_sent_total{status="error"}
            total:
              metric: notifications_sent_total
      ---
      apiVersion: pyrra.dev/v1alpha1
      kind: ServiceLevelObjective
      metadata:
        name: api-latency-native
      spec:
        target: "99"
        window: 4w
        indicator:
          latencyNative:
            latency: "1s"
            total:
              metric: http_request_duration_seconds{job="api"}
      """;

  static Path folder(Path dir, String slo) throws IOException {
    Path company = dir.resolve("acme");
    Files.createDirectories(company.resolve("slos"));
    Files.writeString(company.resolve("slos/pyrra.yaml"), slo);
    return company;
  }

  @Test
  void listShowsEachSloAndWarningsGoToStderr(@TempDir Path dir) throws IOException {
    Path company = folder(dir, PYRRA);
    MainTest.Result r = MainTest.run("slos", "list", "--config", company.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSize(2);
    assertThat(r.out().lines().findFirst().orElseThrow())
        .startsWith("notifications-errors\tnotifications\t99%\t28d\tOccurrences\tcounter ratio on prometheus\t")
        .endsWith("pyrra.yaml:1:1 (Pyrra)");
    assertThat(r.out()).contains("api-latency-native\tapi-latency-native\t99%\t28d\tOccurrences\tn/a (a native-histogram latency");
    assertThat(r.err()).contains("pyrra.yaml:26:7: COS-SLO-004");
  }

  @Test
  void exportWritesOpenSloThatReadsBackToTheSameSlos(@TempDir Path dir) throws IOException {
    Path company = folder(dir, PYRRA);
    Path out = dir.resolve("slos.openslo.yaml");
    MainTest.Result r = MainTest.run("slos", "export", "--format", "openslo", "--out", out.toString(), "--config", company.toString());
    assertThat(r.code()).as(r.err()).isZero();
    SloSpecs back = SloSpecs.read(java.util.List.of(out));
    // The native-histogram SLO is not computed, so it is written as a comment only.
    assertThat(back.slos()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("notifications-errors");
      assertThat(s.service()).isEqualTo("notifications");
      assertThat(s.objective()).isEqualTo(0.99);
    });
    assertThat(Files.readString(out)).contains("# api-latency-native: not written (a native-histogram latency indicator is not computed yet)");
  }

  @Test
  void validateReportsABadSpecLocated(@TempDir Path dir) throws IOException {
    Path company = folder(dir, PYRRA.replace("target: \"99\"\n  window: 4w\n  indicator:\n    ratio", "target: \"100\"\n  window: 4w\n  indicator:\n    ratio"));
    MainTest.Result r = MainTest.run("validate", company.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("pyrra.yaml:8:11: COS-SLO-001 target 100% is outside (0, 1)");
  }
}
