package io.companyos.connectors.incidents;

import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The incident-exports source keeps the metric-source contract over the PagerDuty pages and log entries. */
class PagerDutyContractTest extends io.companyos.sources.tck.MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    return new IncidentExportsSourceProvider().create(
        SourceContext.of("oncall", Map.of("path", "incidents/pagerduty"), clock, Path.of("src/test/resources")));
  }
}
