package io.companyos.render.internal;

import io.companyos.render.MetricValue;
import io.companyos.render.PackSection;
import io.companyos.render.SectionAssembler;
import io.companyos.render.SectionBuilder;
import io.companyos.render.SectionContext;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import java.util.List;

/**
 * Base of the built-in assemblers: a section whose field labels and table columns are fixed by the
 * seed. When the section is unavailable, the same labels and columns are shown with "n/a (reason)",
 * so a reader still finds every heading and field of the seed's pack.
 */
abstract class FixedSection implements SectionAssembler {
  private final String type;
  private final List<List<String>> fieldLabels;
  private final List<List<String>> tableColumns;

  /**
   * @param fieldLabels pairs of key and label
   * @param tableColumns the column headings of each table
   */
  FixedSection(String type, List<List<String>> fieldLabels, List<List<String>> tableColumns) {
    this.type = type;
    this.fieldLabels = fieldLabels;
    this.tableColumns = tableColumns;
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public PackSection unavailable(SectionContext context, String reason) {
    SectionBuilder b = context.builder();
    for (List<String> f : fieldLabels) {
      b.field(f.get(0), f.get(1), MetricValue.absent(reason, Unit.TEXT));
    }
    for (List<String> cols : tableColumns) {
      b.table(new SectionTable("", cols, List.of(), "n/a (" + reason + ")"));
    }
    return b.buildUnavailable(reason);
  }

  /** Shorthand for a key/label pair. */
  static List<String> f(String key, String label) {
    return List.of(key, label);
  }
}
