package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.source.SourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("sources.yaml"), yaml);
  }

  @Test
  void readsSourcesWithDefaultsForTimeoutAndRetries() throws IOException {
    Path f = write("""
        sources:
          - id: sample
            type: sample
          - id: prom
            type: prometheus
            timeout: 30s
            retries: 0
            options:
              url: http://localhost:9090
              token_env: PROM_TOKEN
        """.replace("30s", "30m"));
    List<SourceSpec> specs = new DefinitionLoader().loadSources(f);
    assertThat(specs).containsExactly(
        new SourceSpec("sample", "sample", Map.of(), SourceSpec.DEFAULT_TIMEOUT, SourceSpec.DEFAULT_RETRIES),
        new SourceSpec("prom", "prometheus", Map.of("url", "http://localhost:9090", "token_env", "PROM_TOKEN"),
            Duration.ofMinutes(30), 0));
  }

  @Test
  void aSecretWrittenInTheFileIsRefusedWithoutEchoingIt() throws IOException {
    Path f = write("""
        sources:
          - id: prom
            type: prometheus
            options:
              api_key: hunter2
        """);
    assertThatThrownBy(() -> new DefinitionLoader().loadSources(f))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          ConfigProblem p = e.problems().get(0);
          assertThat(p.code()).isEqualTo(ProblemCode.INVALID_VALUE);
          assertThat(p.line()).isEqualTo(5);
          assertThat(p.oneLine()).contains("api_key_env").doesNotContain("hunter2");
        });
  }

  @Test
  void unknownKeysSuggestTheClosestOne() throws IOException {
    Path f = write("""
        sources:
          - id: prom
            typ: prometheus
        """);
    assertThatThrownBy(() -> new DefinitionLoader().loadSources(f))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p.oneLine()).contains("'typ'").contains("did you mean 'type'")));
  }

  @Test
  void aSourcesFileIsRecognisedByValidate() throws IOException {
    Path f = write("sources:\n  - id: s\n    type: sample\n");
    assertThat(new DefinitionLoader().validate(List.of(f))).isEmpty();
  }

  @Test
  void sourcesClaimRecordKindsAndMetricPatterns() throws IOException {
    Path f = write("""
        sources:
          - id: exports
            type: files
            options:
              dir: data
            records: [incidents, deployments]
          - id: prom
            type: prometheus
            options:
              url: http://localhost:9090
            metrics: "companyos:*"
          - id: sample
            type: sample
        """);
    List<SourceSpec> specs = new DefinitionLoader().loadSources(f);
    assertThat(specs.get(0).claims().records()).containsExactly("incidents", "deployments");
    assertThat(specs.get(0).claims().location()).isEqualTo(f + ":2:5");
    assertThat(specs.get(1).claims().metrics()).containsExactly("companyos:*");
    assertThat(specs.get(1).claims().matchesMetric("companyos:service:error_budget_burn_rate:ratio")).isTrue();
    assertThat(specs.get(1).claims().matchesMetric("http_requests_total")).isFalse();
    assertThat(specs.get(2).claims()).isEqualTo(io.companyos.model.source.SourceClaims.NONE);
  }

  @Test
  void aRecordKindClaimedByTwoSourcesIsAnAmbiguousRouteAtItsLine() throws IOException {
    Path f = write("""
        sources:
          - id: exports
            type: files
            options:
              dir: data
            records: [incidents]
          - id: more
            type: files
            options:
              dir: more
            records: [costs, incidents]
        """);
    assertThatThrownBy(() -> new DefinitionLoader().loadSources(f))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          ConfigProblem p = e.problems().get(0);
          assertThat(p.code()).isEqualTo(ProblemCode.DUPLICATE_ID);
          assertThat(p.line()).isEqualTo(11);
          assertThat(p.column()).isEqualTo(14);
          assertThat(p.message()).isEqualTo("record kind 'incidents' is claimed by sources 'exports' and 'more', "
              + "so its route is ambiguous");
        });
  }

  @Test
  void aRecordKindMustBeAName() throws IOException {
    Path f = write("""
        sources:
          - id: exports
            type: files
            records: [Incidents.csv]
        """);
    assertThatThrownBy(() -> new DefinitionLoader().loadSources(f))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems().get(0).oneLine())
            .contains(":4:14: COS-YAML-027 'Incidents.csv' is not a record kind name"));
  }

  @Test
  void aTokenInASourceUrlIsRefusedWithoutEchoingIt() throws IOException {
    Path f = write("""
        sources:
          - id: prom
            type: prometheus
            options:
              url: https://prom.example.com/?access_token=tok3nVALUE
          - id: other
            type: prometheus
            options:
              url: https://reader:pa55word@prom.example.com/
        """);
    assertThatThrownBy(() -> new DefinitionLoader().loadSources(f))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.problems()).hasSize(2).allSatisfy(p -> assertThat(p.code()).isEqualTo(ProblemCode.SECRET_IN_URL));
          assertThat(e.problems().get(0).oneLine()).contains(":5:", "COS-YAML-030",
              "option 'url': the URL carries a credential in its query ('access_token')");
          assertThat(e.problems().get(1).oneLine()).contains(":9:", "the URL carries a user name or password");
          assertThat(e.getMessage()).doesNotContain("tok3nVALUE", "pa55word");
          e.problems().forEach(p -> assertThat(p.oneLine()).doesNotContain("tok3nVALUE", "pa55word"));
        });
  }
}
