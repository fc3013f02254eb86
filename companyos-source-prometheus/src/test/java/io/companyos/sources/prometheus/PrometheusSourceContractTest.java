package io.companyos.sources.prometheus;

import io.companyos.model.data.MetricNames;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.MetricSource;
import io.companyos.sources.SourceContext;
import io.companyos.sources.tck.MetricSourceContract;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The Prometheus source keeps the metric-source contract against a real Prometheus. */
class PrometheusSourceContractTest extends MetricSourceContract {
  @Override
  protected MetricSource createSource(Clock clock) {
    return new PrometheusSourceProvider().create(
        SourceContext.of("prom", Map.of("url", PrometheusServer.get().url.toString()), clock, Path.of(".")));
  }

  @Override
  protected TimeWindow windowWithData() {
    return new TimeWindow(PrometheusServer.T0, PrometheusServer.T0.plus(PrometheusServer.SPAN));
  }

  @Override
  protected Optional<String> metricQuery() {
    return Optional.of(MetricNames.ERROR_BUDGET_BURN_RATE);
  }
}
