package io.companyos.render.internal;

import io.companyos.render.Field;
import io.companyos.render.MetricValue;
import io.companyos.render.PackDocument;
import io.companyos.render.PackSection;
import io.companyos.render.SectionTable;
import io.companyos.render.Unit;
import io.companyos.sources.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's template variables ({@code {{ health_score }}}, {@code {{ incident_table }}}, ...) as
 * ready-made Markdown, so that a company can copy a pack exactly as the seed prints it into
 * {@code docs/meetings/templates/<pack-id>.md}. Data is escaped here; numbers whose seed placeholder is
 * followed by {@code %} or preceded by {@code $} come without that sign. Tables whose header the seed
 * prints give their rows only; the others give the whole table.
 */
public final class SeedVariables {
  /** {@code {{ name }}} placeholders of the seed's templates. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z][a-z0-9_]*)\\s*}}");

  /** Section type → seed variable, and whether the seed template prints the table header itself. */
  private static final Map<String, String> BLOCKS = Map.ofEntries(
      Map.entry("incident_summary", "incident_table:rows"), Map.entry("slo_performance", "slo_table:rows"),
      Map.entry("vulnerability_summary", "vuln_table:rows"), Map.entry("sprint_goals", "goals_table:rows"),
      Map.entry("action_items", "previous_actions_status"), Map.entry("recommendations", "auto_recommendations"),
      Map.entry("deploys", "deploy_list"), Map.entry("stale_prs", "stale_prs"), Map.entry("critical_cves", "critical_cve_list"),
      Map.entry("feature_adoption", "feature_adoption_table"), Map.entry("top_requests", "top_requests"),
      Map.entry("completed_work", "completed_items"), Map.entry("carryover", "carryover_items"),
      Map.entry("wins", "wins_list"), Map.entry("risks", "risks_list"), Map.entry("decisions", "decisions_list"),
      Map.entry("okr_progress", "okr_progress_table"), Map.entry("okr_results", "okr_results_table"),
      Map.entry("cost_drivers", "cost_drivers_table"), Map.entry("team_costs", "team_costs_table"),
      Map.entry("optimization_opportunities", "optimization_recommendations"),
      Map.entry("dimension_comparison", "dimension_quarterly_comparison"), Map.entry("achievements", "achievements_list"),
      Map.entry("misses", "misses_list"), Map.entry("next_quarter_focus", "next_quarter_priorities"));

  /** Rows of the cost summary table → seed names of actual, budget and variance. */
  private static final Map<String, List<String>> COST_ROWS = Map.of(
      "Total Cloud Spend", List.of("total_spend", "budget", "variance"),
      "Cost per MAU", List.of("cost_per_mau", "target_per_mau", "cpu_variance"),
      "Infrastructure", List.of("infra_spend", "", "infra_mom"));

  private SeedVariables() {}

