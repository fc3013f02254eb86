/** Product analytics connectors: PostHog and Amplitude exports ({@code product-exports}). */
module io.companyos.connectors.product {
  requires transitive io.companyos.sources;
  requires static transitive org.jspecify;
  requires transitive io.companyos.connectors.common;
  requires io.companyos.sources.builtin;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
  exports io.companyos.connectors.product;
  provides io.companyos.sources.MetricSourceProvider with
      io.companyos.connectors.product.ProductExportsSourceProvider;
}
