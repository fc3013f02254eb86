/** Example third-party plugin: a metric source reading a JSON release log. */
module io.companyos.examples {
  requires io.companyos.sources;
  requires com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;
  exports io.companyos.examples.source;
  opens io.companyos.examples.source to com.fasterxml.jackson.databind;
  provides io.companyos.sources.MetricSourceProvider with io.companyos.examples.source.ReleaseLogSourceProvider;
}
