/** Revenue connectors: Stripe subscriptions and invoices read as exported ({@code revenue-exports}). */
module io.companyos.connectors.revenue {
  requires transitive io.companyos.sources;
  requires static transitive org.jspecify;
  requires transitive io.companyos.connectors.common;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
  exports io.companyos.connectors.revenue;
  provides io.companyos.sources.MetricSourceProvider with
      io.companyos.connectors.revenue.RevenueExportsSourceProvider;
}
