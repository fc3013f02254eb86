/** Cost connectors: FOCUS exports as AWS, Azure and GCP deliver them ({@code cost-exports}). */
module io.companyos.connectors.costs {
  requires transitive io.companyos.sources;
  requires static transitive org.jspecify;
  requires transitive io.companyos.connectors.common;
  requires io.companyos.sources.builtin;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires de.siegmar.fastcsv;
  requires org.slf4j;
  exports io.companyos.connectors.costs;
  provides io.companyos.sources.MetricSourceProvider with
      io.companyos.connectors.costs.CostExportsSourceProvider;
}
