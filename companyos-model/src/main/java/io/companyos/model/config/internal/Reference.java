package io.companyos.model.config.internal;

/**
 * A mention of a role id, a meeting id, a dashboard url or a RACI activity somewhere in a file, remembered with its
 * position so that it can be checked once every file of a definition set has been read.
 */
public record Reference(Kind kind, String id, String file, Mark mark, String context) {
  /**
   * What the id names: a role of roles.yaml, a meeting of rhythm.yaml, a dashboard url of dashboards.yaml,
   * a dimension or KPI of the built-in health model, an activity of raci.yaml, an SLO of the company's SLO specs.
   */
  public enum Kind { ROLE, MEETING, DASHBOARD_URL, HEALTH_DIMENSION, HEALTH_KPI, RACI_ACTIVITY, SLO }
}
