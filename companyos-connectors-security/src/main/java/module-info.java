/** Security connectors: vulnerability exports read as the scanners write them ({@code security-exports}). */
module io.companyos.connectors.security {
  requires transitive io.companyos.sources;
  requires static transitive org.jspecify;
  requires transitive io.companyos.connectors.common;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
  exports io.companyos.connectors.security;
  provides io.companyos.sources.MetricSourceProvider with
      io.companyos.connectors.security.SecurityExportsSourceProvider;
}
