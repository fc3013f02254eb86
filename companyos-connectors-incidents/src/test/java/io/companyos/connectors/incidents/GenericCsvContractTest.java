package io.companyos.connectors.incidents;

import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The incident-exports source keeps the metric-source contract over another tool's CSV through a column mapping. */
class GenericCsvContractTest extends io.companyos.sources.tck.MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    Map<String, String> options = new HashMap<>(Fixtures.CSV_OPTIONS);
    options.put("path", "incidents/csv");
    return new IncidentExportsSourceProvider().create(SourceContext.of("tool", options, clock, Path.of("src/test/resources")));
  }
}
