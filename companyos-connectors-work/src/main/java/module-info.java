/** Work-tracking connectors: Jira sprints and sprint issues read as exported ({@code work-exports}). */
module io.companyos.connectors.work {
  requires transitive io.companyos.sources;
  requires static transitive org.jspecify;
  requires transitive io.companyos.connectors.common;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
  exports io.companyos.connectors.work;
  provides io.companyos.sources.MetricSourceProvider with
      io.companyos.connectors.work.WorkExportsSourceProvider;
}
