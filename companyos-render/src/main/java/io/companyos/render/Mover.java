package io.companyos.render;

import java.util.Objects;

/**
 * One entry of a pack's "What changed" block: a value that moved a lot against its previous period,
 * with the section and label it belongs to.
 */
public record Mover(String section, String label, MetricValue value) {
  public Mover {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
  }
}
