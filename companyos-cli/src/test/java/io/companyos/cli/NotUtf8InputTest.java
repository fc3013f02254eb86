package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file saved as Latin-1 (here "é" as the single byte 0xE9) is reported where its first bad byte is, as
 * {@code file:line:col: CODE the file is not UTF-8 text ...}, by every command that reads one; never as the JDK's
 * bare "Input length = 1".
 */
class NotUtf8InputTest {
  @TempDir Path dir;

  /** {@code before}, then 0xE9, then {@code after}. */
  private Path latin1(String name, String before, String after) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(before.getBytes(StandardCharsets.US_ASCII));
    b.write(0xE9);
    b.write(after.getBytes(StandardCharsets.US_ASCII));
    Path f = dir.resolve(name);
    Files.write(f, b.toByteArray());
    return f;
  }

  /** Exit 1 and the located line on stderr, never the decoder's own message ("Input length = 1"). */
  private static void locatedProblem(MainTest.Result r, String line) {
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err()).doesNotContain("Input length").doesNotContain("MalformedInput").contains(line);
  }

  @Test
  void checkWithAChecksFileThatIsNotUtf8() throws Exception {
    // Line 1 is "health_checks:\n" (15 bytes); on line 2 "  - name: Caf" is 13 bytes, so 0xE9 is byte 28, column 14.
    Path checks = latin1("health-checks.yaml", "health_checks:\n  - name: Caf", "\n");
    MainTest.Result r = MainTest.run("check", "--once", "--checks", checks.toString(),
        "--state", dir.resolve("state.json").toString());
    locatedProblem(r, checks + ":2:14: COS-YAML-025 the file is not UTF-8 text: byte 0xE9 at offset 28 (line 2)"
        + " is not valid UTF-8 (save it as UTF-8)");
  }

  @Test
  void checkWithSettingsThatAreNotUtf8() throws Exception {
    // Line 1 is 30 bytes with its newline; "COMPANYOS_SLACK_CHANNEL=#caf" is 28 more: 0xE9 is byte 58, on line 2.
    Path settings = latin1("actions.properties", "COMPANYOS_SMTP_HOST=127.0.0.1\nCOMPANYOS_SLACK_CHANNEL=#caf", "\n");
    MainTest.Result r = MainTest.run("check", "--once", "--settings", settings.toString(),
        "--state", dir.resolve("state.json").toString());
    locatedProblem(r, settings + ":2: COS-DLV-003 cannot read the settings file: the file is not UTF-8 text:"
        + " byte 0xE9 at offset 58 (line 2) is not valid UTF-8 (save it as UTF-8)");
  }

  @Test
  void scoreAnomaliesWithASeriesThatIsNotUtf8() throws Exception {
    // "timestamp,value\n" is 16 bytes, "2014-07-01 00:00:00,1\n" 22: line 3 starts at 38; 0xE9 is its 11th byte.
    Path csv = latin1("series.csv", "timestamp,value\n2014-07-01 00:00:00,1\n2014-07-01", " 00:05:00,2\n");
    MainTest.Result r = MainTest.run("score", "anomalies", "--input", csv.toString());
    locatedProblem(r, csv + ":3:11: COS-CSV-004 the file is not UTF-8 text: byte 0xE9 at offset 48"
        + " (line 3) is not valid UTF-8 (save it as UTF-8)");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void renderWithAnOverrideTemplateThatIsNotUtf8() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    // "# Ops review\n" is 13 bytes; "Caf" 3 more: 0xE9 is byte 16, line 2, column 4.
    Path template = Files.move(latin1("ops-review.md", "# Ops review\nCaf", "\n"), templates.resolve("ops-review.md"));
    MainTest.Result r = MainTest.run("render", "ops-review", "--templates", templates.toString(),
        "--out", dir.resolve("out").toString());
    locatedProblem(r, template + ":2:4: COS-TPL-002 cannot read template: the file is not UTF-8 text:"
        + " byte 0xE9 at offset 16 (line 2) is not valid UTF-8 (save it as UTF-8)");
  }

  @Test
  void renderWithSourcesThatAreNotUtf8() throws Exception {
    // "sources:\n" is 9 bytes; "  - id: caf" 11 more: 0xE9 is byte 20, line 2, column 12.
    Path sources = latin1("sources.yaml", "sources:\n  - id: caf", "\n    type: sample\n");
    MainTest.Result r = MainTest.run("render", "ops-review", "--sources", sources.toString(),
        "--out", dir.resolve("out").toString());
    locatedProblem(r, sources + ":2:12: COS-YAML-025 the file is not UTF-8 text: byte 0xE9 at offset 20 (line 2)"
        + " is not valid UTF-8 (save it as UTF-8)");
  }
}
