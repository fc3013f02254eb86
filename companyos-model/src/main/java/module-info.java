/** Records for the operating rhythm, pack definitions, health checks, RACI, dashboards and the data rows sources return. */
module io.companyos.model {
  requires static org.jspecify;
  exports io.companyos.model;
  exports io.companyos.model.data;
  exports io.companyos.model.time;
  exports io.companyos.model.check;
}
