package io.companyos.model.slo.specs;

import io.companyos.model.slo.SloIndicator;
import io.companyos.model.slo.SloSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.config.CompanyFolder;
import io.companyos.model.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code slos:} entry of sources.yaml: files and folders of specs besides the folder's slos/. */
class SlosEntryTest {
  static final String SOURCES = """
      sources:
        - id: sample
          type: sample
      slos:
        - ../platform/slos
        - ../payments.sloth.yaml
      """;

  @Test
  void filesAndFoldersNamedRelativeToSourcesYamlAreReadWithTheFoldersOwn(@TempDir Path dir) throws IOException {
    Path company = Files.createDirectories(dir.resolve("acme"));
    Files.createDirectories(company.resolve("slos"));
    Files.copy(SloSpecsTest.fixture("openslo.yaml"), company.resolve("slos/openslo.yaml"));
    Files.createDirectories(dir.resolve("platform/slos/k8s"));
    Files.copy(SloSpecsTest.fixture("pyrra.yaml"), dir.resolve("platform/slos/k8s/pyrra.yaml"));
    Files.copy(SloSpecsTest.fixture("sloth.yaml"), dir.resolve("payments.sloth.yaml"));
    Files.writeString(company.resolve("sources.yaml"), SOURCES);
    SloSpecs slos = CompanyFolder.of(List.of(company)).load().slos();
    // 3 from the folder's slos/, 4 Pyrra from the named folder, 2 Sloth from the named file.
    assertThat(slos.slos()).extracting(SloSpec::name).containsExactly("checkout-availability", "search-errors", "search-latency",
        "notifications-errors", "api-latency", "probe-up", "api-latency-native", "payments-requests-availability", "payments-ratio");
  }

  @Test
  void aPathThatIsNotThereIsALocatedError(@TempDir Path dir) throws IOException {
    Path company = Files.createDirectories(dir.resolve("acme"));
    Files.writeString(company.resolve("sources.yaml"), SOURCES);
    Files.createDirectories(dir.resolve("platform/slos"));
    assertThatThrownBy(() -> CompanyFolder.of(List.of(company)).load()).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement().satisfies(p -> {
          assertThat(p.file()).endsWith("sources.yaml");
          assertThat(p.line()).isEqualTo(6); // "  - ../payments.sloth.yaml"
          assertThat(p.column()).isEqualTo(5);
          assertThat(p.code().code()).isEqualTo("COS-SLO-005");
          assertThat(p.message()).startsWith("slos: '../payments.sloth.yaml' is no file or folder");
        }));
  }

  static final String CHECKS = """
      health_checks:
        - name: Checkout budget
          slo: checkout-availabilty
          measure: budget_remaining
          threshold: "< 0.25"
          action: page_oncall
      """;

  @Test
  void aCheckOnAnSloNoSpecNamesIsALocatedErrorWithTheNearestName(@TempDir Path dir) throws IOException {
    Path company = Files.createDirectories(dir.resolve("acme"));
    Files.createDirectories(company.resolve("slos"));
    Files.copy(SloSpecsTest.fixture("openslo.yaml"), company.resolve("slos/openslo.yaml"));
    Files.writeString(company.resolve("health-checks.yaml"), CHECKS);
    assertThatThrownBy(() -> CompanyFolder.of(List.of(company)).load()).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement().satisfies(p -> {
          assertThat(p.file()).endsWith("health-checks.yaml");
          assertThat(p.line()).isEqualTo(3); // "    slo: checkout-availabilty"
          assertThat(p.column()).isEqualTo(10);
          assertThat(p.code().code()).isEqualTo("COS-YAML-032");
          assertThat(p.message()).isEqualTo("no SLO spec is named 'checkout-availabilty' (health check 'Checkout budget')");
          assertThat(p.hint()).contains("checkout-availability");
        }));
  }

  @Test
  void aCheckOnAnSloWithNoSpecsAtAllSaysSo(@TempDir Path dir) throws IOException {
    Path company = Files.createDirectories(dir.resolve("acme"));
    Files.writeString(company.resolve("health-checks.yaml"), CHECKS);
    assertThatThrownBy(() -> CompanyFolder.of(List.of(company)).load()).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement()
            .satisfies(p -> assertThat(p.hint()).startsWith("no SLO specs are configured")));
  }

  @Test
  void aCheckOnAnSloThatASpecNamesLoads(@TempDir Path dir) throws IOException {
    Path company = Files.createDirectories(dir.resolve("acme"));
    Files.createDirectories(company.resolve("slos"));
    Files.copy(SloSpecsTest.fixture("openslo.yaml"), company.resolve("slos/openslo.yaml"));
    Files.writeString(company.resolve("health-checks.yaml"), CHECKS.replace("availabilty", "availability"));
    assertThat(CompanyFolder.of(List.of(company)).load().healthChecks().checks())
        .anySatisfy(c -> assertThat(c.query()).isEqualTo("slo checkout-availability budget_remaining"));
  }
}