  /** Rewrites {@code {{ name }}} to a FreeMarker interpolation of the prepared Markdown in {@code seed}. */
  public static String translate(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement("${((seed." + m.group(1) + ")!\"n/a (no value for " + m.group(1)
          + " in this pack)\")?no_esc}"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** True when {@code template} uses the seed's {@code {{ }}} placeholders. */
  public static boolean usesSeedSyntax(String template) {
    return PLACEHOLDER.matcher(template).find();
  }

  /** Every seed variable this pack can fill, as Markdown; {@code tree} is the pack's {@link PackTree}. */
  public static Map<String, String> of(PackDocument doc, Map<String, Object> tree) {
    Map<Provenance, Integer> notes = doc.footnotes();
    Map<String, String> v = new LinkedHashMap<>();
    Map<String, Object> cal = tree.get("calendar") instanceof Map<?, ?> m ? cast(m) : Map.of();
    v.put("date", String.valueOf(cal.get("date")));
    v.put("week_number", String.valueOf(cal.get("week")));
    v.put("month", String.valueOf(cal.get("month")));
    v.put("year", String.valueOf(cal.get("year")));
    v.put("quarter", String.valueOf(cal.get("quarter")));
    v.put("sprint_number", String.valueOf(cal.get("sprint")));
    for (PackSection s : doc.sections()) {
      for (Field f : s.fields()) {
        MetricValue x = f.value();
        v.put(f.key(), bare(x, notes));
        v.put(f.key() + "_delta", x.deltaAbsolute() == null ? "n/a (no previous value)" : esc(x.deltaText()));
        v.put(f.key() + "_trend", trend(x));
        v.put(f.key() + "_prev", esc(x.previousText()));
      }
      if (s.type().equals("health_snapshot") || s.type().equals("executive_summary")) {
        s.fields().stream().filter(f -> f.key().equals("health_score")).findFirst()
            .ifPresent(f -> v.put("health_trend", trend(f.value())));
      }
      for (SectionTable t : s.tables()) {
        for (List<MetricValue> row : t.rows()) {
          String label = row.get(0).text();
          String key = label.toLowerCase(Locale.ROOT).replace("sessions/user", "sessions").replaceAll("[^a-z0-9]+", "_");
          if (s.type().equals("dimension_scores") && row.size() == 4) {
            // The seed writes "financial_score" for the Financials row.
            for (String k : key.equals("financials") ? List.of(key, "financial") : List.of(key)) {
              v.put(k + "_score", bare(row.get(1), notes));
              v.put(k + "_trend", esc(row.get(2).text()));
              v.put(k + "_highlight", esc(row.get(3).text()));
            }
          } else if (s.type().equals("engagement_summary") && row.size() == 5) {
            v.put(key, bare(row.get(1), notes));
            v.put(key + "_prev", bare(row.get(2), notes));
            v.put(key + "_delta", esc(row.get(3).text()));
            v.put(key + "_trend", esc(row.get(4).text()));
          } else if (s.type().equals("cost_summary") && COST_ROWS.containsKey(label)) {
            List<String> names = COST_ROWS.get(label);
            for (int i = 0; i < 3; i++) {
              if (!names.get(i).isEmpty()) {
                v.put(names.get(i), bare(row.get(i + 1), notes));
              }
            }
          }
        }
      }
      String block = BLOCKS.get(s.type());
      if (block != null) {
        boolean rowsOnly = block.endsWith(":rows");
        v.put(block.replace(":rows", ""), block(s, rowsOnly, notes));
      }
    }
    return v;
  }

  /** A section's tables (rows only, or whole) and list items as Markdown, or its reason when unavailable. */
  private static String block(PackSection s, boolean rowsOnly, Map<Provenance, Integer> notes) {
    List<String> lines = new ArrayList<>();
    for (SectionTable t : s.tables()) {
      if (!rowsOnly) {
        lines.add("| " + String.join(" | ", t.columns().stream().map(MarkdownEscaper::escape).toList()) + " |");
        lines.add("|" + String.join("|", t.columns().stream().map(c -> "-".repeat(c.length() + 2)).toList()) + "|");
      }
      for (List<MetricValue> r : t.rows()) {
        lines.add("| " + String.join(" | ", r.stream().map(c -> cell(c, notes)).toList()) + " |");
      }
      if (t.rows().isEmpty()) {
        String text = s.available() ? t.emptyText() : "n/a (" + s.unavailableReason() + ")";
        lines.add("| " + esc(text) + " |" + " |".repeat(Math.max(0, t.columns().size() - 1)));
      }
    }
    for (MetricValue i : s.items()) {
      lines.add("- " + cell(i, notes));
    }
    if (lines.isEmpty()) {
      lines.add(s.available() ? esc(s.emptyText().isEmpty() ? "none" : s.emptyText()) : esc("n/a (" + s.unavailableReason() + ")"));
    }
    return String.join("\n", lines);
  }

  private static String cell(MetricValue v, Map<Provenance, Integer> notes) {
    return esc(v.text()) + mark(v, notes);
  }

  /** The number without the unit sign the seed template adds (%, $ or /100), else the written text. */
  private static String bare(MetricValue v, Map<Provenance, Integer> notes) {
    if (v.value() != null && (v.unit() == Unit.PERCENT || v.unit() == Unit.USD || v.unit() == Unit.SCORE)) {
      String n = switch (v.unit()) {
        case PERCENT -> Unit.PERCENT.format(v.value()).replace("%", "");
        case USD -> Unit.USD.format(v.value()).replace("$", "");
        default -> Unit.SCORE.format(v.value());
      };
      return n + mark(v, notes);
    }
    return esc(v.text()) + mark(v, notes);
  }

  private static String trend(MetricValue v) {
    if (v.deltaAbsolute() == null) {
      return "n/a (no previous value)";
    }
    return v.trendArrow() + " " + esc(v.deltaText()) + (v.good() == null ? "" : v.good() ? ", better" : ", worse");
  }

  private static String mark(MetricValue v, Map<Provenance, Integer> notes) {
    Integer n = v.provenance() == null ? null : notes.get(v.provenance());
    return n == null ? "" : "[^" + n + "]";
  }

  private static String esc(String s) {
    return MarkdownEscaper.escape(s);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
