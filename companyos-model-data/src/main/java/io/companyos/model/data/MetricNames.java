package io.companyos.model.data;

/**
 * Names of the metrics CompanyOS reads, shared by sources (the sample company, the Prometheus
 * recording rules in {@code docs/prometheus/companyos-rules.yml}) and pack sections. The first three
 * are the seed's health-check queries, spelled exactly as in the seed.
 */
public final class MetricNames {
  /** Error-budget burn rate per service (error ratio / (1 − SLO target)); label {@code service}. */
  public static final String ERROR_BUDGET_BURN_RATE = "companyos:service:error_budget_burn_rate:ratio";
  /** Open critical CVEs, a gauge. */
  public static final String CRITICAL_CVE_COUNT = "companyos:security:critical_cve_count:gauge";
  /** Incidents currently open in PagerDuty; label {@code severity} (P1..P4), one series each. */
  public static final String ACTIVE_INCIDENTS = "pagerduty_incidents_active_total";

  /** Requests served per hour (SLI denominator); label {@code service}. */
  public static final String SLO_REQUESTS = "companyos:slo:requests:count";
  /** Failed requests per hour (SLI numerator of bad events); label {@code service}. */
  public static final String SLO_ERRORS = "companyos:slo:errors:count";
  /** Availability SLO target as a ratio, e.g. 0.999; label {@code service}. */
  public static final String SLO_TARGET = "companyos:slo:target:ratio";
  /** p95 request latency in milliseconds per hour; label {@code service}. */
  public static final String LATENCY_P95_MS = "companyos:service:latency_p95:ms";

  /** Line coverage of the test suite, 0..1, daily. */
  public static final String TEST_COVERAGE = "companyos:quality:test_coverage:ratio";
  /** Share of API endpoints covered by ABAC policies, 0..1, daily. */
  public static final String ABAC_COVERAGE = "companyos:security:abac_coverage:ratio";
  /** Share of compliance controls passing, 0..1, daily. */
  public static final String COMPLIANCE_CONTROLS_PASSING = "companyos:security:compliance_controls_passing:ratio";
  /** Security reviews waiting for a reviewer, a daily gauge. */
  public static final String PENDING_SECURITY_REVIEWS = "companyos:security:pending_reviews:gauge";

  /** Cloud budget for the month, one point at the first instant of the month (billing currency). */
  public static final String MONTHLY_BUDGET = "companyos:finops:monthly_budget:currency";
  /** Target cloud cost per monthly active user, one point per month. */
  public static final String TARGET_COST_PER_MAU = "companyos:finops:target_cost_per_mau:currency";
  /** Gross margin of the month, 0..1, one point per month. */
  public static final String GROSS_MARGIN = "companyos:finance:gross_margin:ratio";

  private MetricNames() {}
}
