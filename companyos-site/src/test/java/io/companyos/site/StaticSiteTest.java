package io.companyos.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static site built from the sample company: pages, links, history, access levels, determinism. */
class StaticSiteTest {
  static final Instant AS_OF = Instant.parse("2026-11-23T09:00:00Z");
  static final CompanyDefinition COMPANY = BuiltinDefinitions.load();
  static Sources sources;

  @BeforeAll
  static void open() {
    sources = SourceRegistry.discover().openDefault(Clock.fixed(AS_OF, ZoneOffset.UTC));
  }

  @AfterAll
  static void close() {
    sources.close();
  }

  static List<String> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  @Test
  void everyDashboardHasAPageWithItsLatestPackAndHistory(@TempDir Path out) throws Exception {
    StaticSite.Result r = new StaticSite(COMPANY, sources.all()).history(2).write(out, AS_OF, null);
    assertThat(r.failedPacks()).isZero();
    List<String> names = files(out);
    assertThat(names).contains("index.html", "rhythm.html", "raci.html", "kpis.html", "badge.svg",
        "dashboards/exec-cockpit/index.html", "dashboards/cto/index.html", "dashboards/ciso/index.html",
        "dashboards/ops-review/index.html", "dashboards/product-health/index.html", "dashboards/finops/index.html",
        // ops-review is weekly: the latest pack (as of Mon 2026-11-23) and the one a week earlier.
        "dashboards/ops-review/ops-review/2026-11-23.html", "dashboards/ops-review/ops-review/2026-11-16.html",
        // exec-review is monthly: November and October.
        "dashboards/exec-cockpit/exec-review/2026-11.html", "dashboards/exec-cockpit/exec-review/2026-10.html");
    assertThat(names).noneMatch(n -> n.endsWith(".tmp"));
    String ops = Files.readString(out.resolve("dashboards/ops-review/index.html"));
    assertThat(ops).contains("<h1>Ops Review</h1>", "Weekly Ops Review - Week 47", "<svg", "History",
        "href=\"ops-review/2026-11-16.html\"");
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index).contains("href=\"dashboards/finops/index.html\"", "Finance, Engineering Leads");
  }

  @Test
  void everyRelativeLinkResolvesToAFileSoTheSiteWorksFromDisk(@TempDir Path out) throws Exception {
    new StaticSite(COMPANY, sources.all()).history(2).write(out, AS_OF, null);
    Pattern href = Pattern.compile("href=\"([^\"#]+)(#[^\"]*)?\"");
    int checked = 0;
    for (String name : files(out)) {
      if (!name.endsWith(".html")) {
        continue;
      }
      Path page = out.resolve(name);
      Matcher m = href.matcher(Files.readString(page));
      while (m.find()) {
        String link = m.group(1);
        if (link.startsWith("http")) {
          continue;
        }
        assertThat(page.getParent().resolve(link).normalize()).as(name + " -> " + link).isRegularFile();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void aDashboardShowsOnlyWhatEveryoneWithAccessMaySee(@TempDir Path out) throws Exception {
    new StaticSite(COMPANY, sources.all()).history(1).write(out, AS_OF, null);
    // product-health is open to product_team and engineering; customer_health is visible_to
    // [customer_success, product_team, leadership], which engineering is not inside.
    String page = Files.readString(out.resolve("dashboards/product-health/index.html"));
    assertThat(page).contains("restricted: visible to Customer Success, Product, Leadership")
        .doesNotContain("acct-017");
  }

  @Test
  void aReadersSiteHasNoPageForDashboardsTheyMayNotOpen(@TempDir Path out) throws Exception {
    new StaticSite(COMPANY, sources.all()).history(1).forReader(List.of("finops_lead")).write(out, AS_OF, null);
    // dashboards.yaml: finops -> [finance, engineering_leads]; finance includes finops_lead.
    assertThat(out.resolve("dashboards/finops/index.html")).isRegularFile();
    assertThat(out.resolve("dashboards/ciso/index.html")).doesNotExist();
    assertThat(out.resolve("dashboards/ciso")).doesNotExist();
    assertThat(Files.readString(out.resolve("index.html"))).contains("no access for this reader");
  }

  @Test
  void theSameInputsGiveTheSameBytes(@TempDir Path a, @TempDir Path b) throws Exception {
    new StaticSite(COMPANY, sources.all()).history(1).write(a, AS_OF, null);
    new StaticSite(COMPANY, sources.all()).history(1).write(b, AS_OF, null);
    assertThat(files(a)).isEqualTo(files(b));
    for (String name : files(a)) {
      assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
    }
  }
}
