package io.companyos.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackFormat;
import io.companyos.render.PackRenderer;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.SourceRegistry;
import io.companyos.sources.Sources;
import io.companyos.sources.jdbc.JdbcSourceProvider;
import io.companyos.sources.jdbc.testserver.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Incidents from a table of a real PostgreSQL, read by the {@code jdbc} source, reach the ops review: the week's
 * incidents by priority with their mean time to resolve, footnoted with the query; everything else from the sample.
 */
class JdbcSourceToPackTest {
  static final Instant AS_OF = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void theOpsReviewCountsTheTablesIncidentsOfItsWeek() {
    PostgresServer pg = PostgresServer.get();
    pg.execute("DROP TABLE IF EXISTS pd_incidents",
        "CREATE TABLE pd_incidents (id text, opened timestamptz, closed timestamptz, priority text, service text, title text)",
        // Two P1s in the week before the as-of (2.5 h and 0.5 h to resolve), one P2 (1 h), and a P1 a month earlier.
        "INSERT INTO pd_incidents VALUES"
            + " ('PQ1', '2026-11-17T10:00:00Z', '2026-11-17T12:30:00Z', 'P1', 'checkout', 'Checkout errors'),"
            + " ('PQ2', '2026-11-20T08:00:00Z', '2026-11-20T08:30:00Z', 'P1', 'search', 'Search down'),"
            + " ('PQ3', '2026-11-21T14:00:00Z', '2026-11-21T15:00:00Z', 'P2', 'search', 'Slow search'),"
            + " ('PQ0', '2026-10-20T08:00:00Z', '2026-10-20T20:00:00Z', 'P1', 'checkout', 'Old')");
    CompanyDefinition company = BuiltinDefinitions.load();
    Clock clock = Clock.fixed(AS_OF, ZoneOffset.UTC);
    MetricSource jdbc = new JdbcSourceProvider().create(new SourceContext("warehouse", Map.of("url", pg.url, "user", "postgres",
        "query.incidents", "SELECT id AS incident_id, opened AS time_created, closed AS time_resolved, priority AS severity, "
            + "service, title FROM pd_incidents WHERE opened >= :from AND opened < :to"),
        clock, Path.of("."), Duration.ofSeconds(10), 0, name -> null));
    try (Sources sample = SourceRegistry.discover().openDefault(clock); jdbc) {
      List<MetricSource> sources = new java.util.ArrayList<>(List.of(jdbc));
      sources.addAll(sample.all());
      PackDocument doc = new PackAssembler(company, sources).assemble(company.pack("ops-review").orElseThrow(), AS_OF,
          ZoneOffset.UTC);
      String md = new PackRenderer().render(doc, PackFormat.MD);
      List<String> footnotes = md.lines().filter(l -> l.startsWith("[^")).toList();
      assertThat(footnotes).anySatisfy(f -> assertThat(f).contains("warehouse · ").contains("query.incidents: SELECT id AS incident_id"));
      // The week's P1s: PQ1 (2.5 h) and PQ2 (0.5 h): 2 incidents, mean 1.5 h; PQ0 is a month earlier. One P2 of 1 h.
      assertThat(md).contains("| P1 | 2[^1] | 1.5 h[^1] |").contains("| P2 | 1[^1] | 1 h[^1] |");
    }
  }
}
