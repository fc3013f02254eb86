package io.companyos.sources.sample;

import io.companyos.model.data.MetricNames;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.tck.MetricSourceContract;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The sample source keeps the metric-source contract. */
class SampleSourceContractTest extends MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    return new SampleSourceProvider().create(SourceContext.of("sample", Map.of(), clock, Path.of(".")));
  }

  @Override
  protected Optional<String> metricQuery() {
    return Optional.of(MetricNames.ERROR_BUDGET_BURN_RATE + "{service=\"search\"}");
  }
}
