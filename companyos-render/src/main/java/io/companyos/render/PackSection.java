package io.companyos.render;

import io.companyos.model.time.TimeWindow;
import io.companyos.render.chart.Chart;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One assembled section of a pack: labelled fields, tables, list items and a note, for the window it
 * describes. An unavailable section (source failed, timed out, not configured) has no content and
 * says why in {@link #unavailableReason()}; the rest of the pack is still produced.
 *
 * @param type the section type name ({@code incident_summary})
 * @param title the heading; empty when the section sits under the previous heading
 * @param window the period the section reports on; null when it has none
 * @param previousWindow the period it compares against; null when it does not compare
 * @param items list entries; when empty and {@code emptyText} is not blank, that text is shown
 * @param note free text shown after the content; empty for none
 * @param visibleTo the pack YAML's {@code visible_to} roles; empty when every recipient of the pack may
 *     see the section (see {@link AccessPolicy})
 * @param stale null when the section's data is fresh; else which data ends when, e.g. "incidents.csv
 *     (exports) ends 2026-11-14, 9 days before the as-of"
 * @param charts the charts of series the section computed (see {@link Chart}); empty for none. They go wherever the
 *     section goes, so a section hidden from a reader hides its charts too.
 */
public record PackSection(
    String type,
    String title,
    @Nullable TimeWindow window,
    @Nullable TimeWindow previousWindow,
    List<Field> fields,
    List<SectionTable> tables,
    List<MetricValue> items,
    String emptyText,
    String note,
    @Nullable String unavailableReason,
    List<String> visibleTo,
    @Nullable String stale,
    List<Chart> charts) {

  public PackSection {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(emptyText, "emptyText");
    Objects.requireNonNull(note, "note");
    fields = List.copyOf(fields);
    tables = List.copyOf(tables);
    items = List.copyOf(items);
    visibleTo = List.copyOf(visibleTo);
    charts = List.copyOf(charts);
  }

  /** A section without charts. */
  public PackSection(String type, String title, @Nullable TimeWindow window, @Nullable TimeWindow previousWindow,
      List<Field> fields, List<SectionTable> tables, List<MetricValue> items, String emptyText, String note,
      @Nullable String unavailableReason, List<String> visibleTo, @Nullable String stale) {
    this(type, title, window, previousWindow, fields, tables, items, emptyText, note, unavailableReason, visibleTo, stale,
        List.of());
  }

  /** A section every recipient of the pack may see (no {@code visible_to}), with fresh data. */
  public PackSection(String type, String title, @Nullable TimeWindow window, @Nullable TimeWindow previousWindow,
      List<Field> fields, List<SectionTable> tables, List<MetricValue> items, String emptyText, String note,
      @Nullable String unavailableReason) {
    this(type, title, window, previousWindow, fields, tables, items, emptyText, note, unavailableReason, List.of(), null);
  }

  /** A section with fresh data. */
  public PackSection(String type, String title, @Nullable TimeWindow window, @Nullable TimeWindow previousWindow,
      List<Field> fields, List<SectionTable> tables, List<MetricValue> items, String emptyText, String note,
      @Nullable String unavailableReason, List<String> visibleTo) {
    this(type, title, window, previousWindow, fields, tables, items, emptyText, note, unavailableReason, visibleTo, null);
  }

  /** This section restricted to {@code roles} (the YAML's {@code visible_to}); empty means unrestricted. */
  public PackSection withVisibleTo(List<String> roles) {
    return new PackSection(type, title, window, previousWindow, fields, tables, items, emptyText, note,
        unavailableReason, roles, stale, charts);
  }

  /**
   * This section marked stale: {@code notice} says whose data ends when, e.g. "incidents.csv (exports) ends
   * 2026-11-14, 9 days before the as-of".
   */
  public PackSection withStale(@Nullable String notice) {
    return new PackSection(type, title, window, previousWindow, fields, tables, items, emptyText, note,
        unavailableReason, visibleTo, notice, charts);
  }

  /** This section with {@code added} after its own charts. */
  public PackSection withCharts(List<Chart> added) {
    List<Chart> all = new java.util.ArrayList<>(charts);
    all.addAll(added);
    return new PackSection(type, title, window, previousWindow, fields, tables, items, emptyText, note,
        unavailableReason, visibleTo, stale, all);
  }

  /** Whether the section declares who may see it. */
  public boolean restricted() {
    return !visibleTo.isEmpty();
  }

  /** A section that could not be filled, with the reason shown to the reader. */
  public static PackSection unavailable(String type, String title, String reason) {
    return new PackSection(type, title, null, null, List.of(), List.of(), List.of(), "", "", reason);
  }

  /** True when some of the section's data ends well before its window does (see {@link #stale()}). */
  public boolean isStale() {
    return stale != null;
  }

  /** True when the section has content (possibly with some absent values). */
  public boolean available() {
    return unavailableReason == null;
  }

  /** Every value of the section in reading order: fields, table cells, items. */
  public List<MetricValue> values() {
    java.util.ArrayList<MetricValue> all = new java.util.ArrayList<>();
    fields.forEach(f -> all.add(f.value()));
    tables.forEach(t -> t.rows().forEach(all::addAll));
    all.addAll(items);
    return all;
  }
}
