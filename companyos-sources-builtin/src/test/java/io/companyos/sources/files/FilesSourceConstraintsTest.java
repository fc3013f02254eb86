package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.Incident;
import io.companyos.model.data.MetricPoint;
import io.companyos.model.data.SecurityEvent;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.RecordKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The declared constraints of each record kind, checked on read: data that would give wrong numbers is an error. */
class FilesSourceConstraintsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow ALL = new TimeWindow(Instant.parse("2020-01-01T00:00:00Z"), NOW);
  static final String INCIDENTS = "incident_id,time_created,time_resolved,severity,service,title,root_cause_deploy\n";
  @TempDir Path dir;

  FilesSource source(boolean strict) {
    return new FilesSource("files", dir, strict, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  void file(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  BadDataException strictError(RecordKind<?> kind) {
    try {
      source(true).records(kind, ALL);
    } catch (BadDataException e) {
      return e;
    }
    throw new AssertionError("no error");
  }

  @Test
  void aRepeatedIncidentIsAnErrorInStrictModeAndSkippedOnceInLenientMode() throws IOException {
    file("incidents.csv", INCIDENTS
        + "i1,2026-11-20T10:00:00Z,2026-11-20T12:00:00Z,P2,api,t,\n"
        + "i2,2026-11-21T10:00:00Z,,P3,api,t,\n"
        + "i1,2026-11-20T10:00:00Z,2026-11-20T12:00:00Z,P2,api,t,\n"); // line 4 repeats line 2
    assertThat(strictError(RecordKind.INCIDENTS).oneLine())
        .startsWith("incidents.csv:4: COS-SRC-003 incident_id: 'i1' repeats the row on line 2; ids must be unique");
    FilesSource lenient = source(false);
    Dataset<Incident> ds = lenient.records(RecordKind.INCIDENTS, ALL);
    assertThat(ds.rows()).extracting(Incident::incidentId).containsExactly("i1", "i2");
    assertThat(ds.provenance().query()).isEqualTo("incidents.csv, 1 bad rows skipped");
    assertThat(lenient.skipped()).extracting(Object::toString)
        .containsExactly("incidents.csv:4: incident_id: 'i1' repeats the row on line 2; ids must be unique");
  }

  @Test
  void anIncidentResolvedBeforeItWasCreatedIsLocated() throws IOException {
    file("incidents.csv", INCIDENTS
        + "i1,2026-11-20T10:00:00Z,2026-11-20T12:00:00Z,P2,api,t,\n"
        + "i2,2026-11-22T10:00:00Z,2026-11-20T08:00:00Z,P2,api,t,\n"); // resolved 50 h before it was created
    assertThat(strictError(RecordKind.INCIDENTS).oneLine()).startsWith(
        "incidents.csv:3: COS-SRC-003 time_resolved: 2026-11-20T08:00:00Z is before time_created 2026-11-22T10:00:00Z");
    assertThat(source(false).records(RecordKind.INCIDENTS, ALL).rows()).extracting(Incident::incidentId).containsExactly("i1");
  }

  @Test
  void anEmptyFileIsNoDataNotZeroRows() throws IOException {
    file("incidents.csv", "");
    BadDataException e = strictError(RecordKind.INCIDENTS);
    assertThat(e.location()).isEqualTo("incidents.csv");
    assertThat(e.getMessage()).isEqualTo("the file is empty, so it holds no data (not zero rows)");
    assertThatThrownBy(() -> source(false).records(RecordKind.INCIDENTS, ALL)).isInstanceOf(BadDataException.class);
    assertThat(source(true).describe().recordKinds()).doesNotContain("incidents");
    file("incidents.csv", INCIDENTS); // a header alone: zero incidents
    assertThat(source(true).records(RecordKind.INCIDENTS, ALL).rows()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x1p3", "12d", "NaN", "Infinity", "-Infinity", "1_000", "1e", "1.2.3", "+", ".", "1e99999", " "})
  void onlyPlainDecimalNumbersAreRead(String value) throws IOException {
    file("metrics.csv", "timestamp,metric,labels,value\n2026-11-20T10:00:00Z,m:ratio,,\"" + value + "\"\n");
    BadDataException e = strictError(RecordKind.METRICS);
    assertThat(e.location()).isEqualTo("metrics.csv:2");
    assertThat(e.column()).isEqualTo("value");
  }

  @Test
  void plainDecimalsWithFractionsAndExponentsAreRead() throws IOException {
    file("metrics.csv", "timestamp,metric,labels,value\n"
        + "2026-11-20T10:00:00Z,a:ratio,,-12.50\n2026-11-20T10:01:00Z,b:ratio,,.5\n2026-11-20T10:02:00Z,c:ratio,,1.5e-05\n"
        + "2026-11-20T10:03:00Z,d:ratio,,+3.\n2026-11-20T10:04:00Z,e:ratio,,1E15\n");
    assertThat(source(true).records(RecordKind.METRICS, ALL).rows()).extracting(MetricPoint::value)
        .containsExactly(-12.5, 0.5, 1.5e-5, 3.0, 1e15);
  }

  @Test
  void hugeCountsAreOutOfRangeInsteadOfOverflowing() throws IOException {
    file("metrics.csv", "timestamp,metric,labels,value\n2026-11-20T10:00:00Z,companyos:slo:requests:count,service=api,1e308\n");
    assertThat(strictError(RecordKind.METRICS).oneLine())
        .startsWith("metrics.csv:2: COS-SRC-003 value: '1e308' is out of range (at most 10^15 in size)");
    file("security_events.csv", "timestamp,type,source,count\n2026-11-20T10:00:00Z,failed_auth,idp,9223372036854775807\n");
    assertThat(strictError(RecordKind.SECURITY_EVENTS).oneLine())
        .startsWith("security_events.csv:2: COS-SRC-003 count: '9223372036854775807' is out of range (at most 10^15)");
    file("security_events.csv", "timestamp,type,source,count\n2026-11-20T10:00:00Z,failed_auth,idp,1000000000000000\n");
    assertThat(source(true).records(RecordKind.SECURITY_EVENTS, ALL).rows()).extracting(SecurityEvent::count)
        .containsExactly(1_000_000_000_000_000L);
  }

  @Test
  void aJsonNumberNoDecimalCanHoldIsALocatedSyntaxError() throws IOException {
    file("metrics.jsonl", "{\"timestamp\":\"2026-11-20T10:00:00Z\",\"metric\":\"a:ratio\",\"value\":1}\n"
        + "{\"timestamp\":\"2026-11-20T10:01:00Z\",\"metric\":\"a:ratio\",\"value\":1e30855555555555555}\n");
    assertThat(strictError(RecordKind.METRICS).oneLine()).startsWith("metrics.jsonl:2:")
        .contains("a number that cannot be read");
  }

  @Test
  void countsCannotBeNegative() throws IOException {
    file("security_events.csv", "timestamp,type,source,count\n2026-11-20T10:00:00Z,failed_auth,idp,-935\n");
    assertThat(strictError(RecordKind.SECURITY_EVENTS).oneLine())
        .startsWith("security_events.csv:2: COS-SRC-003 count: '-935' is negative; a count cannot be");
    file("metrics.csv", "timestamp,metric,labels,value\n"
        + "2026-11-20T10:00:00Z,temperature_celsius,,-4\n"            // a gauge may be negative
        + "2026-11-20T10:00:00Z,http_requests_total,,-1\n");          // a counter may not
    assertThat(strictError(RecordKind.METRICS).oneLine())
        .startsWith("metrics.csv:3: COS-SRC-003 value: '-1' is negative; a count cannot be");
    assertThat(source(false).records(RecordKind.METRICS, ALL).rows()).extracting(MetricPoint::value).containsExactly(-4.0);
  }

  @Test
  void sprintsAndScheduledEventsCannotEndBeforeTheyStart() throws IOException {
    file("sprints.csv", "sprint_id,start,end,goals\ns1,2026-11-16T00:00:00Z,2026-11-02T00:00:00Z,\n");
    assertThat(strictError(RecordKind.SPRINTS).oneLine())
        .startsWith("sprints.csv:2: COS-SRC-003 end: 2026-11-02T00:00:00Z is before start 2026-11-16T00:00:00Z");
  }

  @Test
  void pullRequestIdsAreUniquePerRepository() throws IOException {
    file("pull_requests.csv", "pr_id,title,author,repository,opened_at,first_review_at,merged_at,closed_at\n"
        + "1,a,x,web,2026-11-20T10:00:00Z,,,\n1,b,y,api,2026-11-20T10:00:00Z,,,\n1,c,z,web,2026-11-21T10:00:00Z,,,\n");
    assertThat(strictError(RecordKind.PULL_REQUESTS).oneLine())
        .startsWith("pull_requests.csv:4: COS-SRC-003 repository+pr_id: 'web', '1' repeats the row on line 2; ids must be unique");
    assertThat(source(false).records(RecordKind.PULL_REQUESTS, ALL).rows()).hasSize(2);
  }

  @Test
  void aRepeatedIdInAWindowedReadIsFoundAmongTheWindowsRows() throws IOException {
    file("incidents.csv", INCIDENTS + "i1,2026-11-20T10:00:00Z,,P2,api,t,\ni1,2026-11-21T10:00:00Z,,P2,api,t,\n");
    FilesSource windowed = new FilesSource("files", dir, false, Clock.fixed(NOW, ZoneOffset.UTC), 0);
    assertThat(windowed.records(RecordKind.INCIDENTS, ALL).rows()).hasSize(1);
    assertThat(windowed.skipped()).extracting(SkippedRow::line).containsExactly(3L);
    assertThat(List.of(windowed.records(RecordKind.INCIDENTS,
        new TimeWindow(Instant.parse("2026-11-21T00:00:00Z"), NOW)).rows().size())).containsExactly(1);
  }
}
