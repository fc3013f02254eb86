package io.companyos.render.internal;

import io.companyos.model.time.Period;
import io.companyos.model.time.TimeWindow;
import io.companyos.render.ExecutiveSummary;
import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.Mover;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import io.companyos.sources.Provenance;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The document as a tree of maps, lists, strings, numbers and booleans only. It is both the JSON
 * schema (docs/pack-json.md) and the only thing templates can see: no Java object reaches a template,
 * which is what keeps user templates sandboxed. Keys keep insertion order, so output is stable.
 */
public final class PackTree {
  /** Version of the JSON schema; bumped on incompatible changes. */
  public static final String SCHEMA = "companyos.pack/v1";

  private PackTree() {}

  /** The tree of {@code doc}. */
  public static Map<String, Object> of(PackDocument doc) {
    Map<Provenance, Integer> notes = doc.footnotes();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", SCHEMA);
    m.put("id", doc.packId());
    m.put("title", doc.title());
    m.put("meeting", doc.meeting());
    m.put("asOf", doc.asOf().toString());
    m.put("zone", doc.zone().normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : doc.zone().getId());
    m.put("calendar", calendar(doc));
    m.put("period", period(doc.period(), doc));
    m.put("previousPeriod", period(doc.previousPeriod(), doc));
    Map<String, Object> availability = new LinkedHashMap<>();
    availability.put("available", doc.availableSections());
    availability.put("total", doc.sections().size());
    availability.put("stale", doc.staleSections());
    availability.put("line", doc.availabilityLine());
    m.put("availability", availability);
    m.put("summary", summary(doc.summary(), notes));
    List<Object> sections = new ArrayList<>();
    Map<String, Object> byType = new LinkedHashMap<>();
    for (PackSection s : doc.sections()) {
      Map<String, Object> sm = section(s, notes, doc.zone());
      sections.add(sm);
      byType.putIfAbsent(s.type(), sm);
    }
    m.put("sections", sections);
    m.put("sectionsByType", byType);
    List<Object> movers = new ArrayList<>();
    for (Mover mv : doc.movers()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("section", mv.section());
      x.put("label", mv.label());
      x.put("value", value(mv.value(), notes));
      movers.add(x);
    }
    m.put("whatChanged", movers);
    List<Object> footnotes = new ArrayList<>();
    notes.forEach((p, n) -> {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("number", n);
      f.put("source", p.sourceId());
      f.put("query", p.query());
      f.put("windowStart", p.window().start().toString());
      f.put("windowEnd", p.window().end().toString());
      f.put("fetchedAt", p.fetchedAt().toString());
      f.put("rows", p.rowCount());
      footnotes.add(f);
    });
    m.put("footnotes", footnotes);
    m.put("evidence", evidence(doc));
    return m;
  }

  /** The evidence appendix ({@link PackDocument#evidence()}): section, label and ids of each value that lists them. */
  private static List<Object> evidence(PackDocument doc) {
    List<Object> out = new ArrayList<>();
    for (PackDocument.Evidence ev : doc.evidence()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("section", ev.section());
      e.put("label", ev.label());
      e.put("ids", ev.ids());
      out.add(e);
    }
    return out;
  }

