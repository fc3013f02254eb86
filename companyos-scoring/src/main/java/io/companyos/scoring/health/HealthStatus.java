package io.companyos.scoring.health;

/** The status band of a health score. */
public enum HealthStatus {
  /** The score reaches the healthy threshold. */
  HEALTHY("Healthy"),
  /** The score reaches the watch threshold but not the healthy one. */
  WATCH("Watch"),
  /** The score is below the watch threshold. */
  AT_RISK("At risk");

  private final String label;

  HealthStatus(String label) {
    this.label = label;
  }

  /**
   * The name packs show.
   *
   * @return "Healthy", "Watch" or "At risk"
   */
  public String label() {
    return label;
  }
}
