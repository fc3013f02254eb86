package io.companyos.connectors.incidents;

import static io.companyos.connectors.incidents.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Incident;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PagerDuty pages and log entries, from the hand-written fixtures to incident records worked out by hand. */
class PagerDutyTest {
  @Test
  void pagesAndLogEntriesGiveOneIncidentEach() {
    assertThat(Fixtures.incidents(Fixtures.source("pagerduty", Map.of()))).containsExactly(
        // priority P1; resolved_at
        new Incident("PA1B2C3", t("2026-11-02T08:00:00Z"), t("2026-11-02T09:30:00Z"), "P1", "checkout-api",
            "Checkout API 5xx above 2%", null),
        // acknowledged on page 1, resolved on page 2 (updated later): counted once, resolved; no priority, urgency high
        new Incident("PD4E5F6", t("2026-11-05T14:00:00Z"), t("2026-11-05T18:00:00Z"), "P2", "search",
            "Search latency p99 over 2s", null),
        // acknowledged in the incident export, resolved by the log entry exported later
        new Incident("PG7H8J9", t("2026-11-10T22:15:00Z"), t("2026-11-11T00:45:00Z"), "P3", "payments",
            "Payment webhooks delayed", null),
        // triggered, no priority member at all, urgency low; written with an offset of +01:00
        new Incident("PK1L2M3", t("2026-11-16T09:00:00Z"), null, "P4", "web-frontend", "Login page blank in Safari", null),
        new Incident("PN4P5Q6", t("2026-11-18T03:20:00Z"), t("2026-11-18T04:05:00Z"), "P1", "checkout-api",
            "Database failover", null));
  }

  @Test
  void provenanceNamesEachFileAndItsFormat() {
    Dataset<Incident> ds = Fixtures.source("pagerduty", Map.of()).records(RecordKind.INCIDENTS, Fixtures.ALL);
    assertThat(ds.provenance().sourceId()).isEqualTo("oncall");
    assertThat(ds.provenance().query()).isEqualTo("incidents-page-1.json (PagerDuty incidents), "
        + "incidents-page-2.json (PagerDuty incidents), log-entries.json (PagerDuty log entries)");
    assertThat(ds.provenance().covers().first()).isEqualTo(t("2026-11-02T08:00:00Z"));
    assertThat(ds.provenance().covers().last()).isEqualTo(t("2026-11-18T04:05:00Z"));
  }

  @Test
  void aSavedPageThatSaysMoreFollowIsNotedWhenNoLaterPageIsThere() {
    Dataset<Incident> ds = Fixtures.source("pagerduty/incidents-page-1.json", Map.of())
        .records(RecordKind.INCIDENTS, Fixtures.ALL);
    assertThat(ds.rows()).hasSize(3);
    assertThat(ds.provenance().query()).isEqualTo("incidents-page-1.json (PagerDuty incidents); "
        + "the saved incidents pages end at offset 0 with more: true (later pages missing)");
  }

  @Test
  void withoutTheLogEntriesAnIncidentResolvedLaterIsStillOpen() {
    IncidentExportsSource s = Fixtures.source(Fixtures.DIR.resolve("pagerduty/incidents-page-1.json"), "strict", Map.of());
    Incident payments = Fixtures.incidents(s).stream().filter(i -> i.incidentId().equals("PG7H8J9")).findFirst().orElseThrow();
    assertThat(payments.timeResolved()).isNull();
  }

  @Test
  void priorityAndUrgencyMappingsCanBeChanged() {
    // Urgency high as P1 instead of P2; the priority P3 as P2.
    IncidentExportsSource s = Fixtures.source("pagerduty", Map.of("urgency.high", "P1", "priority.P3", "p2"));
    assertThat(Fixtures.incidents(s)).extracting(Incident::severity).containsExactly("P1", "P1", "P2", "P4", "P1");
  }
}
