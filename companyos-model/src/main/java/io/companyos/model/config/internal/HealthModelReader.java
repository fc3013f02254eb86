package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.health.HealthModelWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code health-model.yaml}: dimension weights, each dimension's KPI weights and the status bands.
 * Dimension and KPI ids are remembered as references and checked, located, against the ids of the
 * built-in model once every file is read.
 */
public final class HealthModelReader {
  /** Top-level keys. */
  public static final List<String> KEYS = List.of("health_model");

  private final BindContext ctx;

  public HealthModelReader(BindContext ctx) {
    this.ctx = ctx;
  }

  public @Nullable HealthModelWeights read(YamlNode root) {
    MapView top = MapView.of(root, ctx.sink(), "a health-model file", KEYS).orElse(null);
    YamlNode body = top == null ? null : top.value("health_model");
    if (body == null) {
      if (top != null) {
        top.missing("health_model", null);
      }
      return null;
    }
    MapView m = MapView.of(body, ctx.sink(), "the health model", List.of("bands", "dimensions")).orElse(null);
    if (m == null) {
      return null;
    }
    YamlNode bandsNode = m.value("bands");
    if (bandsNode == null) {
      m.missing("bands", "give healthy and watch, e.g. {healthy: 80, watch: 60}");
      return null;
    }
    MapView bands = MapView.of(bandsNode, ctx.sink(), "the bands", List.of("healthy", "watch")).orElse(null);
    Integer healthy = bands == null ? null : bands.integer("healthy", 1, 100, true);
    Integer watch = bands == null ? null : bands.integer("watch", 0, 99, true);
    List<YamlNode> items = m.list("dimensions", true);
    if (items == null) {
      return null;
    }
    List<HealthModelWeights.DimensionWeights> dims = new ArrayList<>();
    boolean ok = healthy != null && watch != null;
    for (YamlNode item : items) {
      HealthModelWeights.DimensionWeights d = dimension(item);
      if (d == null) {
        ok = false;
      } else {
        dims.add(d);
      }
    }
    if (!ok) {
      return null;
    }
    int h = healthy;
    int w = watch;
    return ctx.construct(m.mark(), () -> new HealthModelWeights(dims, h, w));
  }

  private HealthModelWeights.@Nullable DimensionWeights dimension(YamlNode item) {
    MapView d = MapView.of(item, ctx.sink(), "a dimension", List.of("id", "weight", "kpis")).orElse(null);
    if (d == null) {
      return null;
    }
    String id = d.requireString("id");
    Integer weight = d.integer("weight", 0, 1000, true);
    YamlNode kpisNode = d.value("kpis");
    if (id == null || weight == null) {
      return null;
    }
    ctx.reference(Reference.Kind.HEALTH_DIMENSION, id, d.valueMark("id"), "health-model dimension");
    if (kpisNode == null) {
      d.missing("kpis", "map each KPI id to its weight, e.g. {nps: 1}");
      return null;
    }
    if (!(kpisNode instanceof YamlNode.Mapping mapping)) {
      MapView.wrongShape(ctx.sink(), kpisNode, "'kpis'", "a mapping of KPI ids to weights");
      return null;
    }
    Map<String, Integer> kpis = new LinkedHashMap<>();
    boolean ok = true;
    for (YamlNode.Entry e : mapping.entries().values()) {
      String text = MapView.text(e.value(), ctx.sink(), "the weight of KPI '" + e.key() + "'");
      Integer kw = text == null ? null : weight(text, e.value().mark(), e.key());
      if (kw == null) {
        ok = false;
        continue;
      }
      ctx.reference(Reference.Kind.HEALTH_KPI, e.key(), e.keyMark(), "dimension '" + id + "'");
      kpis.put(e.key(), kw);
    }
    return ok ? ctx.construct(d.mark(), () -> new HealthModelWeights.DimensionWeights(id, weight, kpis)) : null;
  }

  private @Nullable Integer weight(String text, Mark mark, String kpi) {
    try {
      int v = Integer.parseInt(text.strip());
      if (v >= 0 && v <= 1000) {
        return v;
      }
      ctx.sink().add(ProblemCode.OUT_OF_RANGE, mark, "the weight of KPI '" + kpi + "' is " + v + "; it must be 0 to 1000", null);
    } catch (NumberFormatException e) {
      ctx.sink().add(ProblemCode.WRONG_TYPE, mark, "the weight of KPI '" + kpi + "' must be a whole number, not '" + text + "'",
          null);
    }
    return null;
  }
}
