package io.companyos.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.pack.DeliveryChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardDeliveryTest {
  @TempDir
  Path dir;

  @Test
  void theDashboardChannelPublishesTheSiteOnceAndLogsIt() throws Exception {
    Path site = dir.resolve("site");
    Deliverer d = Deliverer.builder(Packs.COMPANY).settings(DeliverySettings.of(Map.of()))
        .log(new DeliveryLog(dir.resolve("log.csv"))).channels(Set.of(DeliveryChannel.DASHBOARD))
        .site(new StaticSitePublisher(Packs.COMPANY, List.of(Packs.SOURCE), site, Packs.AS_OF, ZoneOffset.UTC)).build();
    DeliveryReport r = d.deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
    assertThat(r.results()).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
      assertThat(x.dispatch().destination()).isEqualTo("/dashboards/ops-review");
      assertThat(x.dispatch().audience()).isEqualTo(Packs.COMPANY.dashboard("ops-review").orElseThrow().access());
    });
    Path page = site.resolve("dashboards/ops-review/index.html");
    assertThat(page).exists();
    assertThat(Files.readString(page)).contains("Weekly Ops Review").contains(Packs.document("ops-review").period().label());
    assertThat(site.resolve("index.html")).exists();
    assertThat(d.deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false).results().get(0).outcome())
        .isEqualTo(DeliveryResult.Outcome.ALREADY_SENT);
  }

  @Test
  void withoutASiteTheDashboardIsReportedNotConfigured() {
    DeliveryReport r = Deliverer.builder(Packs.COMPANY).settings(DeliverySettings.of(Map.of()))
        .log(new DeliveryLog(dir.resolve("log.csv"))).channels(Set.of(DeliveryChannel.DASHBOARD)).build()
        .deliver(Packs.definition("ops-review"), Packs.document("ops-review"), false);
    assertThat(r.results().get(0).outcome()).isEqualTo(DeliveryResult.Outcome.NOT_CONFIGURED);
    assertThat(r.failed()).isTrue();
  }
}
