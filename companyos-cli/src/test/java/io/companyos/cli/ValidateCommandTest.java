package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir
  Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void builtinDefinitionsAreValid() {
    MainTest.Result r = MainTest.run("validate", "--builtin");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("valid");
  }

  @Test
  void noPathAndNoBuiltinIsAUsageError() {
    MainTest.Result r = MainTest.run("validate");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("--builtin");
  }

  @Test
  void aBrokenPackGivesOneLocatedLinePerProblem() throws IOException {
    Path pack = write("meeting-packs/weekly.yaml", """
        name: "Weekly"
        schedule: "0 8 * * 1"
        sections:
          - type: incident_summary
            lookbak: 7d
          - type: slo_performanse
        """);
    MainTest.Result r = MainTest.run("validate", pack.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    // 'lookbak' is the key on line 5, column 5; the bad type value on line 6 starts at column 11.
    assertThat(r.err()).contains(pack + ":5:5: COS-YAML-002 unknown key 'lookbak' in section 'incident_summary'"
        + " (did you mean 'lookback'?)");
    assertThat(r.err()).contains(pack + ":6:11: COS-YAML-011 unknown section type 'slo_performanse'"
        + " (did you mean 'slo_performance'?)");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aValidDirectoryExitsZero() throws IOException {
    write("packs/meeting-packs/standup.yaml", """
        name: "Standup"
        schedule: "0 8 * * 1-5"
        recipients:
          - role: engineering_team
        sections:
          - type: health_snapshot
        """);
    MainTest.Result r = MainTest.run("validate", dir.resolve("packs").toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
  }

  @Test
  void jsonFormatPrintsTheProblemsOnStdout() throws IOException {
    Path checks = write("health-checks.yaml", """
        health_checks:
          - name: "Burn"
            query: "q"
            threshold: "about 6"
            action: "page_oncall"
        """);
    MainTest.Result r = MainTest.run("validate", "--format", "json", checks.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("valid").asBoolean()).isFalse();
    JsonNode first = report.get("problems").get(0);
    assertThat(first.get("code").asText()).isEqualTo("COS-YAML-009");
    // The threshold value sits on line 4 after "    threshold: " (15 characters), so column 16.
    assertThat(first.get("line").asInt()).isEqualTo(4);
    assertThat(first.get("column").asInt()).isEqualTo(16);
  }

  @Test
  void aMissingFileIsAProblemNotAStackTrace() {
    MainTest.Result r = MainTest.run("validate", dir.resolve("nope.yaml").toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err()).contains("COS-YAML-025").doesNotContain("\tat ");
  }

  @Test
  void unknownFormatIsAUsageError() {
    MainTest.Result r = MainTest.run("validate", "--builtin", "--format", "xml");
    assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void aKeyWithTerminalEscapesIsQuotedEscaped() throws IOException {
    // A double-quoted YAML key may hold ESC (\e); the problem line shows it as \u001b, never raw.
    Path pack = write("meeting-packs/weekly.yaml", """
        name: "Weekly"
        schedule: "0 8 * * 1"
        "x\\e[2J": 1
        sections:
          - type: incident_summary
        """);
    MainTest.Result r = MainTest.run("validate", pack.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err()).contains("COS-YAML-002").contains("'x\\u001b[2J'").doesNotContain("\u001b");
  }

  @Test
  void anUnknownSourceTypeOrModeIsALocatedProblem() throws IOException {
    Path sources = write("sources.yaml", """
        sources:
          - id: ops
            type: filez
          - id: data
            type: files
            options:
              dir: data
              mode: lenien
        """);
    MainTest.Result r = MainTest.run("validate", sources.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    // The type's value is on line 3, column 11; the mode's value on line 8, column 13.
    assertThat(r.err()).contains(sources + ":3:11: COS-YAML-031 source 'ops': no metric-source provider of type 'filez';"
        + " available: ").contains("files");
    assertThat(r.err()).contains(sources + ":8:13: COS-YAML-031 source 'data': mode 'lenien' is neither strict nor lenient");
    assertThat(r.err()).contains("2 problems found");
  }

  /**
   * A token in a source URL's query: refused, located, by {@code validate} and before {@code render} reads anything;
   * the token appears on neither stream nor in any file written.
   */
  @Test
  void aTokenInASourceUrlIsRefusedAndNeverShown() throws IOException {
    Path sources = write("sources.yaml", """
        sources:
          - id: prom
            type: prometheus
            options:
              url: https://prom.example.com/api?access_token=tok3nSECRET
        """);
    // The URL is on line 5; "      url: " is 11 characters, so its value starts at column 12.
    String located = sources + ":5:12: COS-YAML-030 ";
    MainTest.Result v = MainTest.run("validate", sources.toString());
    assertThat(v.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(v.err()).contains(located + "option 'url': the URL carries a credential in its query ('access_token')",
        "1 problem found");
    Path out = dir.resolve("out");
    MainTest.Result r = MainTest.run("render", "--all", "--sources", sources.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err()).contains(located);
    for (MainTest.Result each : new MainTest.Result[] {v, r}) {
      assertThat(each.out() + each.err()).doesNotContain("tok3nSECRET", "tok3n");
    }
    // Nothing was rendered, so nothing can hold it; and no file anywhere under the folder but the definition does.
    assertThat(out).doesNotExist();
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(sources)).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain("tok3nSECRET");
      }
    }
  }
}
