package io.companyos.connectors.work;

import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The work-exports source keeps the metric-source contract over the hand-written Jira sprint and issue pages. */
class WorkExportsContractTest extends io.companyos.sources.tck.MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    return new WorkExportsSourceProvider().create(SourceContext.of("jira", Map.of("path", "work/jira"), clock, Path.of("src/test/resources")));
  }
}
