/** Pure scoring functions: deltas and trends, error budgets, DORA, NPS, forecasts, composite health scores. */
module io.companyos.scoring {
  requires static org.jspecify;
  requires io.companyos.model;

  exports io.companyos.scoring;
}
