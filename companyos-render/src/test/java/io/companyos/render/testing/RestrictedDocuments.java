package io.companyos.render.testing;

import io.companyos.render.*;

import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.internal.ExecutiveSummaries;
import io.companyos.render.internal.WhatChanged;
import io.companyos.scoring.Direction;
import io.companyos.sources.Provenance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents whose every section carries its own marker strings and numbers, so a test can tell, in
 * any output, whether anything of a section got through: the marker {@code SECRET<i>X} in labels,
 * values, list items, notes, provenance queries and footnotes, and the number {@link #number(int)}
 * as a raw value. Section 0 is a "risks" list, so the executive summary quotes it.
 */
public final class RestrictedDocuments {
  public static final Instant AS_OF = Instant.parse("2026-11-23T09:00:00Z");

  private RestrictedDocuments() {}

  /** The marker text of section {@code i}. */
  public static String marker(int i) {
    return "SECRET" + i + "X";
  }

  /** A raw number only section {@code i} holds (digits that no date, count or footer uses). */
  public static long number(int i) {
    return 7_340_000L + 1_013L * i;
  }

  /** A document with one section per entry of {@code visibleTo} (empty = unrestricted). */
  public static PackDocument withSections(List<List<String>> visibleTo) {
    TimeWindow window = new TimeWindow(AS_OF.minusSeconds(7 * 86_400), AS_OF);
    List<PackSection> sections = new ArrayList<>();
    for (int i = 0; i < visibleTo.size(); i++) {
      sections.add(section(i, window).withVisibleTo(visibleTo.get(i)));
    }
    Period week = Period.containing(PeriodKind.WEEK, LocalDate.of(2026, 11, 16));
    return new PackDocument("restricted-pack", "Restricted Pack", null, AS_OF, ZoneOffset.UTC, week, week.previous(),
        sections, WhatChanged.biggestMovers(sections, WhatChanged.SHOWN), ExecutiveSummaries.of(sections, ZoneOffset.UTC));
  }

  private static PackSection section(int i, TimeWindow window) {
    String m = marker(i);
    Provenance p = new Provenance("src-" + m, "query " + m, window, AS_OF, 3);
    double value = number(i);
    // A value that moved against its previous period, so "What changed" and the summary pick it up.
    MetricValue moved = MetricValue.of(value, Unit.COUNT, m + " value", p)
        .comparedWith(value * 2, Direction.HIGHER_IS_BETTER);
    SectionTable table = new SectionTable("Table " + m, List.of("Name", "Count"),
        List.of(List.of(MetricValue.label("row " + m), MetricValue.of(value + 1, Unit.COUNT, m + " cell", p))), "");
    return new PackSection(i == 0 ? "risks" : "custom_" + i, "Section " + i, window, null,
        List.of(new Field("k" + i, "Label " + m, moved)), List.of(table),
        List.of(MetricValue.text(m + " item", p)), "", "note " + m, null);
  }
}
