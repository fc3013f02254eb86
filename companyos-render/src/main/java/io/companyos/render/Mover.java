package io.companyos.render;

import java.util.Objects;

/**
 * One entry of a pack's "What changed" block: a value that moved a lot against its previous period,
 * with the section and label it belongs to.
 *
 * @param section the heading of the section the value is in (its type in words when it has no title)
 * @param label the field's label, or for a table cell its row's first cell and its column heading
 * @param value the value, with its change against the previous period
 */
public record Mover(String section, String label, MetricValue value) {
  /**
   * Checks that no component is null.
   *
   * @param section the heading of the section the value is in
   * @param label the value's label
   * @param value the value
   * @throws NullPointerException if any component is null
   */
  public Mover {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
  }
}
