package io.companyos.connectors.incidents;

import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hand-written exports under src/test/resources/incidents and sources over them. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("2020-01-01T00:00:00Z"), NOW);
  static final Path DIR = Path.of("src/test/resources/incidents");

  /** The column mapping and priorities of the hand-written CSV export. */
  static final Map<String, String> CSV_OPTIONS = Map.of(
      "column.incident_id", "Reference", "column.title", "Name", "column.severity", "Severity",
      "column.service", "Affected Service", "column.time_created", "Created At", "column.time_resolved", "Resolved At",
      "column.root_cause_deploy", "Caused By", "time_zone", "Europe/Berlin", "priority.Major Outage", "P1");

  private Fixtures() {}

  static IncidentExportsSource source(Path path, String mode, Map<String, String> options) {
    Map<String, String> all = new HashMap<>(options);
    all.put("path", path.toString());
    all.put("mode", mode);
    return (IncidentExportsSource) new IncidentExportsSourceProvider().create(
        SourceContext.of("oncall", all, Clock.fixed(NOW, ZoneOffset.UTC), Path.of(".")));
  }

  static IncidentExportsSource source(String relative, Map<String, String> options) {
    return source(DIR.resolve(relative), "strict", options);
  }

  static List<Incident> incidents(IncidentExportsSource s) {
    return s.records(RecordKind.INCIDENTS, ALL).rows();
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }
}
