package io.companyos.export.pptx;

import io.companyos.model.BuiltinDefinitions;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.time.Period;
import io.companyos.model.time.PeriodKind;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.ExecutiveSummary;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.Mover;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.scoring.Direction;
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

/** Documents for the exporter tests: real packs of the sample company and a hand-made awkward one. */
final class Docs {
  static final Instant AS_OF = SampleSourceProvider.DEFAULT_AS_OF;
  /** A cell with no break opportunity, longer than any page is wide. */
  static final String LONG_TOKEN = "x".repeat(40) + "LONGTOKEN" + "y".repeat(200);

  private static final CompanyDefinition COMPANY = BuiltinDefinitions.load();

  private Docs() {}

  /** The sample company's pack {@code packId} at the sample as-of. */
  static PackDocument sample(String packId) {
    MetricSource source = new SampleSourceProvider().create(
        SourceContext.of("sample", Map.of(), Clock.fixed(AS_OF, ZoneOffset.UTC), Path.of(".")));
    return new PackAssembler(COMPANY, List.of(source))
        .assemble(COMPANY.pack(packId).orElseThrow(), AS_OF, ZoneOffset.UTC);
  }

  static final Provenance BILLING = new Provenance("billing-db", "SELECT sum(amount) FROM invoices | where paid",
      new TimeWindow(Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")), AS_OF, 42);
  static final Provenance TICKETS = new Provenance("tickets", "status:open project:OPS",
      new TimeWindow(Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")), AS_OF, 7);

  /**
   * A pack with everything awkward: markup and pipes in text, glyphs outside Latin-1, an absent value,
   * a value with history, a 120-row table with an unbreakable cell, an unavailable section, a note
   * with line breaks, and seven sections (so it gets a table of contents).
   */
  static PackDocument tricky() {
    TimeWindow week = BILLING.window();
    MetricValue revenue = MetricValue.of(1234.5, Unit.NUMBER, "€1,234.50 ± 3", BILLING)
        .comparedWith(1000.0, Direction.HIGHER_IS_BETTER)
        .withHistory(List.of(900.0, 950.0, 1000.0, 1100.0, 1234.5));
    MetricValue churn = MetricValue.of(2.5, Unit.PERCENT, BILLING).comparedWith(4.0, Direction.LOWER_IS_BETTER);
    MetricValue margin = MetricValue.absent("no cost source configured", Unit.PERCENT);
    PackSection finance = new PackSection("finance", "Finance <script>alert('x')</script> | Δ", week, week.previous(),
        List.of(new Field("revenue", "Revenue (€)", revenue), new Field("churn", "Churn", churn),
            new Field("margin", "Gross margin", margin)),
        List.of(), List.of(), "", "Line one of the note\nLine two | with a pipe <b>not bold</b>", null);
    List<List<MetricValue>> rows = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      rows.add(List.of(MetricValue.text("OPS-" + i, TICKETS),
          MetricValue.label(i == 3 ? LONG_TOKEN : i == 4 ? "<script>alert(1)</script>" : i == 5 ? "a|b\nc" : "Ticket title " + i),
          MetricValue.of(i, Unit.COUNT, TICKETS)));
    }
    PackSection tickets = new PackSection("tickets", "Open tickets", week, null, List.of(),
        List.of(new SectionTable("Tickets by age", List.of("Key", "Title", "Age (days)"), rows, "No open tickets")),
        List.of(), "", "", null);
    PackSection security = PackSection.unavailable("security", "Security posture", "source timed out after 10 s");
    List<PackSection> sections = new ArrayList<>(List.of(finance, tickets, security));
    for (int i = 4; i <= 7; i++) {
      sections.add(new PackSection("extra_" + i, "Extra section " + i, week, null,
          List.of(new Field("n", "Number " + i, MetricValue.of(i * 11, Unit.COUNT, TICKETS))), List.of(),
          List.of(MetricValue.text("item " + i, null)), "", "", null));
    }
    Period period = new Period(PeriodKind.WEEK, LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-23"), "Week 47");
    Period previous = new Period(PeriodKind.WEEK, LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-16"), "Week 46");
    return new PackDocument("tricky", "Tricky <Pack> & \"Co\" | Δ", "Weekly <sync>", AS_OF, ZoneOffset.UTC, period,
        previous, sections, List.of(new Mover("Finance", "Revenue", revenue)),
        new ExecutiveSummary("Health 78/100 ▲", "Risk: churn", "Win: revenue €", "Decide: hiring"));
  }

  /** A one-section pack whose title, section title, field label, table cell and note are all {@code s}. */
  static PackDocument with(String s) {
    PackSection section = new PackSection("any", s, BILLING.window(), null,
        List.of(new Field("f", s, MetricValue.of(7, Unit.COUNT, BILLING))),
        List.of(new SectionTable("", List.of("Name", "Count"),
            List.of(List.of(MetricValue.label(s), MetricValue.of(3, Unit.COUNT, TICKETS))), "")),
        List.of(), "", s, null);
    Period period = new Period(PeriodKind.WEEK, LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-23"), "Week 47");
    Period previous = new Period(PeriodKind.WEEK, LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-16"), "Week 46");
    return new PackDocument("any", s, null, AS_OF, ZoneOffset.UTC, period, previous, List.of(section), List.of(), null);
  }

  /** Whether every character of {@code s} is allowed in XML 1.0 and none is a carriage return (parsers fold those). */
  static boolean plainXmlText(String s) {
    return s.codePoints().allMatch(c -> c == 0x9 || c == 0xA || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
  }
}
