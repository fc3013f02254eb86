package io.companyos.model.pack;

import java.util.Locale;

/** Where a finished pack goes: a Slack channel, e-mail, or the dashboard site. */
public enum DeliveryChannel {
  SLACK,
  EMAIL,
  DASHBOARD;

  /** The lower-case name used in YAML. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for channels addressed by {@code url} (the dashboard) rather than {@code destination}. */
  public boolean usesUrl() {
    return this == DASHBOARD;
  }
}
