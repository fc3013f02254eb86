package io.companyos.export.confluence;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.SourceContext;
import io.companyos.sources.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pack documents for tests: the sample company's real packs and small hand-made ones. */
final class Samples {
  static final CompanyDefinition COMPANY = BuiltinDefinitions.load();
  static final Instant AS_OF = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow WINDOW = new TimeWindow(AS_OF.minusSeconds(7 * 86_400), AS_OF);
  static final Period WEEK = Period.containing(PeriodKind.WEEK, LocalDate.of(2026, 11, 16));

  private Samples() {}

  private static final Map<String, PackDocument> PACKS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The sample company's pack {@code id} at the fixed sample as-of instant (assembled once; documents are immutable). */
  static PackDocument pack(String id) {
    return PACKS.computeIfAbsent(id, Samples::assemble);
  }

  /** A freshly assembled pack {@code id}, for tests that compare two assemblies. */
  static PackDocument assemble(String id) {
    MetricSource source = new SampleSourceProvider().create(SourceContext.of("sample", Map.of(),
        Clock.fixed(SampleSourceProvider.DEFAULT_AS_OF, ZoneOffset.UTC), Path.of(".")));
    return new PackAssembler(COMPANY, List.of(source))
        .assemble(COMPANY.pack(id).orElseThrow(), SampleSourceProvider.DEFAULT_AS_OF, ZoneOffset.UTC);
  }

  static List<String> packIds() {
    return COMPANY.packIds();
  }

  static Provenance provenance(String query) {
    return new Provenance("warehouse", query, WINDOW, AS_OF, 12);
  }

  /** A document with the given sections and no summary or movers. */
  static PackDocument doc(String title, List<PackSection> sections) {
    return new PackDocument("test-pack", title, "Weekly Test", AS_OF, ZoneOffset.UTC, WEEK, WEEK.previous(), sections,
        List.of(), null);
  }

  /** An available section with the given fields. */
  static PackSection fields(String title, List<Field> fields) {
    return new PackSection("custom", title, WINDOW, null, fields, List.of(), List.of(), "", "", null);
  }

  /** A section with one table of {@code rows} rows ("row i", count i). */
  static PackSection bigTable(String caption, int rows) {
    List<List<MetricValue>> r = new ArrayList<>();
    for (int i = 1; i <= rows; i++) {
      r.add(List.of(MetricValue.label("row " + i), MetricValue.of(i, Unit.COUNT, provenance("q"))));
    }
    return new PackSection("custom_table", "Big Table", WINDOW, null, List.of(),
        List.of(new SectionTable(caption, List.of("Name", "Count"), r, "")), List.of(), "", "", null);
  }

  /** {@code n} fields with distinct labels ("Field 1" ...). */
  static List<Field> manyFields(int n) {
    List<Field> f = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      f.add(new Field("f" + i, "Field " + i, MetricValue.of(i, Unit.COUNT, provenance("q" + (i % 3)))));
    }
    return f;
  }
}
