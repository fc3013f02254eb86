package io.companyos.connectors.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.companyos.model.data.Incident;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad exports fail located ({@code file:line:col: COS-INC-00n}); lenient mode skips and counts them. */
class ErrorsTest {
  @TempDir Path dir;

  private IncidentExportException fail(String name, String text, Map<String, String> options) throws IOException {
    Files.writeString(dir.resolve(name), text);
    IncidentExportsSource s = Fixtures.source(dir, "strict", options);
    return (IncidentExportException) catchThrowable(() -> s.records(RecordKind.INCIDENTS, Fixtures.ALL));
  }

  private IncidentExportException fail(String name, String text) throws IOException {
    return fail(name, text, Map.of());
  }

  private static final String PD_START = "{\"incidents\": [\n";

  @Test
  void malformedJsonIsLocatedAtTheParserPosition() throws IOException {
    IncidentExportException e = fail("page.json", "{\"incidents\": [\n  {\"id\": \"P1\"\n  \"status\": 1}]}");
    assertThat(e.code()).isEqualTo("COS-INC-001");
    assertThat(e.location()).isEqualTo("page.json:3:3");
  }

  @Test
  void anUnmappedPriorityIsLocatedAtItsNameAndNamesTheOption() throws IOException {
    IncidentExportException e = fail("page.json", PD_START + """
          {"id": "PX", "created_at": "2026-11-01T10:00:00Z", "status": "triggered", "title": "t",
           "service": {"summary": "api"}, "urgency": "high", "priority": {"summary": "Sev Blue"}}]}
        """);
    assertThat(e.code()).isEqualTo("COS-INC-005");
    assertThat(e.location()).isEqualTo("page.json:3:78");
    assertThat(e.getMessage()).isEqualTo("incident PX: priority 'Sev Blue' has no P1–P4 mapping");
    assertThat(e.oneLine()).contains("priority.Sev Blue: P2");
  }

  @Test
  void anUnknownStatusIsInvalid() throws IOException {
    IncidentExportException e = fail("page.json", PD_START + """
          {"id": "PX", "created_at": "2026-11-01T10:00:00Z", "status": "snoozed", "title": "t",
           "service": {"summary": "api"}, "urgency": "high"}]}
        """);
    assertThat(e.code()).isEqualTo("COS-INC-004");
    assertThat(e.location()).isEqualTo("page.json:2:64");
    assertThat(e.getMessage()).contains("status 'snoozed' is none of triggered, acknowledged, resolved");
  }

  @Test
  void aMissingServiceIsLocatedAtTheIncident() throws IOException {
    IncidentExportException e = fail("page.json", PD_START + """
          {"id": "PX", "created_at": "2026-11-01T10:00:00Z", "status": "triggered", "title": "t", "urgency": "low"}]}
        """);
    assertThat(e.code()).isEqualTo("COS-INC-003");
    assertThat(e.location()).isEqualTo("page.json:2:3");
  }

  @Test
  void aResolveLogEntryBeforeTheCreationIsInvalid() throws IOException {
    Files.writeString(dir.resolve("log.json"), """
        {"log_entries": [
          {"id": "R1", "type": "resolve_log_entry", "created_at": "2026-10-31T10:00:00Z", "incident": {"id": "PX"}}]}
        """);
    IncidentExportException e = fail("page.json", PD_START + """
          {"id": "PX", "created_at": "2026-11-01T10:00:00Z", "status": "triggered", "title": "t",
           "service": {"summary": "api"}, "urgency": "low"}]}
        """);
    assertThat(e.code()).isEqualTo("COS-INC-004");
    assertThat(e.location()).isEqualTo("log.json:2:3");
  }

  @Test
  void csvWithoutAMappedColumnFailsOnItsHeaderLine() throws IOException {
    IncidentExportException e = fail("export.csv", "id,created,title\nA,2026-11-01T10:00:00Z,x\n");
    assertThat(e.code()).isEqualTo("COS-INC-003");
    assertThat(e.location()).isEqualTo("export.csv:1");
    assertThat(e.getMessage()).startsWith("no column 'incident_id' for incident_id");
  }

