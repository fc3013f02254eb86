package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.slo.SloIndicator;
import io.companyos.model.slo.SloSpec;
import io.companyos.model.slo.SloSpec.BudgetingMethod;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads SLO specs written for other tools into {@link SloSpec}s: OpenSLO v1 ({@code apiVersion: openslo/v1}, kinds
 * {@code SLO}, {@code SLI}, {@code Service}), Sloth ({@code version: prometheus/v1}, or its Kubernetes resource
 * {@code PrometheusServiceLevel}) and Pyrra ({@code apiVersion: pyrra.dev/v1alpha1}, kind
 * {@code ServiceLevelObjective}). A file may hold several documents. Keys the specs define that CompanyOS does not use
 * are ignored, so specs written for newer versions of those tools still read; what CompanyOS cannot honour (a
 * budgeting method, an indicator it does not compute) is a located warning, and the SLO is still listed.
 */
public final class SloSpecReader {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d|w|M|Q|y|Y)");

  /** What reading one file found: the SLOs, the problems (errors) in {@code sink}, and the warnings. */
  public record Result(List<SloSpec> slos, List<String> warnings) {
    public Result {
      slos = List.copyOf(slos);
      warnings = List.copyOf(warnings);
    }
  }

  private final ProblemSink sink;
  private final List<String> warnings = new ArrayList<>();
  private final List<SloSpec> slos = new ArrayList<>();
  /** OpenSLO SLIs by name, for {@code indicatorRef}; SLOs that refer to one are resolved after the whole file. */
  private final Map<String, YamlNode.Mapping> slis = new LinkedHashMap<>();
  private final List<YamlNode.Mapping> pendingOpenSlo = new ArrayList<>();

  private SloSpecReader(ProblemSink sink) {
    this.sink = sink;
  }

  /** Reads the documents of one file (see {@link YamlTreeReader#readAll}); problems go to {@code sink}. */
  public static Result read(List<YamlNode> documents, ProblemSink sink) {
    SloSpecReader r = new SloSpecReader(sink);
    for (YamlNode d : documents) {
      r.document(d);
    }
    for (YamlNode.Mapping slo : r.pendingOpenSlo) {
      r.openSloSlo(slo);
    }
    return new Result(r.slos, r.warnings);
  }

  private void document(YamlNode node) {
    if (!(node instanceof YamlNode.Mapping m)) {
      sink.add(ProblemCode.WRONG_TYPE, node.mark(), "an SLO spec document must be a mapping, not " + node.shape(), null);
      return;
    }
    String apiVersion = text(m, "apiVersion");
    String kind = text(m, "kind");
    String version = text(m, "version");
    if ("openslo/v1".equals(apiVersion)) {
      switch (kind == null ? "" : kind) {
        case "SLO" -> pendingOpenSlo.add(m);
        case "SLI" -> {
          String name = metadataName(m);
          if (name != null) {
            slis.put(name, m);
          }
        }
        case "Service", "DataSource", "AlertPolicy", "AlertCondition", "AlertNotificationTarget" -> { }
        default -> unknownKind(m, "OpenSLO v1 has the kinds SLO, SLI, Service, DataSource, AlertPolicy, AlertCondition and "
            + "AlertNotificationTarget");
      }
    } else if ("prometheus/v1".equals(version) && apiVersion == null) {
      sloth(m, m);
    } else if (apiVersion != null && apiVersion.startsWith("sloth.slok.dev/")) {
      if ("PrometheusServiceLevel".equals(kind) && m.entry("spec") != null && m.entry("spec").value() instanceof YamlNode.Mapping spec) {
        sloth(m, spec);
      } else {
        unknownKind(m, "Sloth's Kubernetes resource is PrometheusServiceLevel, with the spec under 'spec'");
      }
    } else if (apiVersion != null && apiVersion.startsWith("pyrra.dev/")) {
      if ("ServiceLevelObjective".equals(kind)) {
        pyrra(m);
      } else {
        unknownKind(m, "Pyrra's resource is ServiceLevelObjective");
      }
    } else {
      sink.add(ProblemCode.SLO_UNKNOWN_KIND, m.mark(), "not an SLO spec CompanyOS reads (apiVersion " + apiVersion + ", kind " + kind
          + (version == null ? "" : ", version " + version) + ")",
          "use OpenSLO 'apiVersion: openslo/v1', Sloth 'version: prometheus/v1' or Pyrra 'apiVersion: pyrra.dev/v1alpha1'");
    }
  }

  private void unknownKind(YamlNode.Mapping m, String hint) {
    YamlNode.Entry e = m.entry("kind");
    sink.add(ProblemCode.SLO_UNKNOWN_KIND, e == null ? m.mark() : e.value().mark(),
        "unknown kind '" + text(m, "kind") + "'", hint);
  }

  // ---- OpenSLO v1 ----------------------------------------------------------------------------------------

  private void openSloSlo(YamlNode.Mapping m) {
    String name = metadataName(m);
    YamlNode.Mapping spec = mapping(m, "spec", true);
    if (name == null || spec == null) {
      return;
    }
    String service = text(spec, "service");
    if (service == null) {
      missing(spec, "service", "spec.service names the service the SLO belongs to");
      return;
    }
    YamlNode.Mapping sli;
    String ref = text(spec, "indicatorRef");
    if (ref != null) {
      sli = slis.get(ref);
      if (sli == null) {
        sink.add(ProblemCode.SLO_UNKNOWN_INDICATOR, spec.entry("indicatorRef").value().mark(), "indicatorRef '" + ref
            + "' names no SLI of this file", slis.isEmpty() ? "define the SLI (kind: SLI) in the same file, or inline it under 'indicator'"
            : "known SLIs: " + String.join(", ", slis.keySet()));
        return;
      }
    } else {
      sli = mapping(spec, "indicator", false);
      if (sli == null) {
        sink.add(ProblemCode.MISSING_KEY, spec.mark(), "the SLO has neither 'indicatorRef' nor 'indicator'", null);
        return;
      }
    }
    YamlNode.Mapping sliSpec = mapping(sli, "spec", true);
    if (sliSpec == null) {
      return;
    }
    Window window = openSloWindow(spec);
    BudgetingMethod budgeting = BudgetingMethod.OCCURRENCES;
    String method = text(spec, "budgetingMethod");
    if (method != null) {
      budgeting = switch (method) {
        case "Occurrences" -> BudgetingMethod.OCCURRENCES;
        case "Timeslices" -> BudgetingMethod.TIMESLICES;
        case "RatioTimeslices" -> BudgetingMethod.RATIO_TIMESLICES;
        default -> {
          sink.add(ProblemCode.INVALID_CHOICE, spec.entry("budgetingMethod").value().mark(), "unknown budgetingMethod '" + method + "'",
              "Occurrences, Timeslices or RatioTimeslices");
          yield null;
        }
      };
      if (budgeting == null) {
        return;
      }
    }
    List<YamlNode> objectives = list(spec, "objectives");
    if (objectives == null || objectives.isEmpty()) {
      sink.add(ProblemCode.SLO_TARGET, spec.mark(), "the SLO has no objectives, so no target", "add objectives: [{target: 0.999}]");
      return;
    }
    String description = orEmpty(text(spec, "description"));
    for (int i = 0; i < objectives.size(); i++) {
      if (!(objectives.get(i) instanceof YamlNode.Mapping o)) {
        sink.add(ProblemCode.WRONG_TYPE, objectives.get(i).mark(), "an objective must be a mapping", null);
        continue;
      }
      Double target = target(o, "target", "targetPercent");
      if (target == null) {
        continue;
      }
      String objName = objectives.size() == 1 ? name : name + "-" + (text(o, "name") != null ? text(o, "name") : String.valueOf(i + 1));
      SloIndicator indicator = openSloIndicator(sliSpec, o, budgeting, objName, queryForm(sli));
      if (indicator == null) {
        continue;
      }
      if (budgeting != BudgetingMethod.OCCURRENCES && !(indicator instanceof SloIndicator.Unsupported)
          && !(budgeting == BudgetingMethod.TIMESLICES && isThreshold(sliSpec))) {
        warn(spec.entry("budgetingMethod").value().mark(), "SLO '" + objName + "': budgetingMethod " + method
            + " is computed as Occurrences (good events / all events over the window)");
      }
      slos.add(new SloSpec(objName, service, description, target, window.length(), window.calendar(), budgeting, indicator,
          origin(m.mark(), "OpenSLO v1")));
    }
  }

  private static boolean isThreshold(YamlNode.Mapping sliSpec) {
    return sliSpec.entry("thresholdMetric") != null;
  }

  /** The query form an exported SLI keeps in its annotation ({@code companyos.io/query-form}); counters otherwise. */
  private SloIndicator.QueryForm queryForm(YamlNode.Mapping sli) {
    String form = text(mapping(mapping(sli, "metadata", false), "annotations", false), io.companyos.model.slo.specs.OpenSloWriter.QUERY_FORM);
    if (form == null) {
      return SloIndicator.QueryForm.COUNTER;
    }
    for (SloIndicator.QueryForm f : SloIndicator.QueryForm.values()) {
      if (f.label().equals(form)) {
        return f;
      }
    }
    return SloIndicator.QueryForm.COUNTER;
  }

  private @Nullable SloIndicator openSloIndicator(YamlNode.Mapping sliSpec, YamlNode.Mapping objective, BudgetingMethod budgeting,
      String name, SloIndicator.QueryForm form) {
    YamlNode.Mapping ratio = mapping(sliSpec, "ratioMetric", false);
    if (ratio != null) {
      boolean counter = !"false".equals(text(ratio, "counter"));
      String[] type = new String[1];
      String good = metricQuery(ratio, "good", type);
      String bad = metricQuery(ratio, "bad", type);
      String total = metricQuery(ratio, "total", type);
      if (ratio.entry("raw") != null) {
        String query = metricQuery(ratio, "raw", type);
        String rawType = text(ratio, "rawType");
        if (query == null) {
          return null;
        }
        if (rawType == null || !(rawType.equals("success") || rawType.equals("failure"))) {
          sink.add(ProblemCode.MISSING_KEY, ratio.mark(), "a raw ratioMetric needs 'rawType: success' or 'rawType: failure'",
              null);
          return null;
        }
        return new SloIndicator.RawRatio(type[0], query, rawType.equals("failure"));
      }
      if (total == null || (good == null) == (bad == null)) {
        sink.add(ProblemCode.MISSING_KEY, ratio.mark(), "a ratioMetric needs 'total' and exactly one of 'good' and 'bad'", null);
        return null;
      }
      // counter: false: each sample is the count of events since the previous one (a gauge of per-interval counts).
      SloIndicator.QueryForm f = !counter && form == SloIndicator.QueryForm.COUNTER ? SloIndicator.QueryForm.SAMPLES : form;
      return new SloIndicator.Ratio(type[0], f, good, bad, total);
    }
    YamlNode.Mapping threshold = mapping(sliSpec, "thresholdMetric", false);
    if (threshold != null) {
      String[] type = new String[1];
      String query = sourceQuery(threshold, type);
      if (query == null) {
        return null;
      }
      return thresholdIndicator(type[0], query, objective, name);
    }
    sink.add(ProblemCode.MISSING_KEY, sliSpec.mark(), "the SLI has neither 'ratioMetric' nor 'thresholdMetric'", null);
    return null;
  }

  /**
   * A thresholdMetric SLI held to its objective's {@code op} ({@code lt}, {@code lte}, {@code gt}, {@code gte}) and
   * {@code value}; either missing or wrong is a located error.
   */
  private SloIndicator.@Nullable Threshold thresholdIndicator(String type, String query, YamlNode.Mapping objective, String name) {
    String op = text(objective, "op");
    String value = text(objective, "value");
    if (op == null || value == null) {
      missing(objective, op == null ? "op" : "value", "a thresholdMetric SLI needs the objective's op (lt, lte, gt, gte) and value");
      return null;
    }
    if (!SloIndicator.Threshold.OPS.contains(op)) {
      sink.add(ProblemCode.INVALID_CHOICE, objective.entry("op").value().mark(), "SLO '" + name + "': op '" + op
          + "' is none of " + String.join(", ", SloIndicator.Threshold.OPS), null);
      return null;
    }
    double v;
    try {
      v = new BigDecimal(value.strip()).doubleValue();
    } catch (NumberFormatException e) {
      sink.add(ProblemCode.WRONG_TYPE, objective.entry("value").value().mark(), "SLO '" + name + "': value '" + value
          + "' is not a number", null);
      return null;
    }
    return new SloIndicator.Threshold(type, query, op, v);
  }

  /** The query of {@code ratio.<key>.metricSource.spec.query}; the source type goes to {@code type[0]}. */
  private @Nullable String metricQuery(YamlNode.Mapping ratio, String key, String[] type) {
    YamlNode.Mapping part = mapping(ratio, key, false);
    return part == null ? null : sourceQuery(part, type);
  }

  private @Nullable String sourceQuery(YamlNode.Mapping part, String[] type) {
    YamlNode.Mapping source = mapping(part, "metricSource", true);
    if (source == null) {
      return null;
    }
    String t = text(source, "type");
    type[0] = t == null ? "prometheus" : t.toLowerCase(Locale.ROOT);
    YamlNode.Mapping spec = mapping(source, "spec", true);
    if (spec == null) {
      return null;
    }
    String q = text(spec, "query");
    if (q == null) {
      q = text(spec, "promql");
    }
    if (q == null) {
      missing(spec, "query", "metricSource.spec.query holds the query");
    }
    return q;
  }

  private record Window(Duration length, boolean calendar) {}

  private Window openSloWindow(YamlNode.Mapping spec) {
    List<YamlNode> tw = list(spec, "timeWindow");
    if (tw == null || tw.isEmpty() || !(tw.get(0) instanceof YamlNode.Mapping w)) {
      warn(spec.mark(), "no timeWindow: the SLO window is taken as 28 days");
      return new Window(Duration.ofDays(28), false);
    }
    String d = text(w, "duration");
    Duration length = d == null ? null : shortDuration(d, w.entry("duration").value().mark());
    if (length == null) {
      if (d == null) {
        missing(w, "duration", "e.g. duration: 28d");
      }
      return new Window(Duration.ofDays(28), false);
    }
    boolean rolling = !"false".equals(text(w, "isRolling"));
    if (!rolling) {
      warn(w.mark(), "a calendar-aligned window (" + d + ") is reported over each pack's own period, not the calendar "
          + "window of the spec");
    }
    return new Window(length, !rolling);
  }

  // ---- Sloth prometheus/v1 -------------------------------------------------------------------------------

  private void sloth(YamlNode.Mapping doc, YamlNode.Mapping spec) {
    String service = text(spec, "service");
    if (service == null) {
      missing(spec, "service", null);
      return;
    }
    List<YamlNode> items = list(spec, "slos");
    if (items == null) {
      missing(spec, "slos", null);
      return;
    }
    for (YamlNode item : items) {
      if (!(item instanceof YamlNode.Mapping s)) {
        sink.add(ProblemCode.WRONG_TYPE, item.mark(), "an entry of slos must be a mapping", null);
        continue;
      }
      String name = text(s, "name");
      if (name == null) {
        missing(s, "name", null);
        continue;
      }
      Double target = target(s, null, "objective");
      if (target == null) {
        continue;
      }
      YamlNode.Mapping sli = mapping(s, "sli", true);
      if (sli == null) {
        continue;
      }
      SloIndicator indicator;
      YamlNode.Mapping events = mapping(sli, "events", false);
      YamlNode.Mapping raw = mapping(sli, "raw", false);
      if (events != null) {
        String error = text(events, "errorQuery");
        String total = text(events, "totalQuery");
        if (error == null || total == null) {
          missing(events, error == null ? "errorQuery" : "totalQuery", null);
          continue;
        }
        indicator = new SloIndicator.Ratio("prometheus", SloIndicator.QueryForm.RATE_TEMPLATE, null, error, total);
      } else if (raw != null) {
        String errorRatio = text(raw, "errorRatioQuery");
        if (errorRatio == null) {
          missing(raw, "errorRatioQuery", null);
          continue;
        }
        indicator = new SloIndicator.RawRatio("prometheus", errorRatio, true);
      } else if (sli.entry("plugin") != null) {
        indicator = new SloIndicator.Unsupported("prometheus", "plugin", "", "an SLI plugin is not run");
      } else {
        sink.add(ProblemCode.MISSING_KEY, sli.mark(), "the SLI has neither 'events' nor 'raw'", null);
        continue;
      }
      if (indicator instanceof SloIndicator.Unsupported u) {
        warn(sli.mark(), "SLO '" + service + "-" + name + "': " + u.reason() + "; it is listed as n/a");
      }
      // Sloth's SLO period is a generator option (30 days by default), not part of the spec.
      slos.add(new SloSpec(service + "-" + name, service, orEmpty(text(s, "description")), target, Duration.ofDays(30), false,
          BudgetingMethod.OCCURRENCES, indicator, origin(s.mark(), "Sloth prometheus/v1")));
    }
  }

  // ---- Pyrra ---------------------------------------------------------------------------------------------

  private void pyrra(YamlNode.Mapping m) {
    String name = metadataName(m);
    YamlNode.Mapping spec = mapping(m, "spec", true);
    if (name == null || spec == null) {
      return;
    }
    Double target = target(spec, null, "target");
    YamlNode.Entry w = spec.entry("window");
    Duration window = Duration.ofDays(28);
    if (w == null) {
      missing(spec, "window", "e.g. window: 4w");
    } else {
      Duration d = shortDuration(orEmpty(text(spec, "window")), w.value().mark());
      if (d != null) {
        window = d;
      }
    }
    YamlNode.Mapping indicator = mapping(spec, "indicator", true);
    if (target == null || indicator == null) {
      return;
    }
    SloIndicator sli;
    YamlNode.Mapping ratio = mapping(indicator, "ratio", false);
    YamlNode.Mapping latency = mapping(indicator, "latency", false);
    YamlNode.Mapping gauge = mapping(indicator, "bool_gauge", false);
    YamlNode.Mapping nat = mapping(indicator, "latencyNative", false);
    if (ratio != null) {
      String errors = nestedText(ratio, "errors", "metric");
      String total = nestedText(ratio, "total", "metric");
      if (errors == null || total == null) {
        sink.add(ProblemCode.MISSING_KEY, ratio.mark(), "a ratio indicator needs errors.metric and total.metric", null);
        return;
      }
      sli = new SloIndicator.Ratio("prometheus", SloIndicator.QueryForm.COUNTER, null, errors, total);
    } else if (latency != null) {
      String success = nestedText(latency, "success", "metric");
      String total = nestedText(latency, "total", "metric");
      if (success == null || total == null) {
        sink.add(ProblemCode.MISSING_KEY, latency.mark(), "a latency indicator needs success.metric and total.metric", null);
        return;
      }
      sli = new SloIndicator.Ratio("prometheus", SloIndicator.QueryForm.COUNTER, success, null, total);
    } else if (gauge != null) {
      String metric = text(gauge, "metric");
      if (metric == null) {
        missing(gauge, "metric", null);
        return;
      }
      sli = new SloIndicator.Ratio("prometheus", SloIndicator.QueryForm.BOOL_GAUGE, metric, null, metric);
    } else if (nat != null) {
      sli = new SloIndicator.Unsupported("prometheus", "latencyNative", orEmpty(nestedText(nat, "total", "metric")),
          "a native-histogram latency indicator is not computed yet");
      warn(nat.mark(), "SLO '" + name + "': " + ((SloIndicator.Unsupported) sli).reason() + "; it is listed as n/a");
    } else {
      sink.add(ProblemCode.MISSING_KEY, indicator.mark(), "the indicator has none of ratio, latency, latencyNative and bool_gauge", null);
      return;
    }
    String service = name;
    YamlNode.Mapping labels = mapping(mapping(m, "metadata", false), "labels", false);
    if (text(labels, "service") != null) {
      service = text(labels, "service");
    }
    slos.add(new SloSpec(name, service, orEmpty(text(spec, "description")), target, window, false, BudgetingMethod.OCCURRENCES, sli,
        origin(m.mark(), "Pyrra")));
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  /**
   * The target as a ratio: {@code ratioKey} holds a ratio (0.999), {@code percentKey} a percent (99.9, or the text
   * "99.9"). Missing or outside (0, 1) is {@link ProblemCode#SLO_TARGET} at the value (or the mapping).
   */
  private @Nullable Double target(YamlNode.Mapping m, @Nullable String ratioKey, @Nullable String percentKey) {
    String key = ratioKey != null && m.entry(ratioKey) != null ? ratioKey : percentKey != null && m.entry(percentKey) != null ? percentKey : null;
    if (key == null) {
      sink.add(ProblemCode.SLO_TARGET, m.mark(), "the SLO has no target", ratioKey != null
          ? "add '" + ratioKey + ": 0.999' (or '" + percentKey + ": 99.9')" : "add '" + percentKey + ": 99.9'");
      return null;
    }
    YamlNode v = m.entry(key).value();
    String t = v instanceof YamlNode.Scalar s ? s.text().strip() : null;
    BigDecimal n;
    try {
      n = t == null ? null : new BigDecimal(t);
    } catch (NumberFormatException e) {
      n = null;
    }
    if (n == null) {
      sink.add(ProblemCode.SLO_TARGET, v.mark(), "target '" + (t == null ? v.shape() : t) + "' is not a number", null);
      return null;
    }
    double ratio = key.equals(ratioKey) ? n.doubleValue() : n.movePointLeft(2).doubleValue();
    if (!(ratio > 0 && ratio < 1)) {
      sink.add(ProblemCode.SLO_TARGET, v.mark(), "target " + t + (key.equals(ratioKey) ? "" : "%") + " is outside (0, 1)",
          key.equals(ratioKey) ? "a ratio such as 0.999; use '" + percentKey + "' for percent" : "a percent such as 99.9");
      return null;
    }
    return ratio;
  }

  /** {@code 28d}, {@code 4w}, {@code 1h30m} (Prometheus), {@code 1M} (30 days), {@code 1Q} (91), {@code 1Y} (365). */
  private @Nullable Duration shortDuration(String text, Mark at) {
    Matcher mt = SHORT_DURATION.matcher(text.strip());
    Duration total = Duration.ZERO;
    int end = 0;
    boolean tooLong = false;
    try {
      while (mt.find() && mt.start() == end) {
        long n = Long.parseLong(mt.group(1));
        total = total.plus(switch (mt.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          case "w" -> Duration.ofDays(Math.multiplyExact(7, n));
          case "M" -> Duration.ofDays(Math.multiplyExact(30, n));
          case "Q" -> Duration.ofDays(Math.multiplyExact(91, n));
          default -> Duration.ofDays(Math.multiplyExact(365, n));
        });
        end = mt.end();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      tooLong = true; // more digits than a long holds, or more time than a Duration holds
    }
    if (tooLong || end == 0 || end != text.strip().length() || total.isZero()) {
      sink.add(ProblemCode.INVALID_DURATION, at, "'" + text + "' is not a duration such as 28d, 4w or 1M", null);
      return null;
    }
    return total;
  }

  private void warn(Mark at, String message) {
    warnings.add(sink.file() + ":" + at.line() + ":" + at.column() + ": " + ProblemCode.SLO_NOT_COMPUTED.code() + " " + message);
  }

  private String origin(Mark at, String format) {
    return sink.file() + ":" + at.line() + ":" + at.column() + " (" + format + ")";
  }

  private void missing(YamlNode.Mapping m, String key, @Nullable String hint) {
    sink.add(ProblemCode.MISSING_KEY, m.mark(), "missing '" + key + "'", hint);
  }

  private @Nullable String metadataName(YamlNode.Mapping m) {
    YamlNode.Mapping meta = mapping(m, "metadata", true);
    if (meta == null) {
      return null;
    }
    String name = text(meta, "name");
    if (name == null) {
      missing(meta, "name", null);
    }
    return name;
  }

  private YamlNode.@Nullable Mapping mapping(YamlNode.@Nullable Mapping m, String key, boolean required) {
    if (m == null) {
      return null;
    }
    YamlNode.Entry e = m.entry(key);
    if (e == null) {
      if (required) {
        missing(m, key, null);
      }
      return null;
    }
    if (e.value() instanceof YamlNode.Mapping v) {
      return v;
    }
    sink.add(ProblemCode.WRONG_TYPE, e.value().mark(), "'" + key + "' must be a mapping, not " + e.value().shape(), null);
    return null;
  }

  private @Nullable List<YamlNode> list(YamlNode.Mapping m, String key) {
    YamlNode.Entry e = m.entry(key);
    if (e == null) {
      return null;
    }
    if (e.value() instanceof YamlNode.Sequence s) {
      return s.items();
    }
    sink.add(ProblemCode.WRONG_TYPE, e.value().mark(), "'" + key + "' must be a list, not " + e.value().shape(), null);
    return null;
  }

  private @Nullable String nestedText(YamlNode.Mapping m, String key, String inner) {
    YamlNode.Mapping v = mapping(m, key, false);
    return v == null ? null : text(v, inner);
  }

  private static @Nullable String text(YamlNode.@Nullable Mapping m, String key) {
    if (m == null) {
      return null;
    }
    YamlNode.Entry e = m.entry(key);
    return e != null && e.value() instanceof YamlNode.Scalar s && s.kind() != YamlNode.ScalarKind.NULL ? s.text() : null;
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
