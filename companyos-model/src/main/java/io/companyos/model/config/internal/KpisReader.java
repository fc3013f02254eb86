package io.companyos.model.config.internal;

import io.companyos.model.check.Threshold;
import io.companyos.model.config.ProblemCode;
import io.companyos.model.org.KpiUnit;
import io.companyos.model.org.RhythmKpi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads {@code kpis.yaml}: the rhythm-effectiveness KPIs and their targets. */
public final class KpisReader {
  /** Top-level keys. */
  public static final List<String> KEYS = List.of("kpis");
  private static final Map<String, KpiUnit> UNITS =
      Arrays.stream(KpiUnit.values()).collect(Collectors.toMap(KpiUnit::yamlName, Function.identity()));

  private final BindContext ctx;

  public KpisReader(BindContext ctx) {
    this.ctx = ctx;
  }

  public @Nullable List<RhythmKpi> read(YamlNode root) {
    MapView m = MapView.of(root, ctx.sink(), "a KPIs file", KEYS).orElse(null);
    List<YamlNode> items = m == null ? null : m.list("kpis", true);
    if (items == null) {
      return null;
    }
    List<RhythmKpi> out = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    boolean ok = true;
    for (YamlNode item : items) {
      MapView k = MapView.of(item, ctx.sink(), "a KPI", List.of("id", "name", "target", "unit", "measurement"))
          .orElse(null);
      if (k == null) {
        ok = false;
        continue;
      }
      String id = k.requireString("id");
      String name = k.requireString("name");
      String expr = k.requireString("target");
      Threshold target = expr == null ? null : HealthChecksReader.threshold(expr, k.valueMark("target"), ctx.sink());
      KpiUnit unit = k.choice("unit", UNITS, true);
      String measurement = k.requireString("measurement");
      if (id == null || name == null || target == null || unit == null || measurement == null) {
        ok = false;
        continue;
      }
      Mark earlier = seen.putIfAbsent(id, k.valueMark("id"));
      if (earlier != null) {
        ctx.sink().add(ProblemCode.DUPLICATE_ID, k.valueMark("id"), "KPI '" + id + "' is defined twice",
            "the first is on line " + earlier.line());
        ok = false;
        continue;
      }
      out.add(ctx.remember(new RhythmKpi(id, name, target, unit, measurement), k.node()));
    }
    return ok ? out : null;
  }
}
