package io.companyos.sources.jdbc;

import io.companyos.sources.jdbc.testserver.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.model.data.CostRow;
import io.companyos.model.data.Incident;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.BadDataException;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.Series;
import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import io.companyos.sources.SourceTimeoutException;
import io.companyos.sources.SourceUnavailableException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jdbc source against a real PostgreSQL: each table below is written by hand, and each expected value is read off
 * it. The server's own time zone is Pacific/Auckland, so a result that depended on it would show.
 */
class JdbcSourceTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow NOVEMBER = new TimeWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));

  static final String INCIDENTS = "SELECT id AS incident_id, opened AS time_created, closed AS time_resolved, sev AS severity, "
      + "svc AS service, summary AS title FROM incident_log WHERE opened >= :from AND opened < :to ORDER BY opened";

  static PostgresServer pg;
  private static boolean created;

  @BeforeAll
  static synchronized void tables() {
    pg = PostgresServer.get();
    if (created) {
      return;
    }
    created = true;
    pg.execute("DROP TABLE IF EXISTS incident_log, signups, cost_daily, bad_times",
        "CREATE TABLE incident_log (id text, opened timestamptz, closed timestamptz, sev text, svc text, summary text)",
        // i0 is in October, outside the window; i2 is still open.
        "INSERT INTO incident_log VALUES ('i0', '2026-10-31T23:59:59Z', '2026-11-01T01:00:00Z', 'P2', 'search', 'before'),"
            + " ('i1', '2026-11-01T00:00:00Z', '2026-11-01T01:30:00Z', 'P1', 'checkout', 'Checkout 500s'),"
            + " ('i2', '2026-11-20T08:00:00+01:00', NULL, 'P3', 'search', 'Slow search')",
        // A timestamp without a zone: read as UTC, whatever the server's zone.
        "CREATE TABLE signups (at timestamp, channel text, n integer)",
        "INSERT INTO signups VALUES ('2026-11-02 09:00:00', 'web', 40), ('2026-11-02 09:00:00', 'ios', 12),"
            + " ('2026-11-03 09:00:00', 'web', 44), ('2026-10-30 09:00:00', 'web', 1)",
        "CREATE TABLE cost_daily (day date, billed numeric(12,2), effective numeric(12,2), service text)",
        "INSERT INTO cost_daily VALUES ('2026-11-05', 120.50, 100.25, 'ec2'), ('2026-11-06', 80.00, 80.00, 's3')",
        "CREATE TABLE bad_times (id text, opened text)",
        "INSERT INTO bad_times VALUES ('b1', '2026-11-02T00:00:00Z'), ('b2', 'yesterday')");
  }

  static MetricSource source(Map<String, String> queries) {
    return source(queries, Duration.ofSeconds(10));
  }

  static MetricSource source(Map<String, String> queries, Duration timeout) {
    Map<String, String> options = new LinkedHashMap<>(queries);
    options.put("url", pg.url);
    options.put("user", "postgres");
    return new JdbcSourceProvider().create(new SourceContext("warehouse", options, Clock.fixed(NOW, ZoneOffset.UTC), Path.of("."),
        timeout, 0, name -> null));
  }

  @Test
  void recordsOfTheWindowWithTheirColumnsNamedInSql() {
    try (MetricSource s = source(Map.of("query.incidents", INCIDENTS))) {
      Dataset<Incident> d = s.records(RecordKind.INCIDENTS, NOVEMBER);
      assertThat(d.rows()).containsExactly(
          new Incident("i1", Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T01:30:00Z"), "P1", "checkout",
              "Checkout 500s", null),
          new Incident("i2", Instant.parse("2026-11-20T07:00:00Z"), null, "P3", "search", "Slow search", null));
      assertThat(d.provenance().sourceId()).isEqualTo("warehouse");
      assertThat(d.provenance().query()).startsWith("query.incidents: SELECT id AS incident_id").contains(":from");
      assertThat(d.provenance().rowCount()).isEqualTo(2);
      assertThat(s.describe().recordKinds()).containsExactly("incidents");
    }
  }

  @Test
  void rowsOutsideTheWindowAreDroppedEvenWhenTheQueryReturnsThem() {
    String all = "SELECT id AS incident_id, opened AS time_created, closed AS time_resolved, sev AS severity, svc AS service, "
        + "summary AS title FROM incident_log";
    try (MetricSource s = source(Map.of("query.incidents", all))) {
      assertThat(s.records(RecordKind.INCIDENTS, NOVEMBER).rows()).extracting(Incident::incidentId).containsExactly("i1", "i2");
    }
  }

  @Test
  void focusColumnsAreMatchedWhateverTheirCaseAndADateIsItsMidnightInUtc() {
    String q = "SELECT day AS chargeperiodstart, day + 1 AS \"ChargePeriodEnd\", billed AS billedcost, effective AS effectivecost, "
        + "service AS servicename FROM cost_daily WHERE day >= :from AND day < :to ORDER BY day";
    try (MetricSource s = source(Map.of("query.costs", q))) {
      List<CostRow> rows = s.records(RecordKind.COSTS, NOVEMBER).rows();
      assertThat(rows).extracting(CostRow::chargePeriodStart)
          .containsExactly(Instant.parse("2026-11-05T00:00:00Z"), Instant.parse("2026-11-06T00:00:00Z"));
      assertThat(rows).extracting(CostRow::chargePeriodEnd).containsExactly(Instant.parse("2026-11-06T00:00:00Z"),
          Instant.parse("2026-11-07T00:00:00Z"));
      assertThat(rows).extracting(CostRow::billedCost).containsExactly(new BigDecimal("120.50"), new BigDecimal("80.00"));
      assertThat(rows).extracting(CostRow::serviceName).containsExactly("ec2", "s3");
    }
  }

  @Test
  void aMetricIsItsTimestampAndValueWithALabelPerOtherColumn() {
    String q = "SELECT at AS timestamp, channel, n AS value FROM signups WHERE at >= :from AND at < :to";
    try (MetricSource s = source(Map.of("metric.signups", q))) {
      List<Series> range = s.range("signups", NOVEMBER, Duration.ofDays(1)).rows();
      // Series ordered by labels: ios, then web; web's October point is outside the window.
      assertThat(range).extracting(Series::labels).containsExactly(Map.of("channel", "ios"), Map.of("channel", "web"));
      assertThat(range.get(1).points()).extracting(Series.Point::timestamp)
          .containsExactly(Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-03T09:00:00Z"));
      assertThat(range.get(1).points()).extracting(Series.Point::value).containsExactly(40.0, 44.0);
      // An instant query: the latest point at or before the instant, per series, with exact label matchers.
      Dataset<Series> web = s.instant("signups{channel=\"web\"}", Instant.parse("2026-11-03T09:00:00Z"));
      assertThat(web.rows()).singleElement().satisfies(x -> assertThat(x.points()).singleElement()
          .satisfies(p -> assertThat(p.value()).isEqualTo(44.0)));
      assertThat(web.provenance().query()).startsWith("metric.signups (signups{channel=\"web\"}): SELECT at AS timestamp");
      assertThat(s.describe().metrics()).containsExactly("signups");
    }
  }

  @Test
  void aTimestampWithoutAZoneIsUtcInTheWindowTooWhateverTheJvmsZone() {
    java.util.TimeZone before = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Auckland"));
    String q = "SELECT at AS timestamp, channel, n AS value FROM signups WHERE at >= :from AND at < :to";
    try (MetricSource s = source(Map.of("metric.signups", q))) {
      // 2026-11-02 09:00 is inside [11-02T00:00Z, 11-03T00:00Z) in UTC; in Auckland's zone it would be 11-01T20:00Z.
      TimeWindow day = new TimeWindow(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"));
      assertThat(s.range("signups", day, Duration.ofHours(1)).rows()).extracting(x -> x.points().get(0).value())
          .containsExactly(12.0, 40.0);
    } finally {
      java.util.TimeZone.setDefault(before);
    }
  }

  @Test
  void sqlTheDatabaseRefusesNamesTheQueryAndTheDatabasesReason() {
    try (MetricSource s = source(Map.of("query.incidents", "SELECT * FROM incidentz WHERE opened >= :from"))) {
      assertThatThrownBy(() -> s.records(RecordKind.INCIDENTS, NOVEMBER)).isInstanceOf(SourceConfigException.class)
          .hasMessageContaining("query.incidents: the database refused the query (42P01: ")
          .hasMessageContaining("\"incidentz\" does not exist");
    }
  }

  @Test
  void aMissingColumnIsLocatedAtTheQuery() {
    String q = "SELECT id AS incident_id, opened AS time_created, svc AS service, summary AS title FROM incident_log";
    try (MetricSource s = source(Map.of("query.incidents", q))) {
      assertThatThrownBy(() -> s.records(RecordKind.INCIDENTS, NOVEMBER)).isInstanceOfSatisfying(BadDataException.class, e -> {
        assertThat(e.file()).isEqualTo("query.incidents");
        assertThat(e.column()).isEqualTo("severity");
        assertThat(e.getMessage()).contains("the query returns no column 'severity' (it returns: incident_id, time_created, service, title)");
      });
    }
  }

  @Test
  void aValueThatIsNotATimeIsLocatedAtItsRowAndColumn() {
    String q = "SELECT id AS incident_id, opened AS time_created, 'P1' AS severity, 'x' AS service, 't' AS title FROM bad_times ORDER BY id";
    try (MetricSource s = source(Map.of("query.incidents", q))) {
      assertThatThrownBy(() -> s.records(RecordKind.INCIDENTS, NOVEMBER)).isInstanceOfSatisfying(BadDataException.class, e -> {
        assertThat(e.file()).isEqualTo("query.incidents");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo("time_created");
        assertThat(e.getMessage()).contains("yesterday");
      });
    }
  }

  @Test
  void aRepeatedIdIsLocatedAtItsSecondRow() {
    String q = "SELECT 'same' AS incident_id, opened AS time_created, sev AS severity, svc AS service, summary AS title "
        + "FROM incident_log ORDER BY opened";
    try (MetricSource s = source(Map.of("query.incidents", q))) {
      assertThatThrownBy(() -> s.records(RecordKind.INCIDENTS, NOVEMBER)).isInstanceOfSatisfying(BadDataException.class, e -> {
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("'same' repeats row 1");
      });
    }
  }

  @Test
  void aQueryPastTheTimeoutIsCancelled() {
    String q = "SELECT id AS incident_id, opened AS time_created, sev AS severity, svc AS service, summary AS title "
        + "FROM incident_log, pg_sleep(5)";
    try (MetricSource s = source(Map.of("query.incidents", q), Duration.ofSeconds(1))) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> s.records(RecordKind.INCIDENTS, NOVEMBER)).isInstanceOf(SourceTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void aDatabaseThatDoesNotAnswerIsUnavailable() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Map<String, String> options = Map.of("url", "jdbc:postgresql://127.0.0.1:" + port + "/companyos", "query.incidents", INCIDENTS);
    try (MetricSource s = new JdbcSourceProvider().create(SourceContext.of("warehouse", options, Clock.systemUTC(), Path.of(".")))) {
      assertThatThrownBy(() -> s.records(RecordKind.INCIDENTS, NOVEMBER)).isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("cannot connect to the database (08001");
    }
  }
}
