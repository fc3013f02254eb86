/** Delivery connectors: GitHub and GitLab deployments, pull and merge requests read as exported ({@code delivery-exports}). */
module io.companyos.connectors.delivery {
  requires transitive io.companyos.sources;
  requires static transitive org.jspecify;
  requires transitive io.companyos.connectors.common;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
  exports io.companyos.connectors.delivery;
  provides io.companyos.sources.MetricSourceProvider with
      io.companyos.connectors.delivery.DeliveryExportsSourceProvider;
}
