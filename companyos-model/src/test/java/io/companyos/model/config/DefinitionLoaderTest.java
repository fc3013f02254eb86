package io.companyos.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.org.Roles;
import io.companyos.model.pack.SectionType;
import io.companyos.model.pack.SectionTypeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionLoaderTest {
  private final DefinitionLoader loader = new DefinitionLoader();

  @TempDir
  Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void aCompanyDirectoryAddsAndReplacesPacksOverTheBuiltinOnes() throws IOException {
    write("meeting-packs/ops-review.yaml", """
        name: "Our Ops Review"
        schedule: "30 7 * * 1"
        timezone: Europe/Berlin
        sections:
          - type: incident_summary
            severity: P1
        """);
    write("meeting-packs/team-sync.yaml", """
        name: "Team Sync"
        meeting: daily-standup
        lead_time: 2h
        sections:
          - type: stale_prs
        """);
    CompanyDefinition def = loader.load(List.of(dir));

    // 10 built-in packs, one replaced, one added: 11.
    assertThat(def.packIds()).hasSize(11).contains("team-sync");
    assertThat(def.pack("ops-review").orElseThrow().name()).isEqualTo("Our Ops Review");
    assertThat(def.pack("ops-review").orElseThrow().timezone().getId()).isEqualTo("Europe/Berlin");
    assertThat(def.pack("ops-review").orElseThrow().sections().get(0).stringList("severity")).containsExactly("P1");
    assertThat(def.rhythm()).isEqualTo(BuiltinDefinitions.load().rhythm());
  }

  @Test
  void everyProblemOfAFileIsReportedInLineOrder() throws IOException {
    Path pack = write("meeting-packs/broken.yaml", """
        name: "Broken"
        schedule: "0 25 * * 1"
        recipients:
          - role: sre_teams
        sections:
          - type: incident_summary
            lookback: 7days
          - type: recommendations
            threshold: 2
        delivery:
          - channel: pager
        """);
    List<ConfigProblem> problems = loader.validate(List.of(pack));
    // Line 2 cron hour 25, line 4 role, line 7 lookback, line 9 threshold above 1, line 11 channel.
    assertThat(problems).extracting(ConfigProblem::line).containsExactly(2, 4, 7, 9, 11);
    assertThat(problems).extracting(p -> p.code().code()).containsExactly(
        "COS-YAML-008", "COS-YAML-012", "COS-YAML-007", "COS-YAML-010", "COS-YAML-006");
    assertThat(problems.get(1).hint()).isEqualTo("did you mean 'sre_team'?");
  }

  @Test
  void loadThrowsAConfigExceptionCarryingTheProblems() throws IOException {
    Path checks = write("checks.yaml", "health_checks:\n  - name: x\n    query: q\n    threshold: \"6\"\n");
    assertThatThrownBy(() -> loader.load(List.of(checks)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(p -> p.code().code())
            .containsExactly("COS-YAML-003", "COS-YAML-009"));
  }

  @Test
  void replacingRolesChecksEveryReferenceAgainstTheNewRoles() throws IOException {
    Path roles = write("roles.yaml", "roles:\n  - id: ceo\n    name: CEO\n");
    List<ConfigProblem> problems = loader.validate(List.of(roles));
    assertThat(problems).isNotEmpty().allSatisfy(p -> {
      assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_ROLE);
      assertThat(p.file()).startsWith("classpath:companyos/");
    });
  }

  @Test
  void twoFilesOfTheSameKindClash() throws IOException {
    Path a = write("a/kpis.yaml", "kpis: []\n");
    Path b = write("b/kpis.yaml", "kpis: []\n");
    List<ConfigProblem> problems = loader.validate(List.of(a, b));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(ProblemCode.DUPLICATE_ID);
      assertThat(p.file()).isEqualTo(b.toString());
    });
  }

  @Test
  void anEmptyDirectoryOrANonUtf8FileIsAProblem() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(loader.validate(List.of(empty))).extracting(ConfigProblem::code).containsExactly(ProblemCode.UNREADABLE);
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});
    // "name: é" in Latin-1: 0xE9 is the seventh byte of line 1.
    assertThat(loader.validate(List.of(latin1))).extracting(ConfigProblem::oneLine)
        .containsExactly(latin1 + ":1:7: COS-YAML-025 the file is not UTF-8 text: byte 0xE9 at offset 6 (line 1)"
            + " is not valid UTF-8 (save it as UTF-8)");
  }

  @Test
  void parseDetectsTheKindOfAnyFile() {
    Object roles = loader.parse("team/roles.yaml", "roles:\n  - id: cto\n    name: CTO\n");
    assertThat(roles).isInstanceOf(Roles.class);
  }

  @Test
  void aCustomRegistryAcceptsACompanysOwnSectionType() {
    String yaml = "name: Custom\nschedule: \"0 9 * * 1\"\nsections:\n  - type: nps_by_segment\n";
    assertThatThrownBy(() -> loader.parsePack("p.yaml", "p", yaml)).isInstanceOf(ConfigException.class);
    DefinitionLoader custom = new DefinitionLoader(
        SectionTypeRegistry.builtin().with(SectionType.of("nps_by_segment", "NPS per segment", List.of())));
    assertThat(custom.parsePack("p.yaml", "p", yaml).sectionTypes()).containsExactly("nps_by_segment");
  }
}