  @Test
  void csvTimeWithoutOffsetNeedsATimeZone() throws IOException {
    IncidentExportException e = fail("export.csv", """
        incident_id,time_created,severity,service,title
        A,2026-11-01T10:00:00Z,P1,api,ok
        B,2026-11-01 10:00,P1,api,no offset
        """);
    assertThat(e.code()).isEqualTo("COS-INC-004");
    assertThat(e.location()).isEqualTo("export.csv:3");
    assertThat(e.oneLine()).contains("set time_zone");
  }

  @Test
  void csvRepeatedIdIsInvalid() throws IOException {
    IncidentExportException e = fail("export.csv", """
        incident_id,time_created,severity,service,title
        A,2026-11-01T10:00:00Z,P1,api,one
        A,2026-11-02T10:00:00Z,P1,api,two
        """);
    assertThat(e.code()).isEqualTo("COS-INC-004");
    assertThat(e.location()).isEqualTo("export.csv:3");
    assertThat(e.getMessage()).isEqualTo("incident A repeats the one at line 2; ids must be unique in a file");
  }

  @Test
  void csvSyntaxErrorsAreMalformedAtTheLineTheRecordStarts() throws IOException {
    IncidentExportException header = fail("header.csv", "\"incident_id\"x,time_created\n");
    assertThat(header.code()).isEqualTo("COS-INC-001");
    assertThat(header.location()).isEqualTo("header.csv:1");
    Files.delete(dir.resolve("header.csv"));
    IncidentExportException row = fail("row.csv", """
        incident_id,time_created,severity,service,title
        A,2026-11-01T10:00:00Z,P1,api,ok
        B,2026-11-01T10:00:00Z,P1,api,"quoted" then text
        """);
    assertThat(row.code()).isEqualTo("COS-INC-001");
    assertThat(row.location()).isEqualTo("row.csv:3");
  }

  @Test
  void csvNotUtf8IsLocatedAtItsLine() throws IOException {
    Files.write(dir.resolve("export.csv"), "incident_id,time_created,severity,service,title\nA,2026-11-01T10:00:00Z,P1,caf\u00e9,x\n"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    IncidentExportException e = (IncidentExportException) catchThrowable(
        () -> Fixtures.source(dir, "strict", Map.of()).records(RecordKind.INCIDENTS, Fixtures.ALL));
    assertThat(e.code()).isEqualTo("COS-INC-001");
    assertThat(e.location()).isEqualTo("export.csv:2");
  }

  @Test
  void jsonThatIsNoExportNamesWhatIsRead() throws IOException {
    IncidentExportException e = fail("other.json", "\n {\"hello\": 1}");
    assertThat(e.code()).isEqualTo("COS-INC-002");
    assertThat(e.location()).isEqualTo("other.json:2:2");
  }

  @Test
  void lenientModeSkipsTheBadEntryAndCountsIt() throws IOException {
    Files.writeString(dir.resolve("export.csv"), """
        incident_id,time_created,severity,service,title
        A,2026-11-01T10:00:00Z,P1,api,ok
        B,yesterday,P1,api,bad time
        C,2026-11-02T10:00:00Z,Sev Blue,api,unmapped
        """);
    Files.writeString(dir.resolve("broken.json"), "{");
    IncidentExportsSource s = Fixtures.source(dir, "lenient", Map.of());
    Dataset<Incident> ds = s.records(RecordKind.INCIDENTS, Fixtures.ALL);
    assertThat(ds.rows()).extracting(Incident::incidentId).containsExactly("A");
    assertThat(ds.provenance().query()).isEqualTo("broken.json (not read), export.csv (incident CSV); 3 bad entries skipped");
    assertThat(s.skipped()).extracting(SkippedInput::toString).containsExactly(
        "broken.json:1:2: COS-INC-001 not well-formed JSON: Unexpected end-of-input: expected close marker for Object",
        "export.csv:3: COS-INC-004 time_created 'yesterday' is not an ISO-8601 time with offset",
        "export.csv:4: COS-INC-005 incident C: priority 'Sev Blue' has no P1–P4 mapping");
  }

  @Test
  void badOptionsAreConfigurationErrors() {
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("priority.SEV1", "P0")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("'P0' is none of P1, P2, P3, P4");
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("column.owner", "Owner")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("'owner' is no field of an incident");
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("time_zone", "Mars/Olympus")))
        .isInstanceOf(SourceConfigException.class);
    assertThatThrownBy(() -> Fixtures.source(dir, "strict", Map.of("colour", "blue")))
        .isInstanceOf(SourceConfigException.class).hasMessageContaining("unknown option 'colour'");
  }
}
