package io.companyos.render.internal;

import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.Mover;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the "What changed" block: the values with the largest relative change against their previous
 * period. Ties keep reading order, so the block is deterministic.
 */
public final class WhatChanged {
  /** How many movers a pack's "What changed" block lists. */
  public static final int SHOWN = 5;

  private WhatChanged() {}

  /** At most {@code limit} values with a relative change, largest absolute change in percent first. */
  public static List<Mover> biggestMovers(List<PackSection> sections, int limit) {
    List<Mover> all = new ArrayList<>();
    for (PackSection s : sections) {
      String where = s.title().isEmpty() ? SectionTitles.humanized(s.type()) : s.title();
      for (Field f : s.fields()) {
        add(all, where, f.label(), f.value());
      }
      for (SectionTable t : s.tables()) {
        for (List<MetricValue> row : t.rows()) {
          for (int c = 1; c < row.size(); c++) {
            add(all, where, row.get(0).text() + " " + t.columns().get(c), row.get(c));
          }
        }
      }
    }
    return all.stream()
        .sorted(Comparator.comparingDouble((Mover m) -> -Math.abs(m.value().deltaPercent())))
        .limit(limit)
        .toList();
  }

  private static void add(List<Mover> all, String section, String label, MetricValue v) {
    if (v.deltaPercent() != null && v.deltaPercent() != 0 && all.stream().noneMatch(m -> m.value() == v)) {
      all.add(new Mover(section, label, v));
    }
  }
}
