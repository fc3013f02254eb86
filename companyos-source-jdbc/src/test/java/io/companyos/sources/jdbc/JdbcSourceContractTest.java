package io.companyos.sources.jdbc;

import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.tck.MetricSourceContract;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/** The jdbc source keeps the metric-source contract against a real PostgreSQL. */
class JdbcSourceContractTest extends MetricSourceContract {
  @BeforeAll
  static void tables() {
    JdbcSourceTest.tables();
  }

  @Override
  protected MetricSource createSource(Clock clock) {
    return new JdbcSourceProvider().create(new SourceContext("warehouse", Map.of("url", JdbcSourceTest.pg.url, "user", "postgres",
        "query.incidents", JdbcSourceTest.INCIDENTS,
        "metric.signups", "SELECT at AS timestamp, channel, n AS value FROM signups WHERE at >= :from AND at < :to"),
        clock, Path.of("."), Duration.ofSeconds(10), 0, name -> null));
  }

  @Override
  protected TimeWindow windowWithData() {
    return JdbcSourceTest.NOVEMBER;
  }

  @Override
  protected Optional<String> metricQuery() {
    return Optional.of("signups");
  }
}
