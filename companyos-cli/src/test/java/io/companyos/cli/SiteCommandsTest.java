package io.companyos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code companyos site}, {@code raci} and {@code kpis} through {@link Main#run}. */
class SiteCommandsTest {

  @Test
  void siteWritesEveryDashboard(@TempDir Path out) throws Exception {
    MainTest.Result r = MainTest.run("site", "--out", out.toString(), "--history", "1");
    assertThat(r.code()).as(r.err()).isZero();
    // 7 packs are delivered to a dashboard (exec-cockpit has exec-review and qbr), one date each.
    assertThat(r.err()).contains("(7 packs, 1 partial, 0 failed) as of 2026-11-23T09:00:00Z");
    for (String d : new String[] {"exec-cockpit", "cto", "ciso", "ops-review", "product-health", "finops"}) {
      assertThat(out.resolve("dashboards/" + d + "/index.html")).isRegularFile();
    }
    // The build's own generations measure Pack Generation Success: 7 of 7.
    assertThat(Files.readString(out.resolve("kpis.html"))).contains("7 of 7 packs produced", "100%");
  }

  @Test
  void siteRejectsAnUnknownRoleAndABadHistory(@TempDir Path out) {
    assertThat(MainTest.run("site", "--out", out.toString(), "--role", "nobody").code()).isEqualTo(2);
    MainTest.Result r = MainTest.run("site", "--out", out.toString(), "--history", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--history must be between 1 and 52");
  }

  @Test
  void raciPrintsTheMatrixAndExitsZeroWithWarningsOnly() {
    MainTest.Result r = MainTest.run("raci");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("| Monthly FinOps | C | C | I | C | I | C | **R/A** |", "WARNING: Sprint Review");
  }

  @Test
  void kpisReadTheGenerationLogThatRenderWrites(@TempDir Path out) throws Exception {
    assertThat(MainTest.run("render", "ops-review", "--out", out.toString()).code()).isZero();
    MainTest.Result r = MainTest.run("kpis", "--generation-log", out.resolve("generation-log.csv").toString(),
        "--population", "45");
    assertThat(r.code()).as(r.err()).isZero();
    // One logged generation, a success: 100% against the target of 100%.
    assertThat(r.out()).contains("| Pack Generation Success | >= 100% | 100% | met |");
    assertThat(r.out()).doesNotContain("population unknown");
  }

  @Test
  void kpisCatalogListsEveryKpiWithItsWindowAndFunction() {
    MainTest.Result r = MainTest.run("kpis", "--catalog");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("| id | name | definition | unit | good | window | computed by |")
        .contains("| `change_failure_rate` | Change failure rate |", "`finops.CloudBudget.costPerMau`",
            "| `slo_budget_consumed` | Error budget consumed |");
    assertThat(MainTest.run("kpis", "--catalog", "--format", "html").code()).isEqualTo(Main.EXIT_USAGE);
  }
}
