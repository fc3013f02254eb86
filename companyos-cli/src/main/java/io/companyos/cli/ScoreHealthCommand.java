package io.companyos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.companyos.render.CompositeHealth;
import io.companyos.scoring.health.HealthScore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code companyos score health}: the composite health score with its explanation table. */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = {"Prints the composite health score of the standard model and how each KPI contributes: raw value, "
        + "normalized score, weight and points (the points add up exactly to the score)."})
final class ScoreHealthCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Mixin
  SourceOptions sources = new SourceOptions();

  @Option(names = "--as-of", paramLabel = "ISO", description = "Score as of this instant (default: the source's snapshot as-of, else now).")
  @Nullable Instant asOf;

  @Option(names = "--tz", paramLabel = "ZONE", defaultValue = "UTC", description = "Zone of the reporting periods (default ${DEFAULT-VALUE}).")
  ZoneId tz;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  Format format;

  private io.companyos.model.time.TimeWindow window;

  @Override
  public Integer call() throws Exception {
    try (RenderSources.Opened fixed = RenderSources.open(definitions.sources(sources.sourcesFile), asOf)) {
      Instant at = fixed.asOf();
      var company = definitions.company();
      HealthScore s = CompositeHealth.evaluate(company, fixed.all(), at, tz);
      window = CompositeHealth.window(company, at, tz);
      print(s, at, spec.commandLine().getOut());
    }
    return 0;
  }

  private void print(HealthScore s, Instant at, PrintWriter out) throws Exception {
    if (format == Format.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("as_of", at.toString());
      m.put("window_start", window.start().toString());
      m.put("window_end", window.end().toString());
      m.put("score", s.score().isPresent() ? s.score().getAsDouble() : null);
      m.put("status", s.status() == null ? null : s.status().label());
      List<Map<String, Object>> kpis = new ArrayList<>();
      for (HealthScore.KpiContribution k : s.kpis()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kpi", k.kpi());
        row.put("dimension", k.dimension());
        row.put("raw", k.raw());
        row.put("normalized", k.normalized());
        row.put("weight", k.weight());
        row.put("points", k.points());
        kpis.add(row);
      }
      m.put("kpis", kpis);
      m.put("missing", s.missing());
      m.put("rescaled", s.rescaled());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
      return;
    }
    if (s.score().isEmpty()) {
      out.println("Health score: n/a (no KPI has data) over " + window.start() + " to " + window.end() + ", as of " + at);
      return;
    }
    out.printf(Locale.ROOT, "Health score %.1f/100 (%s) over %s to %s (exclusive), as of %s%n%n", s.score().getAsDouble(),
        s.status().label(), window.start(), window.end(), at);
    out.printf(Locale.ROOT, "%-12s %-32s %12s %10s %8s %7s%n", "dimension", "KPI", "raw", "normalized", "weight", "points");
    for (HealthScore.KpiContribution k : s.kpis()) {
      out.printf(Locale.ROOT, "%-12s %-32s %12s %10.1f %7.1f%% %7.1f%n", k.dimension(), k.label(), raw(k.raw()), k.normalized(),
          k.weight() * 100, k.points());
    }
    out.printf(Locale.ROOT, "%-12s %-32s %12s %10s %8s %7.1f%n", "", "total", "", "", "", s.score().getAsDouble());
    out.println();
    for (HealthScore.DimensionScore d : s.dimensions()) {
      out.printf(Locale.ROOT, "%-12s %s%n", d.dimension(), d.score().isPresent()
          ? String.format(Locale.ROOT, "%.1f (%s), %.1f points", d.score().getAsDouble(), d.status().label(), d.points())
          : "n/a (no KPI of this dimension has data)");
    }
    if (!s.missing().isEmpty()) {
      out.println("missing (weights rescaled over the others): " + String.join(", ", s.missing()));
    }
  }

  private static String raw(double v) {
    return Math.abs(v) >= 1000 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v);
  }
}
