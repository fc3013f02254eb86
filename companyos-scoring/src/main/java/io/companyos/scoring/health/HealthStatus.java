package io.companyos.scoring.health;

/** The status band of a health score. */
public enum HealthStatus {
  HEALTHY("Healthy"),
  WATCH("Watch"),
  AT_RISK("At risk");

  private final String label;

  HealthStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
