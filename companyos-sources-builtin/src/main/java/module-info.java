/** Built-in metric sources: the deterministic {@code sample} company (and the {@code files} source). */
module io.companyos.sources.builtin {
  requires transitive io.companyos.sources;
  requires io.companyos.model;
  requires static transitive org.jspecify;
  requires org.slf4j;
  requires com.fasterxml.jackson.databind;
  requires java.sql;
  exports io.companyos.sources.sample;
  exports io.companyos.sources.files;
  // Point queries over metric rows, shared with the JDBC source; Parquet rows, with the cost and product exports.
  exports io.companyos.sources.builtin.internal to io.companyos.sources.jdbc, io.companyos.connectors.costs,
      io.companyos.connectors.product;
  provides io.companyos.sources.MetricSourceProvider with
      io.companyos.sources.sample.SampleSourceProvider,
      io.companyos.sources.files.FilesSourceProvider;
}
