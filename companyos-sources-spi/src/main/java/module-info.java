/** The metric-source plug-in point. Providers are discovered with {@link java.util.ServiceLoader}. */
module io.companyos.sources {
  requires transitive io.companyos.model.data;
  requires org.slf4j;
  requires static transitive org.jspecify;
  exports io.companyos.sources;
  uses io.companyos.sources.MetricSourceProvider;
}
