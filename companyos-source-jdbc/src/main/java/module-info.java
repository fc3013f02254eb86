/** JDBC source: record kinds and metrics read with one SQL query each from any database with a JDBC driver. */
module io.companyos.sources.jdbc {
  requires io.companyos.sources;
  requires io.companyos.sources.builtin;
  requires transitive java.sql;
  requires static transitive org.jspecify;
  exports io.companyos.sources.jdbc;
  provides io.companyos.sources.MetricSourceProvider with io.companyos.sources.jdbc.JdbcSourceProvider;
}
