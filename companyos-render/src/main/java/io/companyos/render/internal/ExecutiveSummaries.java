package io.companyos.render.internal;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.pack.PackDefinition;
import io.companyos.render.ExecutiveSummary;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.Mover;
import io.companyos.render.PackSection;
import java.util.List;
import java.util.Optional;

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
    return new ExecutiveSummary(headline(sections, zone), risk(sections), win(sections), decisions(sections));
  }

  private static String headline(List<PackSection> sections, java.time.ZoneId zone) {
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
          return "Health score " + v.text() + status + over + change + ".";
        }
      }
    }
    return "Health score n/a (this pack has no health score section).";
  }

  private static String risk(List<PackSection> sections) {
    Optional<String> listed = firstItem(sections, "risks");
    if (listed.isPresent()) {
      return "Biggest risk: " + listed.get() + ".";
    }
    return worstMover(sections).map(m -> "Biggest risk: " + m.label() + " moved " + m.value().deltaText() + ".")
        .orElse("Biggest risk: n/a (no risks section and no value moved the wrong way).");
  }

  private static String win(List<PackSection> sections) {
    Optional<String> listed = firstItem(sections, "wins").or(() -> firstItem(sections, "achievements"));
    if (listed.isPresent()) {
      return "Biggest win: " + listed.get() + ".";
    }
    return bestMover(sections).map(m -> "Biggest win: " + m.label() + " moved " + m.value().deltaText() + ".")
        .orElse("Biggest win: n/a (no wins section and no value moved the right way).");
  }

  private static String decisions(List<PackSection> sections) {
    Optional<PackSection> d = sections.stream().filter(s -> s.type().equals("decisions")).findFirst();
    if (d.isEmpty()) {
      return "Decisions needed: n/a (no decisions assembled).";
    }
    if (!d.get().available()) {
      return "Decisions needed: n/a (" + d.get().unavailableReason() + ").";
    }
    List<MetricValue> items = d.get().items();
    if (items.isEmpty()) {
      return "Decisions needed: none open.";
    }
    return "Decisions needed: " + items.size() + " (" + items.get(0).text() + (items.size() > 1 ? "; ..." : "") + ").";
  }

  private static Optional<String> firstItem(List<PackSection> sections, String type) {
    return sections.stream().filter(s -> s.type().equals(type) && s.available() && !s.items().isEmpty())
        .findFirst().map(s -> s.items().get(0).text());
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
