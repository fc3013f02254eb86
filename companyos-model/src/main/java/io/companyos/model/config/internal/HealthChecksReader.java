package io.companyos.model.config.internal;

import io.companyos.model.check.EscalationPolicy;
import io.companyos.model.check.HealthCheck;
import io.companyos.model.check.HealthChecks;
import io.companyos.model.check.Threshold;
import io.companyos.model.config.ProblemCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code health-checks.yaml}: the seed's {@code health_checks} list, an optional {@code interval} and an
 * optional {@code escalation} (whose {@code activity} must be a RACI activity).
 */
public final class HealthChecksReader {
  /** Top-level keys. */
  public static final List<String> KEYS = List.of("health_checks", "interval", "escalation");
  private static final List<String> CHECK_KEYS = List.of("name", "query", "slo", "measure", "threshold", "action", "fire_on_stale",
      "severity");
  private static final List<String> ESCALATION_KEYS = List.of("after", "action", "activity");

  private final BindContext ctx;

  public HealthChecksReader(BindContext ctx) {
    this.ctx = ctx;
  }

  public @Nullable HealthChecks read(YamlNode root) {
    MapView m = MapView.of(root, ctx.sink(), "a health-checks file", KEYS).orElse(null);
    if (m == null) {
      return null;
    }
    Duration interval = m.has("interval") ? m.duration("interval", false) : HealthChecks.DEFAULT_INTERVAL;
    List<YamlNode> items = m.list("health_checks", true);
    EscalationPolicy escalation = m.has("escalation") ? escalation(m.value("escalation")) : EscalationPolicy.DEFAULT;
    if (items == null || interval == null || escalation == null) {
      return null;
    }
    List<HealthCheck> checks = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    boolean ok = true;
    for (YamlNode item : items) {
      HealthCheck c = check(item);
      if (c == null) {
        ok = false;
        continue;
      }
      Mark at = ((YamlNode.Mapping) item).entry("name").value().mark();
      Mark earlier = seen.putIfAbsent(c.name(), at);
      if (earlier != null) {
        ctx.sink().add(ProblemCode.DUPLICATE_ID, at, "health check '" + c.name() + "' is defined twice",
            "the first is on line " + earlier.line() + "; give each check its own name");
        ok = false;
      }
      checks.add(c);
    }
    if (!ok) {
      return null;
    }
    HealthChecks result = ctx.construct(m.mark(), () -> new HealthChecks(interval, checks, escalation));
    return result == null ? null : ctx.remember(result, m.node());
  }

  private @Nullable HealthCheck check(YamlNode item) {
    MapView c = MapView.of(item, ctx.sink(), "a health check", CHECK_KEYS).orElse(null);
    if (c == null) {
      return null;
    }
    String name = c.requireString("name");
    HealthCheck.SloTarget slo = null;
    String query;
    if (c.has("slo") && !c.has("query")) {
      // A check on one of the company's SLO specs: the SLO's name and a measure of it (docs/slos.md).
      String sloName = c.requireString("slo");
      Map<String, HealthCheck.SloMeasure> measures = new java.util.LinkedHashMap<>();
      for (HealthCheck.SloMeasure m : HealthCheck.SloMeasure.values()) {
        measures.put(m.key(), m);
      }
      HealthCheck.SloMeasure measure = c.choice("measure", measures, true);
      if (sloName == null || measure == null) {
        return null;
      }
      slo = new HealthCheck.SloTarget(sloName, measure);
      ctx.reference(Reference.Kind.SLO, sloName, c.valueMark("slo"), "health check '" + name + "'");
      query = "slo " + sloName + " " + measure.key();
    } else {
      if (c.has("slo") || c.has("measure")) {
        ctx.sink().add(ProblemCode.INVALID_VALUE, c.valueMark(c.has("slo") ? "slo" : "measure"),
            "a health check has either 'query' or 'slo' with 'measure'", "remove the query to check the SLO, or the slo and measure");
        return null;
      }
      query = c.requireString("query");
    }
    String expr = c.requireString("threshold");
    String action = c.requireString("action");
    Threshold threshold = expr == null ? null : threshold(expr, c.valueMark("threshold"));
    Boolean fireOnStale = c.choice("fire_on_stale", java.util.Map.of("true", Boolean.TRUE, "false", Boolean.FALSE), false);
    Map<String, String> severities = new java.util.LinkedHashMap<>();
    HealthCheck.SEVERITIES.forEach(s -> severities.put(s, s));
    String severity = c.choice("severity", severities, false);
    if (name == null || query == null || threshold == null || action == null || (c.has("fire_on_stale") && fireOnStale == null)
        || (c.has("severity") && severity == null)) {
      return null;
    }
    return ctx.remember(new HealthCheck(name, query, threshold, action, Boolean.TRUE.equals(fireOnStale), severity, slo), c.node());
  }

  private @Nullable EscalationPolicy escalation(@Nullable YamlNode node) {
    MapView e = node == null ? null : MapView.of(node, ctx.sink(), "the escalation", ESCALATION_KEYS).orElse(null);
    if (e == null) {
      return null;
    }
    Integer after = e.has("after") ? e.integer("after", 1, 1000, false) : Integer.valueOf(EscalationPolicy.DEFAULT.after());
    String action = e.has("action") ? e.string("action") : EscalationPolicy.DEFAULT.action();
    String activity = e.has("activity") ? e.string("activity") : null;
    if (after == null || action == null || (e.has("activity") && activity == null)) {
      return null;
    }
    if (activity != null) {
      ctx.reference(Reference.Kind.RACI_ACTIVITY, activity, e.valueMark("activity"), "the escalation's 'activity'");
    }
    return ctx.construct(e.mark(), () -> new EscalationPolicy(after, action, activity));
  }

  /** Parses a threshold expression, reporting {@link ProblemCode#INVALID_THRESHOLD}. */
  static @Nullable Threshold threshold(String expr, Mark mark, ProblemSink sink) {
    try {
      return Threshold.parse(expr);
    } catch (IllegalArgumentException e) {
      sink.add(ProblemCode.INVALID_THRESHOLD, mark, e.getMessage(), e.getMessage().contains("unit")
          ? "convert it to the query's unit and write the number alone, e.g. \"> 6\" for a query in days"
          : "write an operator and a number, e.g. \"> 6\"");
      return null;
    }
  }

  private @Nullable Threshold threshold(String expr, Mark mark) {
    return threshold(expr, mark, ctx.sink());
  }
}
