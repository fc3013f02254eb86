/** Incident connectors: PagerDuty exports and any other tool's incident CSV or JSON ({@code incident-exports}). */
module io.companyos.connectors.incidents {
  requires transitive io.companyos.sources;
  requires static transitive org.jspecify;
  requires transitive io.companyos.connectors.common;
  requires com.fasterxml.jackson.core;
  requires de.siegmar.fastcsv;
  requires org.slf4j;
  exports io.companyos.connectors.incidents;
  provides io.companyos.sources.MetricSourceProvider with
      io.companyos.connectors.incidents.IncidentExportsSourceProvider;
}
