package io.companyos.connectors.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.data.ProductEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostHog's events model as a Parquet batch export (its documented schema: {@code properties} as JSON-encoded text,
 * {@code timestamp} a timestamp), read through DuckDB's JDBC driver, a test dependency here as it is the application's
 * choice in production.
 */
class PostHogParquetTest {
  @TempDir Path tmp;

  static void duckdb(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @Test
  void theJsonLinesFixturesAsParquetGiveTheSameEvents() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("posthog-parquet"));
    String files = "['" + String.join("', '", List.of(
        Fixtures.DIR.resolve("posthog/2026-11-16T00:00:00Z-2026-11-19T00:00:00Z.jsonl").toAbsolutePath().toString(),
        Fixtures.DIR.resolve("posthog/2026-11-19T00:00:00Z-2026-11-23T00:00:00Z.jsonl.gz").toAbsolutePath().toString())) + "']";
    // The same rows as the two JSON Lines files, typed as PostHog types its Parquet export; a time without an offset
    // is UTC, as the JSON Lines reader takes it.
    duckdb("COPY (SELECT uuid, event, distinct_id, properties::VARCHAR AS properties, CASE WHEN regexp_matches(timestamp, "
        + "'(Z|[+-][0-9:]+)$') THEN timestamp::TIMESTAMPTZ ELSE timezone('UTC', timestamp::TIMESTAMP) END AS timestamp "
        + "FROM read_json(" + files + ", format = 'newline_delimited', columns = {uuid: 'VARCHAR', event: 'VARCHAR', "
        + "distinct_id: 'VARCHAR', properties: 'JSON', timestamp: 'VARCHAR'})) TO '" + folder.resolve("events.parquet")
        + "' (FORMAT parquet)");
    ProductExportsSource fromJsonl = Fixtures.source("posthog", Fixtures.POSTHOG_OPTIONS);
    ProductExportsSource fromParquet = Fixtures.source(folder, "strict", Fixtures.POSTHOG_OPTIONS);
    List<ProductEvent> events = Fixtures.events(fromParquet);
    assertThat(events).hasSize(9).isEqualTo(Fixtures.events(fromJsonl));
    assertThat(Fixtures.query(fromParquet)).isEqualTo("events.parquet (PostHog events, Parquet); "
        + "1 event exported twice (same uuid or insert_id) counted once; 1 identity call ($identify, $set, $groupidentify, …) not read");
  }

  @Test
  void aBadRowIsNamedByItsRowAndWithoutTheDriverTheErrorSaysWhatToAdd() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("bad"));
    duckdb("COPY (SELECT * FROM (VALUES"
        + " ('u1', '$pageview', 'alice', '{\"$session_id\": \"s1\", \"org_id\": \"acme\"}', TIMESTAMPTZ '2026-11-16 09:00:00+00'),"
        + " ('u2', '$pageview', NULL, '{}', TIMESTAMPTZ '2026-11-16 09:01:00+00'))"
        + " AS t(uuid, event, distinct_id, properties, timestamp)) TO '" + folder.resolve("events.parquet") + "' (FORMAT parquet)");
    ProductExportException e = (ProductExportException) org.assertj.core.api.Assertions.catchThrowable(
        () -> Fixtures.events(Fixtures.source(folder, "strict", Fixtures.POSTHOG_OPTIONS)));
    assertThat(e.code()).isEqualTo("COS-PRODUCT-003");
    assertThat(e.location()).startsWith("events.parquet:2");
    assertThat(Fixtures.events(Fixtures.source(folder, "lenient", Fixtures.POSTHOG_OPTIONS))).singleElement()
        .satisfies(ev -> {
          assertThat(ev.userId()).isEqualTo("alice");
          assertThat(ev.accountId()).isEqualTo("acme");
          assertThat(ev.sessionId()).isEqualTo("s1");
        });
    ProductExportsSource noDriver = new ProductExportsSource("analytics", folder, true, new Settings("company", "org_id", "feature", "user_signed_up"),
        Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), () -> false);
    e = (ProductExportException) org.assertj.core.api.Assertions.catchThrowable(() -> Fixtures.events(noDriver));
    assertThat(e.code()).isEqualTo("COS-PRODUCT-002");
    assertThat(e.oneLine()).contains("org.duckdb:duckdb_jdbc");
  }
}
