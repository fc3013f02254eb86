package io.companyos.render;

import java.util.Objects;

/**
 * A labelled value of a section ("Active Incidents: 2"). The key is stable for templates and JSON;
 * the label is what the reader sees and matches the seed's wording.
 *
 * @param key the stable key ({@code active_incidents})
 * @param label the label the reader sees ("Active Incidents")
 * @param value the value
 */
public record Field(String key, String label, MetricValue value) {
  /**
   * Checks that no component is null.
   *
   * @param key the stable key
   * @param label the label the reader sees
   * @param value the value
   * @throws NullPointerException if any component is null
   */
  public Field {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
  }
}
