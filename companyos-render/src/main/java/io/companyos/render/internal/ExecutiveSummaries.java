package io.companyos.render.internal;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.pack.PackDefinition;
import io.companyos.render.ExecutiveSummary;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.Mover;
import io.companyos.render.PackSection;
import io.companyos.sources.Provenance;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes the rule-based executive summary of leadership packs (those sent to the executive team):
 * headline health score and status, biggest risk, biggest win, decisions needed. Every sentence is
 * taken from a section of the same pack; nothing is invented.
 */
public final class ExecutiveSummaries {
  /** Recipients that make a pack a leadership pack. */
  static final String LEADERSHIP_ROLE = "executive_team";

  private ExecutiveSummaries() {}

  /** True for packs sent to the executive team. */
  public static boolean isLeadershipPack(PackDefinition pack, CompanyDefinition company) {
    return pack.recipientRoles().contains(LEADERSHIP_ROLE);
  }

  /**
   * The summary of {@code sections}; the list may hold sections assembled only for the summary (a
   * health score or the open decisions of a pack that does not show them).
   */
  public static ExecutiveSummary of(List<PackSection> sections, java.time.ZoneId zone) {
    Line h = headline(sections, zone);
    Line r = risk(sections);
    Line w = win(sections);
    Line d = decisions(sections);
    return new ExecutiveSummary(h.text(), r.text(), w.text(), d.text(), h.source(), r.source(), w.source(), d.source());
  }

  /** A summary line and the provenance of the value it quotes. */
  private record Line(String text, @Nullable Provenance source) {
    static Line of(String text) {
      return new Line(text, null);
    }

    static Line of(String text, MetricValue quoted) {
      return new Line(text, quoted.provenance());
    }
  }

  private static Line headline(List<PackSection> sections, java.time.ZoneId zone) {
    // The executive summary section (shown or assembled for the summary) has the score and status.
    List<PackSection> ordered = new java.util.ArrayList<>(sections);
    ordered.sort(java.util.Comparator.comparing(s -> !s.type().equals("executive_summary")));
    for (PackSection s : ordered) {
      for (Field f : s.fields()) {
        if (f.key().equals("health_score") || f.key().equals("q_end_score")) {
          MetricValue v = f.value();
          String status = s.fields().stream().filter(x -> x.key().equals("health_status")).findFirst()
              .map(x -> " (" + x.value().text() + ")").orElse("");
          String over = s.window() == null ? "" : " for " + Windows.describe(s.window(), zone);
          String against = s.previousWindow() == null ? "the previous period" : Windows.describe(s.previousWindow(), zone);
          String change = v.deltaAbsolute() == null ? "" : ", " + v.deltaText() + " against " + against;
          return Line.of("Health score " + v.text() + status + over + change + ".", v);
        }
      }
    }
    return Line.of("Health score n/a (this pack has no health score section).");
  }

  private static Line risk(List<PackSection> sections) {
    Optional<MetricValue> listed = firstItem(sections, "risks");
    if (listed.isPresent()) {
      return Line.of("Biggest risk: " + listed.get().text() + ".", listed.get());
    }
    return worstMover(sections).map(m -> Line.of("Biggest risk: " + m.label() + " moved " + m.value().deltaText() + ".", m.value()))
        .orElse(Line.of("Biggest risk: n/a (no risks section and no value moved the wrong way)."));
  }

  private static Line win(List<PackSection> sections) {
    Optional<MetricValue> listed = firstItem(sections, "wins").or(() -> firstItem(sections, "achievements"));
    if (listed.isPresent()) {
      return Line.of("Biggest win: " + listed.get().text() + ".", listed.get());
    }
    return bestMover(sections).map(m -> Line.of("Biggest win: " + m.label() + " moved " + m.value().deltaText() + ".", m.value()))
        .orElse(Line.of("Biggest win: n/a (no wins section and no value moved the right way)."));
  }

  private static Line decisions(List<PackSection> sections) {
    Optional<PackSection> d = sections.stream().filter(s -> s.type().equals("decisions")).findFirst();
    if (d.isEmpty()) {
      return Line.of("Decisions needed: n/a (no decisions assembled).");
    }
    if (!d.get().available()) {
      return Line.of("Decisions needed: n/a (" + d.get().unavailableReason() + ").");
    }
    List<MetricValue> items = d.get().items();
    if (items.isEmpty()) {
      return Line.of("Decisions needed: none open.");
    }
    return Line.of("Decisions needed: " + items.size() + " (" + items.get(0).text() + (items.size() > 1 ? "; ..." : "") + ").", items.get(0));
  }

  private static Optional<MetricValue> firstItem(List<PackSection> sections, String type) {
    return sections.stream().filter(s -> s.type().equals(type) && s.available() && !s.items().isEmpty())
        .findFirst().map(s -> s.items().get(0));
  }

  private static Optional<Mover> worstMover(List<PackSection> sections) {
    return WhatChanged.biggestMovers(sections, Integer.MAX_VALUE).stream()
        .filter(m -> Boolean.FALSE.equals(m.value().good())).findFirst();
  }

  private static Optional<Mover> bestMover(List<PackSection> sections) {
    return WhatChanged.biggestMovers(sections, Integer.MAX_VALUE).stream()
        .filter(m -> Boolean.TRUE.equals(m.value().good())).findFirst();
  }
}
