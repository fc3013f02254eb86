package io.companyos.render;

import io.companyos.model.time.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects the content of one section while an assembler computes it; {@link #build()} freezes it. */
public final class SectionBuilder {
  private final String type;
  private final String title;
  private final @Nullable TimeWindow window;
  private final @Nullable TimeWindow previousWindow;
  private final List<Field> fields = new ArrayList<>();
  private final List<SectionTable> tables = new ArrayList<>();
  private final List<MetricValue> items = new ArrayList<>();
  private String emptyText = "";
  private String note = "";
  private final List<io.companyos.render.chart.Chart> charts = new ArrayList<>();

  SectionBuilder(String type, String title, @Nullable TimeWindow window, @Nullable TimeWindow previousWindow) {
    this.type = type;
    this.title = title;
    this.window = window;
    this.previousWindow = previousWindow;
  }

  /**
   * Adds a labelled value after the ones added so far.
   *
   * @param key the stable key for templates and JSON ({@code active_incidents})
   * @param label the label the reader sees
   * @param value the value
   * @return this builder
   */
  public SectionBuilder field(String key, String label, MetricValue value) {
    fields.add(new Field(key, label, value));
    return this;
  }

  /**
   * Adds a table after the ones added so far.
   *
   * @param table the table
   * @return this builder
   */
  public SectionBuilder table(SectionTable table) {
    tables.add(table);
    return this;
  }

  /**
   * Adds a list entry after the ones added so far.
   *
   * @param item the entry
   * @return this builder
   */
  public SectionBuilder item(MetricValue item) {
    items.add(item);
    return this;
  }

  /**
   * Sets the text shown when the list has no entries ("No deploys in the window.").
   *
   * @param text the text; empty for none
   * @return this builder
   */
  public SectionBuilder emptyText(String text) {
    this.emptyText = text;
    return this;
  }

  /**
   * Sets the note shown after the content.
   *
   * @param text the note; empty for none
   * @return this builder
   */
  public SectionBuilder note(String text) {
    this.note = text;
    return this;
  }

  /**
   * Adds a chart of series this section computed.
   *
   * @param chart the chart
   * @return this builder
   */
  public SectionBuilder chart(io.companyos.render.chart.Chart chart) {
    charts.add(chart);
    return this;
  }

  /**
   * How many list entries were added so far.
   *
   * @return the number of entries
   */
  public int itemCount() {
    return items.size();
  }

  /**
   * The section as unavailable for {@code reason}, keeping any labels and columns added so far.
   *
   * @param reason why the section could not be filled
   * @return the section with what was added so far and the reason; without charts
   */
  public PackSection buildUnavailable(String reason) {
    return new PackSection(type, title, window, previousWindow, fields, tables, items, emptyText, note, reason);
  }

  /**
   * The section with everything added so far.
   *
   * @return the available section, visible to every recipient (the assembler applies {@code visible_to})
   */
  public PackSection build() {
    return new PackSection(type, title, window, previousWindow, fields, tables, items, emptyText, note, null, List.of(),
        null, charts);
  }
}
