package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.pack.ParamSpec;
import io.companyos.model.pack.ParamType;
import io.companyos.model.pack.SectionSpec;
import io.companyos.model.pack.SectionType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads one entry of a pack's {@code sections} list: finds its {@link SectionType} and converts
 * every parameter to the Java type its {@link ParamSpec} declares, checking ranges and choices.
 */
final class SectionReader {
  private static final int MAX_SCALE = 64;

  private final BindContext ctx;

  SectionReader(BindContext ctx) {
    this.ctx = ctx;
  }

  @Nullable SectionSpec read(YamlNode node) {
    ProblemSink sink = ctx.sink();
    if (!(node instanceof YamlNode.Mapping m)) {
      MapView.wrongShape(sink, node, "a section", "a mapping with 'type' and its parameters");
      return null;
    }
    YamlNode.Entry typeEntry = m.entry("type");
    if (typeEntry == null) {
      sink.add(ProblemCode.MISSING_KEY, m.mark(), "a section needs 'type'", "for example 'type: incident_summary'");
      return null;
    }
    String typeName = MapView.text(typeEntry.value(), sink, "'type'");
    if (typeName == null) {
      return null;
    }
    Optional<SectionType> type = ctx.registry().find(typeName);
    if (type.isEmpty()) {
      sink.add(ProblemCode.UNKNOWN_SECTION_TYPE, typeEntry.value().mark(), "unknown section type '" + typeName + "'",
          Suggestions.hint(typeName, ctx.registry().names()));
      return null;
    }
    List<String> allowed = new ArrayList<>(type.get().paramNames());
    allowed.add("type");
    MapView view = MapView.of(m, sink, "section '" + typeName + "'", allowed).orElseThrow();
    Map<String, Object> params = new LinkedHashMap<>();
    boolean ok = true;
    for (ParamSpec p : type.get().params().values()) {
      if (!view.has(p.name())) {
        if (p.required()) {
          view.missing(p.name(), p.description());
          ok = false;
        }
        continue;
      }
      Object v = convert(p, view.value(p.name()), "'" + p.name() + "'");
      if (v == null) {
        ok = false;
      } else {
        params.put(p.name(), v);
      }
    }
    if (!ok) {
      return null;
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (YamlNode.Entry e : m.entries().values()) {
      if (params.containsKey(e.key())) {
        ordered.put(e.key(), params.get(e.key()));
      }
    }
    SectionSpec spec = ctx.construct(m.mark(), () -> new SectionSpec(typeName, ordered));
    return spec == null ? null : ctx.remember(spec, m);
  }

  private @Nullable Object convert(ParamSpec p, YamlNode v, String what) {
    ProblemSink sink = ctx.sink();
    return switch (p.type()) {
      case STRING -> MapView.text(v, sink, what);
      case CHOICE -> {
        String t = MapView.text(v, sink, what);
        yield t == null ? null : checkChoice(p, t, v.mark());
      }
      case STRING_LIST, ROLE_LIST -> {
        List<String> items = MapView.stringList(v, sink, what);
        if (items == null) {
          yield null;
        }
        List<Mark> marks = MapView.itemMarks(v);
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
          if (checkChoice(p, items.get(i), marks.get(i)) == null) {
            ok = false;
          } else if (p.type() == ParamType.ROLE_LIST) {
            ctx.reference(Reference.Kind.ROLE, items.get(i), marks.get(i), what);
          }
        }
        yield ok ? items : null;
      }
      case BOOLEAN -> {
        if (v instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.BOOL) {
          yield Boolean.valueOf(s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("yes")
              || s.text().equalsIgnoreCase("on") || s.text().equalsIgnoreCase("y"));
        }
        MapView.wrongShape(sink, v, what, "true or false");
        yield null;
      }
      case DECIMAL -> {
        BigDecimal d = number(v, what, false);
        yield d == null ? null : inRange(p, d, v.mark(), what) ? d : null;
      }
      case INTEGER -> {
        BigDecimal d = number(v, what, true);
        yield d == null ? null : inRange(p, d, v.mark(), what) ? (Object) d.intValueExact() : null;
      }
      case DURATION -> {
        String t = MapView.text(v, sink, what);
        Duration d = t == null ? null : MapView.parseDuration(t, v.mark(), what, sink);
        yield d;
      }
    };
  }

  private @Nullable String checkChoice(ParamSpec p, String value, Mark mark) {
    if (p.choices().isEmpty() || p.choices().contains(value)) {
      return value;
    }
    ctx.sink().add(ProblemCode.INVALID_CHOICE, mark, "'" + value + "' is not a valid " + p.name(),
        Suggestions.hint(value, p.choices()));
    return null;
  }

  private @Nullable BigDecimal number(YamlNode v, String what, boolean whole) {
    String t = MapView.text(v, ctx.sink(), what);
    if (t == null) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(t.strip());
      if (Math.abs(d.scale()) > MAX_SCALE || d.precision() > MAX_SCALE) {
        ctx.sink().add(ProblemCode.OUT_OF_RANGE, v.mark(), what + " has too many digits", null);
        return null;
      }
      if (whole && d.stripTrailingZeros().scale() > 0) {
        throw new NumberFormatException();
      }
      if (whole && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        ctx.sink().add(ProblemCode.OUT_OF_RANGE, v.mark(), what + " is too large", null);
        return null;
      }
      return whole ? new BigDecimal(d.toBigInteger()) : d;
    } catch (NumberFormatException | ArithmeticException e) {
      ctx.sink().add(ProblemCode.WRONG_TYPE, v.mark(),
          what + " must be " + (whole ? "a whole number" : "a decimal number") + ", not '" + t + "'", null);
      return null;
    }
  }

  private boolean inRange(ParamSpec p, BigDecimal d, Mark mark, String what) {
    boolean low = p.min() == null || d.compareTo(p.min()) >= 0;
    boolean high = p.max() == null || d.compareTo(p.max()) <= 0;
    if (low && high) {
      return true;
    }
    String range = (p.min() == null ? "" : "at least " + p.min().toPlainString())
        + (p.min() != null && p.max() != null ? " and " : "")
        + (p.max() == null ? "" : "at most " + p.max().toPlainString());
    ctx.sink().add(ProblemCode.OUT_OF_RANGE, mark, what + " is " + d + "; it must be " + range, null);
    return false;
  }
}
