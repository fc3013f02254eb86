package io.companyos.connectors.incidents;

import static io.companyos.connectors.incidents.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.Incident;
import io.companyos.sources.RecordKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Other tools' incident CSV and JSON through a column mapping, to records worked out by hand. */
class GenericExportTest {
  @Test
  void csvWithItsOwnHeadersAndLocalTimes() {
    // Times without offset in Europe/Berlin, UTC+1 in November; "Minor" is P4 by default, "Major Outage" by the option.
    assertThat(Fixtures.incidents(Fixtures.source("csv/incidents.csv", Fixtures.CSV_OPTIONS))).containsExactly(
        new Incident("INC-41", t("2026-11-03T08:15:00Z"), t("2026-11-03T11:45:00Z"), "P2", "orders",
            "Orders stuck in \"pending\", retries failing", "deploy-881"),
        new Incident("INC-42", t("2026-11-07T15:00:00Z"), t("2026-11-07T15:20:00Z"), "P4", "status-page", "Status page slow", null),
        new Incident("INC-43", t("2026-11-20T00:00:00Z"), null, "P1", "platform", "Full outage of the EU region", null));
  }

  @Test
  void jsonListInsideAnObjectWithNestedMembers() {
    IncidentExportsSource s = Fixtures.source("json/incidents.json", Map.of("list", "data", "column.incident_id", "id",
        "column.title", "name", "column.severity", "severity.name", "column.service", "service.name",
        "column.time_created", "created_at", "column.time_resolved", "resolved_at"));
    assertThat(Fixtures.incidents(s)).containsExactly(
        new Incident("7001", t("2026-11-12T07:00:00Z"), t("2026-11-12T07:40:00Z"), "P1", "api-gateway", "API gateway returns 502", null),
        new Incident("7002", t("2026-11-14T13:00:00Z"), null, "P3", "media", "Slow image uploads", null));
    assertThat(s.records(RecordKind.INCIDENTS, Fixtures.ALL).provenance().query()).isEqualTo("incidents.json (incident JSON)");
  }

  @Test
  void ourOwnColumnNamesNeedNoMapping() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("own");
    java.nio.file.Files.writeString(dir.resolve("incidents.csv"), """
        incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy
        INC-1,2026-11-01T10:00:00Z,2026-11-01T11:00:00Z,P2,api,Slow,d-1
        """);
    assertThat(Fixtures.incidents(Fixtures.source(dir, "strict", Map.of()))).containsExactly(
        new Incident("INC-1", t("2026-11-01T10:00:00Z"), t("2026-11-01T11:00:00Z"), "P2", "api", "Slow", "d-1"));
  }
}
