package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code companyos render} through {@link Main#run}: the README's first command and its error cases. */
class RenderCommandTest {

  static List<String> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  @Test
  void rendersAllTenPacksFromTheSampleCompany(@TempDir Path out) throws Exception {
    MainTest.Result r = MainTest.run("render", "--all", "--out", out.toString(), "--format", "md,json");
    assertThat(r.code()).as(r.err()).isZero();
    // Progress per pack on stderr, then the summary.
    assertThat(r.err()).contains("[1/10] daily-standup: success (4 of 4 sections available", "[10/10] quarterly-planning: success",
        "rendered 10 of 10 packs (0 partial, 0 failed) as of 2026-11-23T09:00:00Z");
    // Two formats of ten packs, in the seed's layout, plus the generation log.
    List<String> names = files(out);
    assertThat(names).hasSize(21).contains("ops-reviews/2026-11-23.md", "ops-reviews/2026-11-23.json", "exec-reviews/2026-11.md",
        "qbrs/2026-Q4.md", "security-standups/2026-11-23.md", "generation-log.csv");
    assertThat(Files.readString(out.resolve("ops-reviews/2026-11-23.md"))).startsWith("## Weekly Ops Review - Week 47\n");
    // 1 header line + 10 generations.
    assertThat(Files.readAllLines(out.resolve("generation-log.csv"))).hasSize(11);

    // The same command again writes nothing new: every file is unchanged.
    MainTest.Result again = MainTest.run("render", "--all", "--out", out.toString(), "--format", "md,json");
    assertThat(again.code()).isZero();
    assertThat(again.out().lines().filter(l -> !l.endsWith("(unchanged)"))).isEmpty();
    assertThat(files(out)).hasSize(21);
  }

  @Test
  void aReaderWithoutAccessGetsANoticeInsteadOfTheSection(@TempDir Path out) throws Exception {
    MainTest.Result full = MainTest.run("render", "product-metrics", "--format", "md", "--out", out.resolve("full").toString());
    assertThat(full.code()).as(full.err()).isZero();
    String all = Files.readString(out.resolve("full/product-metrics/2026-11-23.md"));
    // product-metrics.yaml: customer_health is visible_to [customer_success, product_team, leadership];
    // team_lead is in none of them (roles.yaml), so its copy has the notice and none of the section's rows.
    MainTest.Result r = MainTest.run("render", "product-metrics", "--role", "team_lead", "--format", "md,json",
        "--out", out.resolve("lead").toString());
    assertThat(r.code()).as(r.err()).isZero();
    String md = Files.readString(out.resolve("lead/product-metrics/2026-11-23.md"));
    // "What to Act On" (product_opportunities) names the same accounts and is restricted the same way.
    assertThat(md).contains("restricted: visible to Customer Success, Product, Leadership", "3 of 5 sections available");
    assertThat(all).contains("Churn Risk Accounts: 5 (acct-017").contains("Reach out to the 5 accounts");
    assertThat(md).doesNotContain("Churn Risk Accounts").doesNotContain("acct-017").doesNotContain("Reach out to")
        .doesNotContain("Customer 17");
    // A product lead may see it: same content as the full pack.
    MainTest.Result lead = MainTest.run("render", "product-metrics", "--role", "product_lead", "--format", "md",
        "--out", out.resolve("product").toString());
    assertThat(lead.code()).isZero();
    assertThat(Files.readString(out.resolve("product/product-metrics/2026-11-23.md"))).isEqualTo(all);
  }

  @Test
  void anUnknownRoleIsAUsageError(@TempDir Path out) {
    MainTest.Result r = MainTest.run("render", "ops-review", "--role", "sre_leed", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--role 'sre_leed' is not a role of the company");
  }

  @Test
  void onePackAtAnotherInstantAndZone(@TempDir Path out) throws Exception {
    MainTest.Result r = MainTest.run("render", "ops-review", "--as-of", "2026-11-16T09:00:00Z", "--tz", "Europe/Berlin",
        "--format", "html", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(files(out)).containsExactly("generation-log.csv", "ops-reviews/2026-11-16.html");
    String html = Files.readString(out.resolve("ops-reviews/2026-11-16.html"));
    // Monday 2026-11-16 10:00 in Berlin reports week 46 (Nov 9-15).
    assertThat(html).contains("<h2>Weekly Ops Review - Week 46</h2>", "(Europe/Berlin)");
  }

  @Test
  void sourcesFromASourcesFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sources.yaml");
    Files.writeString(file, "sources:\n  - id: demo\n    type: sample\n");
    MainTest.Result r = MainTest.run("render", "security-standup", "--sources", file.toString(), "--format", "json",
        "--out", dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isZero();
    // The provenance names the configured source id; the as-of is the sample company's.
    assertThat(Files.readString(dir.resolve("out/security-standups/2026-11-23.json"))).contains("\"source\" : \"demo\"");

    Files.writeString(file, "sources:\n  - id: x\n    type: no-such-type\n");
    MainTest.Result bad = MainTest.run("render", "qbr", "--sources", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(bad.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(bad.err()).contains("COS-SRC-005").contains("no-such-type");
  }

  @Test
  void aBadRowOfAStrictFilesSourceIsPrintedWithItsLocation(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/incidents.csv"), "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n"
        + "i1,2026-11-20T10:00:00Z,,P2,api,t,\ni2,2026-11-20T11:00:00Z,,P2,api,t,\ni3,2026-11-20T12:00:00Z,,P2,api,t,\n"
        + "i4,2026-11-20T13:00:00Z,,P2,api,t,\ni1,2026-11-20T10:00:00Z,,P2,api,t,\n"); // line 6 repeats i1
    Path file = dir.resolve("sources.yaml");
    Files.writeString(file, "sources:\n  - id: warehouse\n    type: files\n    options:\n      dir: data\n  - id: demo\n    type: sample\n");
    MainTest.Result r = MainTest.run("render", "ops-review", "--sources", file.toString(), "--format", "md",
        "--out", dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("incidents.csv:6: COS-SRC-003 incident_id: 'i1' repeats the row on line 2; ids must be unique\n");
    String md = files(dir.resolve("out")).stream().filter(n -> n.endsWith(".md")).findFirst().orElseThrow();
    assertThat(Files.readString(dir.resolve("out").resolve(md)))
        .contains("incidents.csv:6: COS-SRC-003 incident_id: 'i1' repeats the row on line 2");
  }

  @Test
  void usageErrorsExitWithTwo(@TempDir Path out) {
    assertThat(MainTest.run("render", "--out", out.toString()).code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(MainTest.run("render", "ops-review", "--all", "--out", out.toString()).code()).isEqualTo(Main.EXIT_USAGE);
    MainTest.Result unknown = MainTest.run("render", "no-such-pack", "--out", out.toString());
    assertThat(unknown.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(unknown.err()).contains("unknown pack 'no-such-pack'; known packs: board-pack, daily-standup");
    assertThat(MainTest.run("render", "qbr", "--format", "docx", "--out", out.toString()).err())
        .contains("unknown format 'docx'; available: md, html, json");
    assertThat(MainTest.run("render", "qbr", "--as-of", "yesterday", "--out", out.toString()).code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(MainTest.run("render", "qbr", "--tz", "Mars/Olympus", "--out", out.toString()).code()).isEqualTo(Main.EXIT_USAGE);
  }

  @Test
  void aBrokenTemplateFailsThePackAndTheExitCode(@TempDir Path dir) throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("qbr.md"), "${\"freemarker.template.utility.Execute\"?new()(\"id\")}\n");
    MainTest.Result r = MainTest.run("render", "--all", "--out", dir.resolve("out").toString(), "--templates", templates.toString());
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    assertThat(r.err()).contains("qbr: failed: qbr.md:1: COS-TPL-001 template rejected", "rendered 9 of 10 packs (0 partial, 1 failed)");
    // No half-written output for the failed pack.
    assertThat(files(dir.resolve("out"))).noneMatch(n -> n.startsWith("qbrs/"));
  }

  @Test
  void hostileTemplatesFailTheirOwnPacksAndTheOthersAreStillWritten(@TempDir Path dir) throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("qbr.md"), "<#macro m><@m/></#macro>\n<@m/>\n");
    Files.writeString(templates.resolve("ops-review.md"), "<#list 1.. as i></#list>\n");
    Files.writeString(templates.resolve("board-pack.md"), "<#list 1.. as i>0123456789</#list>\n");
    Files.writeString(templates.resolve("exec-review.md"), "[#ftl]\n[#setting classic_compatible=true]${pack.nosuchthing}\n");
    long t0 = System.nanoTime();
    MainTest.Result r = MainTest.run("render", "--all", "--out", dir.resolve("out").toString(), "--templates", templates.toString(),
        "--template-time-limit", "PT1S");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(30));
    assertThat(r.code()).isEqualTo(Main.EXIT_PROBLEMS);
    // An empty endless loop allocates as it counts: whichever limit it reaches first, time or memory, stops it alone.
    assertThat(r.err()).containsPattern("ops-review: failed: ops-review\\.md: COS-TPL-00(6 template ran longer than its time "
        + "limit of 1000 ms|7 template allocated more memory than its limit)");
    assertThat(r.err()).contains(
        "exec-review: failed: exec-review.md:2: COS-TPL-001 template rejected: '#setting' is not allowed",
        "board-pack: failed: board-pack.md: COS-TPL-007 template wrote more than its output limit of 8000000 characters",
        "qbr: failed: qbr.md: COS-TPL-008 template nests too deeply",
        "rendered 6 of 10 packs (0 partial, 4 failed)", "failed: ops-review, exec-review, board-pack, qbr")
        .doesNotContain("StackOverflowError", "\tat ", "Exception");
    List<String> written = files(dir.resolve("out"));
    assertThat(written).noneMatch(n -> n.startsWith("qbrs/") || n.startsWith("ops-reviews/") || n.startsWith("board-packs/")
        || n.startsWith("exec-reviews/"));
    assertThat(written).contains("daily-standups/2026-11-23.md", "security-standups/2026-11-23.md");
    // Every failure is in the generation log too.
    // (The endless loop's line says COS-TPL-006 or COS-TPL-007, as on stderr.)
    assertThat(Files.readString(dir.resolve("out/generation-log.csv"))).contains("COS-TPL-007", "COS-TPL-008", "COS-TPL-001")
        .containsPattern("ops-review,,failure,[0-9]+,0,5,,ops-review\\.md: COS-TPL-00[67] ");
  }

  /**
   * The four hostile templates of the audit, in a JVM of its own with a 256 MiB heap and the default limits (the
   * memory limit is then a quarter of the heap, 64 MiB): each fails its own pack with a coded line, the other six
   * packs are written, and the heap never fills (no OutOfMemoryError, no stack trace).
   */
  @Test
  void hostileTemplatesFailAloneInA256MiBHeapWithTheDefaultLimits(@TempDir Path dir) throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("qbr.md"), "<#macro m><@m/></#macro>\n<@m/>\n");
    Files.writeString(templates.resolve("ops-review.md"), "<#list 1.. as i></#list>\n");
    Files.writeString(templates.resolve("board-pack.md"), "<#list 1.. as i>0123456789</#list>\n");
    Files.writeString(templates.resolve("exec-review.md"),
        "<#assign s = \"x\">\n<#list 1..40 as i><#assign s = s + s></#list>\n${s?length}\n");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-XX:+UseG1GC", "-cp", CheckCommandTest.classPath(), Main.class.getName(), "render", "--all", "--out",
        dir.resolve("out").toString(), "--templates", templates.toString());
    long t0 = System.nanoTime();
    Process child = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    // Each hostile template ends by its 10-second time limit and 2-second grace at the latest: 4 x 12 = 48 s, plus
    // the start of the JVM and the six other packs.
    boolean ended = child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    child.destroyForcibly();
    assertThat(ended).as("render --all ended within 60 s").isTrue();
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(60));
    String out = Files.readString(dir.resolve("stdout.txt"));
    String err = Files.readString(dir.resolve("stderr.txt"));
    assertThat(child.exitValue()).as(err).isEqualTo(Main.EXIT_PROBLEMS);
    // 256 MiB / 4 = 64 MiB. The empty endless loop allocates a little on every turn, so it meets that limit long
    // before its 10 seconds are up; the doubling string meets it at its 25th step (2^26 bytes made in all).
    assertThat(err).contains(
        "ops-review: failed: ops-review.md: COS-TPL-007 template allocated more memory than its limit of 64 MiB",
        "exec-review: failed: exec-review.md: COS-TPL-007 template allocated more memory than its limit of 64 MiB",
        "board-pack: failed: board-pack.md: COS-TPL-007 template wrote more than its output limit of 8000000 characters",
        "qbr: failed: qbr.md: COS-TPL-008 template nests too deeply",
        "rendered 6 of 10 packs (0 partial, 4 failed)", "failed: ops-review, exec-review, board-pack, qbr");
    assertThat(out + err).doesNotContain("OutOfMemoryError", "StackOverflowError", "\tat ", "Exception", "ran out of memory");
    List<String> written = files(dir.resolve("out"));
    assertThat(written).containsExactlyInAnyOrder("daily-standups/2026-11-23.md", "security-standups/2026-11-23.md",
        "product-metrics/2026-11-23.md", "sprint-reviews/2026-11-23.md", "finops-reviews/2026-11.md",
        "quarterly-planning/2026-Q4.md", "generation-log.csv");
    assertThat(Files.readString(dir.resolve("out/daily-standups/2026-11-23.md"))).isNotBlank();
  }
}
