/** Built-in metric sources: the deterministic {@code sample} company (and the {@code files} source). */
module io.companyos.sources.builtin {
  requires transitive io.companyos.sources;
  requires static org.jspecify;
  exports io.companyos.sources.sample;
  provides io.companyos.sources.MetricSourceProvider with io.companyos.sources.sample.SampleSourceProvider;
}
