/** Metric source for the Prometheus HTTP API. */
module io.companyos.sources.prometheus {
  requires io.companyos.sources;
  requires java.net.http;
  requires com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;
  exports io.companyos.sources.prometheus;
  provides io.companyos.sources.MetricSourceProvider with io.companyos.sources.prometheus.PrometheusSourceProvider;
}
