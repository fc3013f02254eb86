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
 * @param fields the labelled values, in reading order
 * @param tables the tables, in reading order
 * @param items list entries; when empty and {@code emptyText} is not blank, that text is shown
 * @param emptyText the text shown when the list has no entries; empty for none
 * @param note free text shown after the content; empty for none
 * @param unavailableReason why the section could not be filled, shown in place of its content; null when it has
 *     content
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

  /**
   * Copies the lists, which are unmodifiable afterwards.
   *
   * @param type the section type name
   * @param title the heading; empty when the section sits under the previous heading
   * @param window the period the section reports on, or null
   * @param previousWindow the period it compares against, or null
   * @param fields the labelled values
   * @param tables the tables
   * @param items the list entries
   * @param emptyText the text shown when the list has no entries; empty for none
   * @param note free text shown after the content; empty for none
   * @param unavailableReason why the section could not be filled, or null when it has content
   * @param visibleTo the roles that may see the section; empty for every recipient
   * @param stale which data ends when, or null when the data is fresh
   * @param charts the charts
   * @throws NullPointerException if {@code type}, {@code title}, {@code emptyText} or {@code note} is null
   */
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

  /**
   * A section without charts.
   *
   * @param type the section type name
   * @param title the heading; empty when the section sits under the previous heading
   * @param window the period the section reports on, or null
   * @param previousWindow the period it compares against, or null
   * @param fields the labelled values
   * @param tables the tables
   * @param items the list entries
   * @param emptyText the text shown when the list has no entries; empty for none
   * @param note free text shown after the content; empty for none
   * @param unavailableReason why the section could not be filled, or null when it has content
   * @param visibleTo the roles that may see the section; empty for every recipient
   * @param stale which data ends when, or null when the data is fresh
   */
  public PackSection(String type, String title, @Nullable TimeWindow window, @Nullable TimeWindow previousWindow,
      List<Field> fields, List<SectionTable> tables, List<MetricValue> items, String emptyText, String note,
      @Nullable String unavailableReason, List<String> visibleTo, @Nullable String stale) {
    this(type, title, window, previousWindow, fields, tables, items, emptyText, note, unavailableReason, visibleTo, stale,
        List.of());
  }

  /**
   * A section every recipient of the pack may see (no {@code visible_to}), with fresh data and no charts.
   *
   * @param type the section type name
   * @param title the heading; empty when the section sits under the previous heading
   * @param window the period the section reports on, or null
   * @param previousWindow the period it compares against, or null
   * @param fields the labelled values
   * @param tables the tables
   * @param items the list entries
   * @param emptyText the text shown when the list has no entries; empty for none
   * @param note free text shown after the content; empty for none
   * @param unavailableReason why the section could not be filled, or null when it has content
   */
  public PackSection(String type, String title, @Nullable TimeWindow window, @Nullable TimeWindow previousWindow,
      List<Field> fields, List<SectionTable> tables, List<MetricValue> items, String emptyText, String note,
      @Nullable String unavailableReason) {
    this(type, title, window, previousWindow, fields, tables, items, emptyText, note, unavailableReason, List.of(), null);
  }

  /**
   * A section with fresh data and no charts.
   *
   * @param type the section type name
   * @param title the heading; empty when the section sits under the previous heading
   * @param window the period the section reports on, or null
   * @param previousWindow the period it compares against, or null
   * @param fields the labelled values
   * @param tables the tables
   * @param items the list entries
   * @param emptyText the text shown when the list has no entries; empty for none
   * @param note free text shown after the content; empty for none
   * @param unavailableReason why the section could not be filled, or null when it has content
   * @param visibleTo the roles that may see the section; empty for every recipient
   */
  public PackSection(String type, String title, @Nullable TimeWindow window, @Nullable TimeWindow previousWindow,
      List<Field> fields, List<SectionTable> tables, List<MetricValue> items, String emptyText, String note,
      @Nullable String unavailableReason, List<String> visibleTo) {
    this(type, title, window, previousWindow, fields, tables, items, emptyText, note, unavailableReason, visibleTo, null);
  }

  /**
   * This section restricted to {@code roles} (the YAML's {@code visible_to}).
   *
   * @param roles the role or group ids that may see it; empty means every recipient of the pack
   * @return a copy with {@link #visibleTo()} replaced
   */
  public PackSection withVisibleTo(List<String> roles) {
    return new PackSection(type, title, window, previousWindow, fields, tables, items, emptyText, note,
        unavailableReason, roles, stale, charts);
  }

  /**
   * This section marked stale: {@code notice} says whose data ends when, e.g. "incidents.csv (exports) ends
   * 2026-11-14, 9 days before the as-of".
   *
   * @param notice the staleness notice, or null for fresh data
   * @return a copy with {@link #stale()} replaced
   */
  public PackSection withStale(@Nullable String notice) {
    return new PackSection(type, title, window, previousWindow, fields, tables, items, emptyText, note,
        unavailableReason, visibleTo, notice, charts);
  }

  /**
   * This section with {@code added} after its own charts.
   *
   * @param added the charts to append
   * @return a copy with the charts appended
   */
  public PackSection withCharts(List<Chart> added) {
    List<Chart> all = new java.util.ArrayList<>(charts);
    all.addAll(added);
    return new PackSection(type, title, window, previousWindow, fields, tables, items, emptyText, note,
        unavailableReason, visibleTo, stale, all);
  }

  /**
   * Whether the section declares who may see it.
   *
   * @return true when {@link #visibleTo()} names at least one role
   */
  public boolean restricted() {
    return !visibleTo.isEmpty();
  }

  /**
   * A section that could not be filled, with the reason shown to the reader.
   *
   * @param type the section type name
   * @param title the heading
   * @param reason why it could not be filled
   * @return a section without content, windows or charts, visible to every recipient
   */
  public static PackSection unavailable(String type, String title, String reason) {
    return new PackSection(type, title, null, null, List.of(), List.of(), List.of(), "", "", reason);
  }

  /**
   * Whether some of the section's data ends well before its window does (see {@link #stale()}).
   *
   * @return true when {@link #stale()} is not null
   */
  public boolean isStale() {
    return stale != null;
  }

  /**
   * Whether the section has content (possibly with some absent values).
   *
   * @return true when {@link #unavailableReason()} is null
   */
  public boolean available() {
    return unavailableReason == null;
  }

  /**
   * Every value of the section in reading order: fields, table cells, items.
   *
   * @return the values, a new list on each call
   */
  public List<MetricValue> values() {
    java.util.ArrayList<MetricValue> all = new java.util.ArrayList<>();
    fields.forEach(f -> all.add(f.value()));
    tables.forEach(t -> t.rows().forEach(all::addAll));
    all.addAll(items);
    return all;
  }
}
