package io.companyos.render;

import io.companyos.model.time.Period;
import io.companyos.sources.Provenance;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A finished meeting pack as data: what every renderer (Markdown, HTML, JSON) writes out. It is
 * immutable and fully determined by the pack definition, the sources' answers, the as-of instant and
 * the time zone, so the same inputs give byte-identical output.
 *
 * @param packId the pack's id ({@code ops-review})
 * @param title the pack's name ({@code Weekly Ops Review})
 * @param meeting the rhythm meeting it prepares, or null
 * @param asOf the instant the data is taken at
 * @param zone the time zone dates are shown in
 * @param period the period the pack reports on (the week, month, quarter, sprint or day)
 * @param previousPeriod the period it is compared with
 * @param sections the sections shown, in the pack definition's order
 * @param movers the biggest movers, for the "What changed" block
 * @param summary the executive summary of leadership packs; null for the others
 * @param supporting sections assembled only to feed the summary (a health score or the open decisions
 *     the pack does not show); never rendered, kept so that {@link AccessPolicy} can recompute the
 *     summary from what a reader may see
 */
public record PackDocument(
    String packId,
    String title,
    @Nullable String meeting,
    Instant asOf,
    ZoneId zone,
    Period period,
    Period previousPeriod,
    List<PackSection> sections,
    List<Mover> movers,
    @Nullable ExecutiveSummary summary,
    List<PackSection> supporting) {

  /**
   * Copies the lists, which are unmodifiable afterwards.
   *
   * @param packId the pack's id
   * @param title the pack's name
   * @param meeting the rhythm meeting it prepares, or null
   * @param asOf the instant the data is taken at
   * @param zone the time zone dates are shown in
   * @param period the period the pack reports on
   * @param previousPeriod the period it is compared with
   * @param sections the sections shown
   * @param movers the biggest movers
   * @param summary the executive summary, or null
   * @param supporting sections assembled only to feed the summary
   * @throws NullPointerException if {@code packId}, {@code title}, {@code asOf}, {@code zone}, {@code period} or
   *     {@code previousPeriod} is null
   */
  public PackDocument {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(previousPeriod, "previousPeriod");
    sections = List.copyOf(sections);
    movers = List.copyOf(movers);
    supporting = List.copyOf(supporting);
  }

  /**
   * A document without supporting sections.
   *
   * @param packId the pack's id
   * @param title the pack's name
   * @param meeting the rhythm meeting it prepares, or null
   * @param asOf the instant the data is taken at
   * @param zone the time zone dates are shown in
   * @param period the period the pack reports on
   * @param previousPeriod the period it is compared with
   * @param sections the sections shown
   * @param movers the biggest movers
   * @param summary the executive summary, or null
   */
  public PackDocument(String packId, String title, @Nullable String meeting, Instant asOf, ZoneId zone,
      Period period, Period previousPeriod, List<PackSection> sections, List<Mover> movers,
      @Nullable ExecutiveSummary summary) {
    this(packId, title, meeting, asOf, zone, period, previousPeriod, sections, movers, summary, List.of());
  }

  /**
   * How many sections have content.
   *
   * @return the number of shown sections that are available
   */
  public int availableSections() {
    return (int) sections.stream().filter(PackSection::available).count();
  }

  /**
   * How many sections show data that ends well before their window (see {@link PackSection#stale()}).
   *
   * @return the number of shown sections that are stale
   */
  public int staleSections() {
    return (int) sections.stream().filter(PackSection::isStale).count();
  }

  /**
   * The header line every pack starts with.
   *
   * @return "N of M sections available", followed by ", K stale" when some sections are stale
   */
  public String availabilityLine() {
    int stale = staleSections();
    return availableSections() + " of " + sections.size() + " sections available" + (stale > 0 ? ", " + stale + " stale" : "");
  }

  /**
   * The located problems that left sections or values out (a bad row of a strict data file), one line each as the
   * CLI prints errors ({@code incidents.csv:6: COS-SRC-003 ...}), distinct, in section order; control characters are
   * escaped and credentials masked, so the lines are safe to print on a terminal.
   *
   * @return the lines, from the unavailable reasons of the sections (supporting ones included) and the absent
   *     reasons of their values; empty when no problem was located
   */
  public List<String> locatedProblems() {
    java.util.Set<String> lines = new java.util.LinkedHashSet<>();
    for (List<PackSection> list : List.of(sections, supporting)) {
      for (PackSection s : list) {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        reasons.add(s.unavailableReason());
        s.values().forEach(v -> reasons.add(v.absentReason()));
        for (String r : reasons) {
          if (r != null && io.companyos.render.internal.Reasons.isLocated(r)) {
            lines.add(io.companyos.model.base.Redaction.printable(io.companyos.model.base.Redaction.message(r)));
          }
        }
      }
    }
    return List.copyOf(lines);
  }

  /**
   * Whether the pack is partial.
   *
   * @return true when at least one shown section is unavailable
   */
  public boolean partial() {
    return availableSections() < sections.size();
  }

  /**
   * The footnotes: each distinct provenance numbered from 1 in order of first appearance (sections in
   * order, then fields, table cells and items), so numbering is deterministic. The provenances the executive
   * summary quotes come first, since the summary is read first.
   *
   * @return each provenance with its footnote number, in numbering order
   */
  public Map<Provenance, Integer> footnotes() {
    Map<Provenance, Integer> numbers = new LinkedHashMap<>();
    if (summary != null) {
      // The summary is read first, so the values it quotes are numbered first; the same footnote then marks the value
      // in its section.
      for (Provenance p : summary.sources()) {
        numbers.putIfAbsent(p, numbers.size() + 1);
      }
    }
    for (PackSection s : sections) {
      for (MetricValue v : s.values()) {
        Provenance p = v.provenance();
        if (p != null && !numbers.containsKey(p)) {
          numbers.put(p, numbers.size() + 1);
        }
      }
    }
    return numbers;
  }

  /**
   * One entry of the evidence appendix: a shown value that lists the records it counted, with the section it is in,
   * a label ("Change Failure Rate", or "row · column" for a table cell) and the record ids.
   *
   * @param section the title of the section the value is in
   * @param label the field's label, or "row · column" for a table cell
   * @param ids the ids of the records the value counted
   */
  public record Evidence(String section, String label, List<String> ids) {
    /**
     * Copies the ids, which are unmodifiable afterwards.
     *
     * @param section the title of the section the value is in
     * @param label the field's label, or "row · column" for a table cell
     * @param ids the ids of the records the value counted
     * @throws NullPointerException if {@code section} or {@code label} is null
     */
    public Evidence {
      Objects.requireNonNull(section, "section");
      Objects.requireNonNull(label, "label");
      ids = List.copyOf(ids);
    }
  }

  /**
   * The evidence appendix every format prints: each shown value with record ids ({@link MetricValue#evidence()}), in
   * pack order (sections, then fields before table cells).
   *
   * @return the entries; empty when no shown value lists records
   */
  public List<Evidence> evidence() {
    List<Evidence> out = new java.util.ArrayList<>();
    for (PackSection s : sections) {
      for (Field f : s.fields()) {
        if (!f.value().evidence().isEmpty()) {
          out.add(new Evidence(s.title(), f.label(), f.value().evidence()));
        }
      }
      for (SectionTable t : s.tables()) {
        for (List<MetricValue> row : t.rows()) {
          for (int i = 1; i < row.size() && i < t.columns().size(); i++) {
            if (!row.get(i).evidence().isEmpty()) {
              out.add(new Evidence(s.title(), row.get(0).text() + " · " + t.columns().get(i), row.get(i).evidence()));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The section of {@code type}, if the pack shows one.
   *
   * @param type the section type name ({@code incident_summary})
   * @return the first shown section of that type, or empty
   */
  public java.util.Optional<PackSection> section(String type) {
    return sections.stream().filter(s -> s.type().equals(type)).findFirst();
  }
}