  private static Map<String, Object> calendar(PackDocument doc) {
    LocalDate date = doc.asOf().atZone(doc.zone()).toLocalDate();
    LocalDate start = doc.period().start();
    LocalDate next = doc.period().end();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("date", date.toString());
    c.put("week", String.valueOf(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    c.put("month", start.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    c.put("year", String.valueOf(start.getYear()));
    c.put("quarter", String.valueOf(start.get(IsoFields.QUARTER_OF_YEAR)));
    c.put("sprint", doc.period().kind() == io.companyos.model.time.PeriodKind.SPRINT ? doc.period().label().replaceFirst("^Sprint ", "") : "");
    c.put("nextQuarter", String.valueOf(next.get(IsoFields.QUARTER_OF_YEAR)));
    c.put("nextQuarterYear", String.valueOf(next.getYear()));
    return c;
  }

  private static Map<String, Object> period(Period p, PackDocument doc) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", p.kind().yamlName());
    m.put("label", p.label());
    m.put("start", p.start().toString());
    m.put("end", p.end().toString());
    return m;
  }

  private static @Nullable Map<String, Object> summary(@Nullable ExecutiveSummary s, Map<Provenance, Integer> notes) {
    if (s == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("headline", s.headline());
    m.put("biggestRisk", s.biggestRisk());
    m.put("biggestWin", s.biggestWin());
    m.put("decisionsNeeded", s.decisionsNeeded());
    // The footnote of each line: the number of the provenance of the value it quotes (absent when it quotes none).
    putFootnote(m, "headlineFootnote", s.headlineSource(), notes);
    putFootnote(m, "biggestRiskFootnote", s.riskSource(), notes);
    putFootnote(m, "biggestWinFootnote", s.winSource(), notes);
    putFootnote(m, "decisionsNeededFootnote", s.decisionsSource(), notes);
    return m;
  }

  private static void putFootnote(Map<String, Object> m, String key, @Nullable Provenance p, Map<Provenance, Integer> notes) {
    Integer n = p == null ? null : notes.get(p);
    if (n != null) {
      m.put(key, n);
    }
  }

  private static Map<String, Object> section(PackSection s, Map<Provenance, Integer> notes, java.time.ZoneId zone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", s.type());
    m.put("title", s.title());
    m.put("available", s.available());
    m.put("unavailableReason", s.unavailableReason());
    m.put("stale", s.stale());
    m.put("window", window(s.window(), zone));
    m.put("previousWindow", window(s.previousWindow(), zone));
    List<Object> fields = new ArrayList<>();
    Map<String, Object> fieldsByKey = new LinkedHashMap<>();
    for (Field f : s.fields()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("key", f.key());
      fm.put("label", f.label());
      fm.put("value", value(f.value(), notes));
      fields.add(fm);
      fieldsByKey.put(f.key(), fm);
    }
    m.put("fields", fields);
    m.put("fieldsByKey", fieldsByKey);
    List<Object> tables = new ArrayList<>();
    for (SectionTable t : s.tables()) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("caption", t.caption());
      tm.put("columns", t.columns());
      List<Object> rows = new ArrayList<>();
      for (List<MetricValue> r : t.rows()) {
        rows.add(r.stream().map(v -> (Object) value(v, notes)).toList());
      }
      tm.put("rows", rows);
      tm.put("emptyText", t.emptyText());
      tables.add(tm);
    }
    m.put("tables", tables);
    m.put("items", s.items().stream().map(v -> (Object) value(v, notes)).toList());
    m.put("emptyText", s.emptyText());
    m.put("note", s.note());
    m.put("charts", s.charts().stream().map(c -> (Object) ChartTree.of(c)).toList());
    return m;
  }

  private static @Nullable Map<String, Object> window(@Nullable TimeWindow w, java.time.ZoneId zone) {
    return w == null ? null : new WindowMap(w, zone);
  }

  /**
   * A window as {@code start}/{@code end} instants and a {@code label} for readers ("2026-11-16 to 2026-11-22",
   * {@link Windows#describe}), written when read.
   */
  static final class WindowMap extends ComputedMap {
    private static final Keys KEYS = new Keys(List.of("start", "end", "label"));
    private final TimeWindow w;
    private final java.time.ZoneId zone;

    WindowMap(TimeWindow w, java.time.ZoneId zone) {
      super(KEYS);
      this.w = w;
      this.zone = zone;
    }

    @Override
    Object compute(String key) {
      return switch (key) {
        case "start" -> w.start().toString();
        case "end" -> w.end().toString();
        default -> Windows.describe(w, zone);
      };
    }
  }

  /** One value as a map (see docs/pack-json.md). */
  static Map<String, Object> value(MetricValue v, Map<Provenance, Integer> notes) {
    return new ValueMap(v, v.provenance() == null ? null : notes.get(v.provenance()));
  }

  /**
   * A value's map, computed entry by entry when read: a template reads a handful of a value's 17 keys
   * (text, footnote, change), so the formatted texts it does not show are never built. Iterating it
   * (JSON) yields every key in the documented order. Immutable.
   */
  static final class ValueMap extends ComputedMap {
    private static final Keys KEYS = new Keys(List.of("value", "unit", "text", "footnote", "previous", "previousText",
        "deltaAbsolute", "deltaPercent", "deltaText", "trend", "trendArrow", "direction", "good", "anomaly",
        "absentReason", "history", "sparkline", "evidence", "kpi"));

    private final MetricValue v;
    private final @Nullable Integer footnote;

    ValueMap(MetricValue v, @Nullable Integer footnote) {
      super(KEYS);
      this.v = v;
      this.footnote = footnote;
    }

    @Override
    @Nullable Object compute(String k) {
      return switch (k) {
        case "value" -> v.value();
        case "unit" -> v.unit().jsonName();
        case "text" -> v.text();
        case "footnote" -> footnote;
        case "previous" -> v.previous();
        case "previousText" -> v.previous() == null ? null : v.previousText();
        case "deltaAbsolute" -> v.deltaAbsolute();
        case "deltaPercent" -> v.deltaPercent();
        case "deltaText" -> v.deltaAbsolute() == null ? null : v.deltaText();
        case "trend" -> v.trendName();
        case "trendArrow" -> v.trendArrow();
        case "direction" -> v.direction().name().toLowerCase(Locale.ROOT);
        case "good" -> v.good();
        case "anomaly" -> v.anomaly();
        case "absentReason" -> v.absentReason();
        case "history" -> v.history();
        case "sparkline" -> sparkline(v.history());
        case "evidence" -> v.evidence();
        case "kpi" -> v.kpi();
        default -> null;
      };
    }

  }

  /** The key list of a {@link ComputedMap} kind, with its index. */
  record Keys(List<String> names, Map<String, Integer> index) {
    Keys(List<String> names) {
      this(List.copyOf(names), indexOf(names));
    }

    private static Map<String, Integer> indexOf(List<String> names) {
      Map<String, Integer> m = new java.util.HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        m.put(names.get(i), i);
      }
      return Map.copyOf(m);
    }
  }

  /**
   * An immutable map over fixed keys whose entries are computed when first read and then kept
   * (templates often read a key twice: {@code x??} then {@code ${x}}). Iterating it (JSON) yields every
   * key in order. Racing readers may compute an entry twice; the values are equal and immutable.
   */
  abstract static class ComputedMap extends java.util.AbstractMap<String, Object> {
    private static final Object UNSET = new Object();
    private final Keys keys;
    private final Object[] known;

    ComputedMap(Keys keys) {
      this.keys = keys;
      this.known = new Object[keys.names().size()];
      java.util.Arrays.fill(known, UNSET);
    }

    abstract @Nullable Object compute(String key);

    @Override
    public @Nullable Object get(Object key) {
      Integer i = key instanceof String ? keys.index().get(key) : null;
      if (i == null) {
        return null;
      }
      Object k = known[i];
      if (k == UNSET) {
        k = compute((String) key);
        known[i] = k;
      }
      return k;
    }

    @Override
    public boolean containsKey(Object key) {
      return keys.index().containsKey(key);
    }

    @Override
    public int size() {
      return keys.names().size();
    }

    @Override
    public java.util.Set<Entry<String, Object>> entrySet() {
      return new java.util.AbstractSet<>() {
        @Override
        public java.util.Iterator<Entry<String, Object>> iterator() {
          java.util.Iterator<String> it = keys.names().iterator();
          return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Entry<String, Object> next() {
              String k = it.next();
              return new java.util.AbstractMap.SimpleImmutableEntry<>(k, get(k));
            }
          };
        }

        @Override
        public int size() {
          return keys.names().size();
        }
      };
    }
  }

  /**
   * SVG polyline points for {@code history} in a 100 x 20 box (x left to right, higher values higher
   * up), or null with fewer than two points. Only digits, dots, commas and spaces: safe in any markup.
   */
  static @Nullable String sparkline(List<Double> history) {
    if (history.size() < 2) {
      return null;
    }
    double min = history.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = history.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < history.size(); i++) {
      double x = 100.0 * i / (history.size() - 1);
      double y = max == min ? 10 : 19 - 18 * (history.get(i) - min) / (max - min);
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(Decimals.fixed(x, 1, false)).append(',').append(Decimals.fixed(y, 1, false));
    }
    return sb.toString();
  }
}
