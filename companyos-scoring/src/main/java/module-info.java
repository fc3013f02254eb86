/** Pure scoring functions: deltas and trends, SLOs, DORA, incidents, the composite health score. */
module io.companyos.scoring {
  requires transitive io.companyos.model.data;
  requires static transitive org.jspecify;
  exports io.companyos.scoring;
  exports io.companyos.scoring.slo;
  exports io.companyos.scoring.dora;
  exports io.companyos.scoring.incident;
  exports io.companyos.scoring.health;
  exports io.companyos.scoring.security;
  exports io.companyos.scoring.product;
  exports io.companyos.scoring.finops;
  exports io.companyos.scoring.okr;
  exports io.companyos.scoring.sprint;
  exports io.companyos.scoring.rhythm;
  exports io.companyos.scoring.series;
  exports io.companyos.scoring.anomaly;
  exports io.companyos.scoring.window;
  exports io.companyos.scoring.catalog;
  exports io.companyos.scoring.recommend;
}
