package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company's own folder from {@code companyos init}, with one edited pack, its own RACI, checks,
 * KPIs and people, and a sources.yaml mixing exported files (incidents) with the sample company:
 * every command uses the company's definitions, and every footnote names the source that served it.
 */
class OwnCompanyEndToEndTest {
  static final String AS_OF = "2026-11-23T09:00:00Z";

  @TempDir static Path dir;
  static Path folder;

  @BeforeAll
  static void initAndEdit() throws IOException {
    folder = dir.resolve("acme");
    MainTest.Result init = MainTest.run("init", folder.toString());
    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.out()).startsWith("wrote 20 files into " + folder + "/");

    edit("meeting-packs/ops-review.yaml", "name: \"Weekly Ops Review\"", "name: \"Platform Ops Review\"");
    edit("raci.yaml", "activity: \"Weekly Ops Review\"", "activity: \"Platform Reliability Review\"");
    // A renamed RACI activity is renamed where recommendation rules name it too (validate says where otherwise).
    edit("recommendations.yaml", "activity: \"Weekly Ops Review\"", "activity: \"Platform Reliability Review\"");
    edit("health-checks.yaml", "name: \"Active Incidents\"", "name: \"Open Incidents Now\"");
    edit("kpis.yaml", "name: \"Decision Time (avg)\"", "name: \"Time To Decide\"");
    edit("directory.csv", "email,name,roles\n", "email,name,roles\nops-desk@acme.test,Ops Desk,sre_team\n");

    // Incidents come from the company's exported files; everything else from the sample company.
    MainTest.Result export = MainTest.run("sample", "export", dir.resolve("export").toString());
    assertThat(export.code()).as(export.err()).isZero();
    Files.createDirectories(folder.resolve("data"));
    Files.copy(dir.resolve("export/incidents.csv"), folder.resolve("data/incidents.csv"));
    Files.writeString(folder.resolve("sources.yaml"), """
        sources:
          - id: acme-exports
            type: files
            options:
              dir: data
            records: [incidents]
          - id: sample
            type: sample
        """);
    MainTest.Result valid = MainTest.run("validate", folder.toString());
    assertThat(valid.code()).as(valid.err()).isZero();
  }

  private static void edit(String file, String from, String to) throws IOException {
    Path p = folder.resolve(file);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replace(from, to));
  }

  @Test
  void renderUsesTheEditedPackFoundByNameAndEveryFootnoteNamesItsServingSource() throws IOException {
    Path out = dir.resolve("packs");
    MainTest.Result r = MainTest.run("render", "Platform Ops Review", "--config", folder.toString(), "--out", out.toString(),
        "--as-of", AS_OF);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("definitions: " + folder + "/ over the built-ins");
    String md = Files.readString(out.resolve("ops-reviews/2026-11-23.md"));
    assertThat(md).startsWith("## Platform Ops Review - Week 47");
    List<String> footnotes = md.lines().filter(l -> l.startsWith("[^")).toList();
    assertThat(footnotes).isNotEmpty();
    Pattern source = Pattern.compile("^\\[\\^\\d+\\]: (\\S+) · (\\S+)");
    for (String f : footnotes) {
      Matcher m = source.matcher(f);
      assertThat(m.find()).as(f).isTrue();
      // Incident numbers come from the exported file, every other number from the sample company.
      assertThat(m.group(1)).as(f).isEqualTo(m.group(2).startsWith("incidents") ? "acme-exports" : "sample");
    }
    assertThat(footnotes).anyMatch(f -> f.contains("acme-exports · incidents.csv"));
  }

  @Test
  void aClaimTheSourceCannotServeIsALocatedErrorAndNothingIsWritten() throws IOException {
    Path bad = dir.resolve("bad");
    MainTest.run("init", bad.toString());
    Files.writeString(bad.resolve("sources.yaml"), """
        sources:
          - id: sample
            type: sample
          - id: empty-exports
            type: files
            options:
              dir: .
            records: [incidents]
        """);
    Path out = dir.resolve("bad-packs");
    MainTest.Result r = MainTest.run("render", "ops-review", "--config", bad.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err()).contains(bad.resolve("sources.yaml") + ":4:5: COS-SRC-006 source 'empty-exports' claims record "
        + "kind 'incidents', which it does not hold").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void deliverDryRunSendsTheEditedPackToTheCompanysPeople() {
    MainTest.Result r = MainTest.run("deliver", "ops-review", "--dry-run", "--config", folder.toString(), "--as-of", AS_OF,
        "--delivery-log", dir.resolve("log.csv").toString(), "--site", dir.resolve("site-dlv").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("ops-desk@acme.test");
    assertThat(r.err()).contains("planned ops-review for 2026-W47");
  }

  @Test
  void siteShowsTheEditedPack() throws IOException {
    Path site = dir.resolve("site");
    MainTest.Result r = MainTest.run("site", "--out", site.toString(), "--config", folder.toString(), "--as-of", AS_OF);
    assertThat(r.code()).as(r.err()).isZero();
    try (Stream<Path> files = Files.walk(site)) {
      assertThat(files.filter(p -> p.toString().endsWith(".html")).anyMatch(p -> read(p).contains("Platform Ops Review")))
          .isTrue();
    }
  }

  @Test
  void raciKpisAndChecksAreTheCompanys() {
    MainTest.Result raci = MainTest.run("raci", "--config", folder.toString());
    assertThat(raci.out()).contains("Platform Reliability Review").doesNotContain("| Weekly Ops Review");

    MainTest.Result kpis = MainTest.run("kpis", "--config", folder.toString(), "--as-of", AS_OF);
    assertThat(kpis.code()).as(kpis.err()).isZero();
    assertThat(kpis.out()).contains("Time To Decide").doesNotContain("Decision Time (avg)");

    MainTest.Result check = MainTest.run("check", "--once", "--config", folder.toString(), "--at", AS_OF,
        "--state", dir.resolve("state.json").toString(), "--format", "json");
    assertThat(check.out()).contains("\"check\" : \"Open Incidents Now\"").doesNotContain("\"Active Incidents\"");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
