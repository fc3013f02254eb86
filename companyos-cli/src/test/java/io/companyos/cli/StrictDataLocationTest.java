package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In strict mode a bad row of a data file is reported where it is ({@code incidents.csv:6: COS-SRC-003 ...}) by every
 * command that renders packs: on stderr, once, and in the pack's n/a text (Markdown, the site's HTML, the Slack payload).
 */
class StrictDataLocationTest {
  private static final String HEADER = "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n";
  private static final String REPEAT = HEADER + "i1,2026-11-20T10:00:00Z,,P2,api,t,\ni2,2026-11-20T11:00:00Z,,P2,api,t,\n"
      + "i3,2026-11-20T12:00:00Z,,P2,api,t,\ni4,2026-11-20T13:00:00Z,,P2,api,t,\ni1,2026-11-20T10:00:00Z,,P2,api,t,\n";
  private static final String LINE = "incidents.csv:6: COS-SRC-003 incident_id: 'i1' repeats the row on line 2; ids must be unique";

  @TempDir Path dir;

  private Path sources(String incidents) throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/incidents.csv"), incidents);
    return Files.writeString(dir.resolve("sources.yaml"),
        "sources:\n  - id: warehouse\n    type: files\n    options:\n      dir: data\n  - id: demo\n    type: sample\n");
  }

  private static long count(String text, String line) {
    return text.lines().filter(line::equals).count();
  }

  private static String allFiles(Path root, String suffix) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
        sb.append(Files.readString(p));
      }
    }
    return sb.toString();
  }

  @Test
  void siteNamesTheBadRowOnStderrOnceAndInThePage() throws Exception {
    Path out = dir.resolve("site");
    MainTest.Result r = MainTest.run("site", "--sources", sources(REPEAT).toString(), "--out", out.toString(), "--history", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(count(r.err(), LINE)).as(r.err()).isEqualTo(1);
    assertThat(allFiles(out.resolve("dashboards"), ".html")).contains("incidents.csv:6: COS-SRC-003 incident_id: &#39;i1&#39; repeats");
  }

  @Test
  void deliverNamesTheBadRowOnStderrAndInThePayload() throws Exception {
    Path payloads = dir.resolve("payloads");
    MainTest.Result r = MainTest.run("deliver", "ops-review", "--dry-run", "--sources", sources(REPEAT).toString(),
        "--delivery-log", dir.resolve("log.csv").toString(), "--payloads", payloads.toString(), "--channel", "slack");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(count(r.err(), LINE)).as(r.err()).isEqualTo(1);
    // Slack's mrkdwn escaping puts a zero-width space after the underscore of "incident_id".
    assertThat(allFiles(payloads, ".json")).contains("n/a (incidents.csv:6: COS-SRC-003 incident_\u200bid: 'i1' repeats");
  }

  @Test
  void renderNamesAFileWithoutDataOnStderr() throws Exception {
    MainTest.Result r = MainTest.run("render", "ops-review", "--sources", sources("\n\n").toString(),
        "--out", dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err().lines().filter(l -> l.startsWith("incidents.csv: COS-SRC-003 ")).count()).as(r.err()).isEqualTo(1);
    assertThat(allFiles(dir.resolve("out"), ".md")).contains("incidents.csv: COS-SRC-003 ");
  }

  @Test
  void renderPrintsACellsEscapeSequenceEscaped() throws Exception {
    MainTest.Result r = MainTest.run("render", "ops-review", "--sources",
        sources(HEADER + "i1,\u001b]0;owned\u0007,,P2,api,t,\n").toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("incidents.csv:2: COS-SRC-003 ").contains("\\u001b]0;owned\\u0007")
        .doesNotContain("\u001b").doesNotContain("\u0007");
  }
}
