package io.companyos.render;

import java.util.Objects;

/**
 * A labelled value of a section ("Active Incidents: 2"). The key is stable for templates and JSON;
 * the label is what the reader sees and matches the seed's wording.
 */
public record Field(String key, String label, MetricValue value) {
  public Field {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
  }
}
