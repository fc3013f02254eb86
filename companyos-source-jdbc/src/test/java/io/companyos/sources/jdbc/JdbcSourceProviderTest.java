package io.companyos.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.companyos.sources.SourceConfigException;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the provider refuses before any connection: the checks {@code companyos validate} runs. */
class JdbcSourceProviderTest {
  static final String URL = "jdbc:postgresql://db:5432/analytics";

  static void create(Map<String, String> options) {
    new JdbcSourceProvider().create(SourceContext.of("warehouse", options, Clock.systemUTC(), Path.of("."))).close();
  }

  @Test
  void aSourceWithAQueryIsCreatedWithoutConnecting() {
    // db:5432 does not exist; nothing connects until data is asked for.
    create(Map.of("url", URL, "query.incidents", "SELECT 1 WHERE now() >= :from"));
  }

  @Test
  void passwordsInTheUrlAreRefusedWithoutShowingThem() {
    for (String url : List.of("jdbc:postgresql://db/analytics?user=a&password=hunter2",
        "jdbc:sqlserver://db;user=a;password=hunter2", "jdbc:postgresql://a:hunter2@db/analytics")) {
      assertThatThrownBy(() -> create(Map.of("url", url, "query.incidents", "SELECT 1"))).as(url)
          .isInstanceOf(SourceConfigException.class).hasMessageContaining("url must not contain")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
  }

  @Test
  void optionsThatCannotWorkAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> create(Map.of("url", "postgresql://db/x", "query.incidents", "SELECT 1")))
        .hasMessageContaining("url must be a JDBC URL");
    assertThatThrownBy(() -> create(Map.of("url", URL, "query.incidentz", "SELECT 1")))
        .hasMessageStartingWith("query.incidentz names no record kind");
    assertThatThrownBy(() -> create(Map.of("url", URL, "query.incidents", "SELECT 1 WHERE t >= :start")))
        .hasMessageStartingWith("query.incidents cannot be read: ':start' is not a parameter (at character 21)");
    assertThatThrownBy(() -> create(Map.of("url", URL, "metric.bad name", "SELECT 1")))
        .hasMessageStartingWith("metric.bad name is not a metric name");
    assertThatThrownBy(() -> create(Map.of("url", URL))).hasMessageContaining("needs query.<kind> or metric.<name>");
    assertThatThrownBy(() -> create(Map.of("url", URL, "query.incidents", "SELECT 1", "fetch_size", "0")))
        .hasMessageStartingWith("fetch_size must be");
    assertThatThrownBy(() -> create(Map.of("url", URL, "query.incidents", "SELECT 1", "schema", "x")))
        .hasMessageStartingWith("schema is not an option of the jdbc source");
  }
}
